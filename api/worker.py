"""The gunicorn worker `kb serve` runs: gthread, but no thread waits for a slow client.

gunicorn's gthread worker hands a connection to a thread as soon as its first
byte arrives, and the thread then blocks until the request head is complete:
a few dozen sockets that trickle a partial header ("slowloris") hold every
thread, and `/healthz` times out behind them. This worker reads each request's
head (and a body of known, bounded length) in the worker's main loop, without
blocking, and gives the connection to a thread only once all of it is there.
A client that has not sent its head within `KB_HEADER_TIMEOUT` seconds (10 by
default; for the body too) is disconnected. Bodies sent chunked or larger than
`MAX_BUFFERED_BODY` are read by the thread as before (the API's own bodies are
small JSON).

`GET /healthz` runs on a small thread pool of its own, so requests that keep
every application thread busy (exports, slow queries) do not delay it.

It relies on gthread's internals (`TConn`, the poller, `pending_conns`), hence
the pinned gunicorn major version in pyproject.toml.
"""

from __future__ import annotations

import errno
import os
import re
import selectors
import time
from concurrent import futures
from functools import partial
from typing import Any

from gunicorn import util
from gunicorn.workers.gthread import TConn, ThreadWorker

HEADER_TIMEOUT_ENV = "KB_HEADER_TIMEOUT"
DEFAULT_HEADER_TIMEOUT = 10.0
MAX_HEAD = 64 * 1024  # gunicorn's own limits answer anything longer (400/431)
MAX_BUFFERED_BODY = 1024 * 1024  # the API's MAX_CONTENT_LENGTH is smaller
HEALTH_THREADS = 2
_HEALTH_LINE = re.compile(rb"^(GET|HEAD) /healthz(\?[^ ]*)? HTTP/")
_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*(\d{1,12})[ \t]*\r\n", re.IGNORECASE)
_CHUNKED = re.compile(rb"\r\ntransfer-encoding:", re.IGNORECASE)


def header_timeout() -> float:
    """Seconds a client has to send its request head (`KB_HEADER_TIMEOUT`, default 10)."""
    raw = os.environ.get(HEADER_TIMEOUT_ENV, "")
    try:
        value = float(raw) if raw else DEFAULT_HEADER_TIMEOUT
    except ValueError:
        value = DEFAULT_HEADER_TIMEOUT
    return value if value > 0 else DEFAULT_HEADER_TIMEOUT


def bytes_needed(buffered: bytes) -> int | None:
    """How many bytes the request starting `buffered` needs before a thread takes it.

    None while the head is incomplete. Once it is complete: the head plus a body of
    known length up to `MAX_BUFFERED_BODY`, or just the head when the body is chunked
    or larger (the thread reads that itself).
    """
    end = buffered.find(b"\r\n\r\n")
    if end < 0:
        return MAX_HEAD if len(buffered) >= MAX_HEAD else None
    head = buffered[: end + 2]
    head_length = end + 4
    if _CHUNKED.search(head):
        return head_length
    length = _CONTENT_LENGTH.search(head)
    if length is None or int(length.group(1)) > MAX_BUFFERED_BODY:
        return head_length
    return head_length + int(length.group(1))


def is_health_check(buffered: bytes) -> bool:
    return _HEALTH_LINE.match(buffered) is not None


def _unreader(conn: TConn) -> Any:
    """The HTTP/1.x parser's buffer (typeshed's gunicorn stubs predate `take_buffered`)."""
    parser: Any = conn.parser
    return parser.unreader


def _kept_alive(fs: futures.Future[Any]) -> bool:
    """Whether a finished request left its connection open for another one."""
    if fs.cancelled() or fs.exception() is not None:
        return False
    result = fs.result()
    return result is True


class _Reading:
    """A connection whose request is still arriving, and when it must have arrived."""

    def __init__(self, conn: TConn, deadline: float) -> None:
        self.conn = conn
        self.deadline = deadline
        self.buffered = b""


class HardenedThreadWorker(ThreadWorker):
    """gthread with the request head read in the main loop, and /healthz on its own pool."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = header_timeout()
        self.reading: dict[int, _Reading] = {}
        self.health_pool: futures.ThreadPoolExecutor | None = None

    def init_process(self) -> None:
        self.health_pool = futures.ThreadPoolExecutor(
            max_workers=HEALTH_THREADS, thread_name_prefix="healthz"
        )
        super().init_process()

    def accept(self, listener: Any) -> None:
        """Accept a connection and wait for its request without taking a thread."""
        try:
            client_sock, client_addr = listener.accept()
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = TConn(self.cfg, client_sock, client_addr, listener.getsockname())
        self._read_request(conn)

    def on_client_socket_readable(self, conn: TConn, client: Any) -> None:
        """A kept-alive connection's next request: read it in the loop too."""
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._read_request(conn)

    def finish_request(self, conn: TConn, fs: futures.Future[Any]) -> None:
        """A kept-alive connection whose client already sent part of its next request
        goes back to the loop with those bytes (gthread would give it a thread)."""
        unreader = _unreader(conn)
        if self.alive and _kept_alive(fs) and unreader.buf.getvalue():
            self._read_request(conn, unreader.take_buffered())
            return
        super().finish_request(conn, fs)

    def _read_request(self, conn: TConn, buffered: bytes = b"") -> None:
        conn.sock.setblocking(False)
        reading = _Reading(conn, time.monotonic() + self.header_timeout)
        reading.buffered = buffered
        if self._complete(reading):
            self._dispatch(conn, buffered)
            return
        self.reading[conn.sock.fileno()] = reading
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_readable, reading))

    @staticmethod
    def _complete(reading: _Reading) -> bool:
        needed = bytes_needed(reading.buffered)
        return needed is not None and len(reading.buffered) >= needed

    def _on_readable(self, reading: _Reading, client: Any) -> None:
        try:
            chunk = reading.conn.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:  # the client went away
            self._forget(reading)
            self._drop(reading.conn)
            return
        reading.buffered += chunk
        if self._complete(reading):
            self._forget(reading)
            self._dispatch(reading.conn, reading.buffered)

    def _dispatch(self, conn: TConn, buffered: bytes) -> None:
        """Hand the connection, its bytes given back to the parser, to a thread."""
        conn.data_ready = True
        conn.init()  # plain HTTP/1.x: only creates the parser, in blocking mode
        _unreader(conn).unread(buffered)
        if is_health_check(buffered) and self.health_pool is not None:
            done = self.health_pool.submit(self.handle, conn)
            done.add_done_callback(
                lambda fut: self.method_queue.defer(self.finish_request, conn, fut)
            )
        else:
            self.enqueue_req(conn)

    def _forget(self, reading: _Reading) -> None:
        self.reading.pop(reading.conn.sock.fileno(), None)
        try:
            self.poller.unregister(reading.conn.sock)
        except (OSError, KeyError, ValueError):
            pass

    def _drop(self, conn: TConn) -> None:
        self.nr_conns -= 1
        util.close(conn.sock)

    def murder_pending(self) -> None:
        """Also disconnect clients that did not send their request in time."""
        super().murder_pending()
        now = time.monotonic()
        for reading in [r for r in self.reading.values() if r.deadline <= now]:
            self._forget(reading)
            self._drop(reading.conn)

    def run(self) -> None:
        try:
            super().run()
        finally:
            if self.health_pool is not None:
                self.health_pool.shutdown(wait=False)
