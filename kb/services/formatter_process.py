"""Export pages formatted in a process of their own while this one reads.

Decoding records (the driver) and turning them into text (kb.export) are both
Python, and a process runs one thread of Python at a time: formatting beside the
reading thread adds nearly all its time to the export (docs/benchmarks/
export-rate.md). A worker process formats page after page on the other core, while
this one reads and pickles (C, cheap beside formatting). One worker per process,
started by the first export (forkserver: safe to start from a threaded server)
and kept for the next; where none can start, pages are formatted here.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
Job = tuple[Callable[..., T], tuple[Any, ...]]

IN_FLIGHT = 3  # pages handed to the worker ahead of the one being written out
# The worker imports these before its first page (the forkserver preloads them).
PRELOAD = ["kb.export.pages"]

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_unavailable = False


def _worker() -> ProcessPoolExecutor | None:
    global _pool, _unavailable
    with _lock:
        if _pool is None and not _unavailable:
            try:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(PRELOAD)
                _pool = ProcessPoolExecutor(1, mp_context=context)
            except (OSError, ValueError, NotImplementedError):
                _unavailable = True  # no processes here: format in this one
        return _pool


def _forget(pool: ProcessPoolExecutor) -> None:
    """A worker that died is replaced at the next export."""
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None


def formatted(jobs: Iterable[Job[T]], in_process: bool = False) -> Iterator[T]:
    """Each job's `function(*args)`, in order, computed in the worker (`IN_FLIGHT`
    ahead) or, with `in_process` or no worker, here."""
    pool = None if in_process else _worker()
    if pool is None:
        for function, args in jobs:
            yield function(*args)
        return
    pending: deque[Future[T]] = deque()
    try:
        for function, args in jobs:
            pending.append(pool.submit(function, *args))
            if len(pending) > IN_FLIGHT:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        _forget(pool)
        raise
    finally:
        for future in pending:
            future.cancel()
