"""Bounds on what one caller can cost: a request rate limit and a cap on concurrent exports.

The rate limit (Flask-Limiter, `KB_RATE_LIMIT`, default `300/second`; `off`
disables it) counts requests under `/api/v1` per API key, or per client address
for callers without a key. Its storage is memory: each gunicorn worker process
counts on its own, so with W workers a caller may get up to W times the limit,
and several hosts each count separately (point `KB_RATE_LIMIT_STORAGE` at a
shared store such as `redis://...` for one count). Beyond it: 429 with
`Retry-After`.

Exports are the costliest reads: each worker process runs at most
`KB_MAX_CONCURRENT_EXPORTS` (default 1) at a time; one more answers 429 with
`Retry-After` at once instead of queueing behind them. The slot is held until
the streamed body has been sent.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from flask import Flask, Response, request
from flask_limiter import Limiter, RequestLimit

from api.errors import problem
from api.limit_storage import storage_uri

DEFAULT_RATE_LIMIT = "300/second"
DEFAULT_MAX_CONCURRENT_EXPORTS = 1
EXPORT_RETRY_AFTER_SECONDS = 2
_OFF = {"", "0", "off", "none", "false", "no"}


def rate_limit_from_env() -> str | None:
    """`KB_RATE_LIMIT` (a Flask-Limiter limit string such as `300/second;10000/hour`),
    None when it is `off`."""
    raw = os.environ.get("KB_RATE_LIMIT")
    if raw is None:
        return DEFAULT_RATE_LIMIT
    return None if raw.strip().lower() in _OFF else raw.strip()


def max_exports_from_env() -> int:
    raw = os.environ.get("KB_MAX_CONCURRENT_EXPORTS", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_CONCURRENT_EXPORTS


def caller_key() -> str:
    """Whom a request counts against: its API key (hashed), else its address."""
    authorization = request.headers.get("Authorization", "")
    if authorization:
        digest = hashlib.sha256(authorization.encode("utf-8", "replace")).hexdigest()[:32]
        return "key:" + digest
    return "address:" + (request.remote_addr or "unknown")


def _only_api() -> bool:
    """Exempt everything outside `/api/v1` (health checks, docs, the explorer's files)."""
    return not request.path.startswith("/api/v1/")


def _breached(limit: RequestLimit) -> Response:
    # the store rounds its reset time up: never ask for more than one window
    window = limit.limit.get_expiry()
    retry_after = min(window, max(1, math.ceil(limit.reset_at - time.time())))
    response, _status = problem(
        429,
        f"more than {limit.limit} requests from this caller; retry in {retry_after} s",
        "rate-limited",
        headers={"Retry-After": str(retry_after)},
    )
    return response


class ExportSlots:
    """At most `size` exports at once in this process; `acquire` says whether one is free."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._free = threading.BoundedSemaphore(size)

    def acquire(self) -> bool:
        return self._free.acquire(blocking=False)

    def release(self) -> None:
        self._free.release()


def export_slots(app: Flask) -> ExportSlots:
    slots: ExportSlots = app.extensions["kb_export_slots"]
    return slots


def busy_exports(slots: ExportSlots) -> tuple[Response, int]:
    return problem(
        429,
        f"{slots.size} exports are already running on this worker; retry shortly",
        "too-many-exports",
        headers={"Retry-After": str(EXPORT_RETRY_AFTER_SECONDS)},
    )


def with_export_slot(
    slots: ExportSlots, export: Callable[[], Response]
) -> Response | tuple[Response, int]:
    """Run `export` in a free slot, released when its streamed body is done; else 429.

    Done means sent to the end or closed, whichever comes first (a server closes
    every response; a client library may only read it to the end).
    """
    if not slots.acquire():
        return busy_exports(slots)
    release = _once(slots.release)
    try:
        response = export()
    except BaseException:
        release()
        raise
    if not response.is_streamed or response.status_code == 304:
        release()  # built whole in memory (the feed) or no body to send: the work is done
        return response
    response.response = _releasing(response.response, release)
    response.call_on_close(release)
    return response


def _releasing(body: Iterable[Any], release: Callable[[], None]) -> Iterator[Any]:
    try:
        yield from body
    finally:
        release()


def _once(action: Callable[[], None]) -> Callable[[], None]:
    lock = threading.Lock()
    done = False

    def run() -> None:
        nonlocal done
        with lock:
            if done:
                return
            done = True
        action()

    return run


def init_app(app: Flask) -> None:
    """The export slots and, unless `KB_RATE_LIMIT` is off, the rate limiter."""
    size = app.config.get("KB_MAX_CONCURRENT_EXPORTS") or max_exports_from_env()
    app.extensions["kb_export_slots"] = ExportSlots(int(size))
    limit = app.config.get("KB_RATE_LIMIT", rate_limit_from_env())
    options: dict[str, Any] = {
        "key_func": caller_key,
        "app": app,
        "default_limits": [limit] if limit else [],
        "storage_uri": storage_uri(os.environ.get("KB_RATE_LIMIT_STORAGE", "memory://")),
        "on_breach": _breached,
        "enabled": bool(limit),
        "key_prefix": "kb",
    }
    limiter = Limiter(**options)
    limiter.request_filter(_only_api)
    app.extensions["kb_limiter"] = limiter
