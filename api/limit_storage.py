"""The rate limiter's memory storage, without a thread per request burst.

`limits`' `MemoryStorage` sweeps expired counters on a `threading.Timer` of
10 ms that it starts again on the next count once the last one has run: under
load a new thread every few requests, about a millisecond of a request's own
time (docs/benchmarks/http-ceiling.md). Counting never needed the sweep (a
counter past its expiry reads as zero on its next use); the sweep only frees
memory. This storage sweeps inline instead, at most once a second, on the
request that finds the second over. `KB_RATE_LIMIT_STORAGE=memory://` (the
default) uses it; other storages are untouched.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from limits.storage import MemoryStorage

SCHEME = "kb-memory"
SWEEP_SECONDS = 1.0


class SweptMemoryStorage(MemoryStorage):
    """`memory://` whose expired counters are swept inline, at most once a second."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: Any):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._next_sweep = time.monotonic() + SWEEP_SECONDS
        self._sweep_lock = threading.Lock()

    def _MemoryStorage__schedule_expiry(self) -> None:  # noqa: N802 (the parent's private hook)
        now = time.monotonic()
        if now < self._next_sweep or not self._sweep_lock.acquire(blocking=False):
            return
        try:
            self._next_sweep = now + SWEEP_SECONDS
            self._MemoryStorage__expire_events()  # type: ignore[attr-defined]
        finally:
            self._sweep_lock.release()


def storage_uri(configured: str) -> str:
    """The storage URI to give Flask-Limiter: `memory://` becomes this module's."""
    return f"{SCHEME}://" if configured == "memory://" else configured
