"""Keyset pages of a sequence of reads, read ahead on a thread of their own.

An export is a stream of short read transactions: for each label or kind, a page
after the last key of the one before. One reader thread reads them back to back,
from the first page of the first read to the last page of the last, up to `DEPTH`
pages ahead of the caller, so the database and the driver work while the caller
turns earlier pages into text: an export costs about its reads. The thread starts
when the `ReadAhead` is made, so a caller can read something else first (GraphML's
property types) while the first pages arrive.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

Rows = list[dict[str, Any]]

DEPTH = 2  # pages held ahead of the caller: bounded memory, and the reader rarely waits
# While a reader runs, Python hands the GIL over this often (default 5 ms): each of
# the reader's socket reads returns to a GIL the formatting thread holds, and at
# 5 ms a handoff the reader, and with it the database, spent much of an export
# waiting on a busy machine (AIF at 10k claims, load average 8: 1.90x its raw stream
# at 5 ms, 1.55x at 0.5 ms); on a quiet one it makes no measurable difference.
SWITCH_INTERVAL_SECONDS = 0.0005
_END = object()


@dataclass(frozen=True)
class PagedRead:
    """One keyset-paged read: `page_after(after)` returns the rows after `after`,
    ordered by `key`; a page shorter than the page size is the last."""

    page_after: Callable[[str], Rows]
    key: str


class ReadAhead:
    """The pages of `reads`, in order; iterate `per_read()` (one iterator of pages per
    read) or the `(read index, rows)` pairs themselves. Empty pages are left out."""

    def __init__(self, reads: Sequence[PagedRead], page_size: int) -> None:
        self.reads = tuple(reads)
        self._ready: queue.Queue[Any] = queue.Queue(DEPTH)
        self._stop = threading.Event()
        # The thread holds the queue and the event, not `self`: a reader its caller
        # drops is collected, and `__del__` stops the thread.
        self._thread = threading.Thread(
            target=_read_all,
            args=(self.reads, page_size, self._ready, self._stop),
            name="kb-export-page",
            daemon=True,
        )
        self._thread.start()

    def __iter__(self) -> Iterator[tuple[int, Rows]]:
        try:
            while (item := self._ready.get()) is not _END:
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            self.close()

    def per_read(self) -> Iterator[Iterator[Rows]]:
        """For each read in turn, an iterator of its pages (what the caller leaves of
        one read's pages is skipped when it asks for the next read's)."""
        pairs = iter(self)
        pending = next(pairs, None)

        def pages_of(index: int) -> Iterator[Rows]:
            nonlocal pending
            while pending is not None and pending[0] < index:
                pending = next(pairs, None)
            while pending is not None and pending[0] == index:
                yield pending[1]
                pending = next(pairs, None)

        for index in range(len(self.reads)):
            yield pages_of(index)

    def close(self) -> None:
        """Stop the reader (after the page it is reading) and wait for it."""
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join()

    def __del__(self) -> None:
        self._stop.set()


def _read_all(
    reads: tuple[PagedRead, ...], page_size: int, ready: queue.Queue[Any], stop: threading.Event
) -> None:
    def hand_over(item: Any) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False  # the caller stopped reading

    with _quick_handoff():
        try:
            for index, read in enumerate(reads):
                after = ""
                while True:
                    rows = read.page_after(after)
                    if rows and not hand_over((index, rows)):
                        return
                    if len(rows) < page_size:
                        break
                    after = rows[-1][read.key]
        except BaseException as exc:  # the caller raises it in its own thread
            hand_over(exc)
            return
        hand_over(_END)


_readers = 0
_readers_lock = threading.Lock()
_default_interval = sys.getswitchinterval()


@contextmanager
def _quick_handoff() -> Iterator[None]:
    """The short switch interval while any reader runs (an API process runs several)."""
    global _readers, _default_interval
    with _readers_lock:
        if _readers == 0:
            _default_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_default_interval, SWITCH_INTERVAL_SECONDS))
        _readers += 1
    try:
        yield
    finally:
        with _readers_lock:
            _readers -= 1
            if _readers == 0:
                sys.setswitchinterval(_default_interval)
