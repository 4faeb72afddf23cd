"""The one way this project talks to Neo4j.

`Store` wraps the official driver with the database name and managed
transactions (`execute_read` / `execute_write`, which retry transient
errors), and translates the driver's connection failures into
`DatabaseUnavailable` with a message a person can act on.

Timeouts keep a sick database from hanging callers: every read carries a
server-side transaction timeout, connecting and pool acquisition are bounded,
and a store made for the API (`Settings.for_requests`) gives each call a
deadline. The driver has no client-side read timeout, so a frozen server
(SIGSTOP, a full GC, a dead VM whose TCP stays open) would block a thread
forever; the deadline runs the call on a small bounded pool of threads and
stops waiting for it, so the request answers 503 while the stuck thread
finishes (or fails) whenever the server comes back. A connectivity probe
after a missed deadline keeps a database that is merely slow (a busy
machine, a cold query plan) from being reported as gone.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Any, LiteralString, TypeVar

import neo4j
from neo4j import Driver, GraphDatabase, ManagedTransaction, NotificationMinimumSeverity
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConnectionAcquisitionTimeoutError,
    ConstraintError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from kb import generation
from kb.config import Settings
from kb.errors import Conflict, DatabaseBusy, DatabaseUnavailable, QueryTooLarge
from kb.queries.health import PING_QUERY

T = TypeVar("T")

# Threads that may wait on the database for deadline-bound calls, per store. A frozen
# server can hold all of them; further calls then time out in the queue (a fast 503)
# instead of piling up threads and connections.
DEADLINE_THREADS = 32
# The health check's own budget: it must answer well within a load balancer's 1 s.
HEALTH_TIMEOUT_SECONDS = 0.8
# After a missed deadline: how long the "is it still there?" probe may take, and how
# much longer a database that is merely slow gets before the caller hears 503.
PROBE_SECONDS = 0.5
PROBE_THREADS = 4
SLOW_GRACE_SECONDS = 5.0
# Bulk reads (exports) may run long on a cold or large graph: their server-side
# timeout and their wait on a slow but alive database are this long instead.
BULK_READ_SECONDS = 60.0
# A request's write on a slow but alive database: Neo4j ends it after this long.
WRITE_TIMEOUT_SECONDS = 30.0


def create_driver(settings: Settings) -> Driver:
    """Open a driver for `settings` (no I/O until first use)."""
    return GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password),
        connection_timeout=settings.connect_timeout_seconds,
        connection_acquisition_timeout=settings.connect_timeout_seconds,
        max_transaction_retry_time=settings.neo4j_max_retry_seconds,
        # The driver's first retry waits 1 s; a short first delay fits the API's budget.
        initial_retry_delay=0.1,
        # Schema-less hints ("label does not exist yet") are noise for a fresh graph.
        notifications_min_severity=NotificationMinimumSeverity.OFF,
    )


TOO_LARGE_MESSAGE = (
    "the answer needs more memory than the database allows one transaction "
    "(db.memory.transaction.max); narrow the request: add filters, ask for a smaller "
    "limit or an earlier page, or walk less deep"
)


def _out_of_memory(exc: Neo4jError) -> bool:
    """Whether Neo4j refused a transaction for its memory limit (a transient error by
    classification, yet the same request fails the same way every time)."""
    return "MemoryPoolOutOfMemoryError" in (exc.code or "")


def _not_retried_when_too_large(work: Callable[..., T]) -> Callable[..., T]:
    """`work`, raising `QueryTooLarge` instead of Neo4j's memory-limit error, inside the
    transaction function, so the managed transaction does not retry it. `wraps` keeps
    `unit_of_work`'s timeout and metadata."""

    @functools.wraps(work)
    def guarded(tx: ManagedTransaction, *args: Any, **kwargs: Any) -> T:
        try:
            return work(tx, *args, **kwargs)
        except Neo4jError as exc:
            if _out_of_memory(exc):
                raise QueryTooLarge(TOO_LARGE_MESSAGE) from exc
            raise

    return guarded


@contextmanager
def translate_driver_errors(uri: str) -> Iterator[None]:
    """Turn the driver's failures into the knowledge base's own errors.

    Connection and authentication failures become `DatabaseUnavailable`, a
    connection pool with every connection in use `DatabaseBusy`, a
    uniqueness violation `Conflict`, Neo4j's transaction memory limit
    `QueryTooLarge`, and a transient error that outlived the
    managed transaction's retries `DatabaseBusy`; nothing above `kb.db` needs
    to know the driver's exception types.
    """
    try:
        yield
    except ConstraintError as exc:
        raise Conflict("the write conflicts with an existing record") from exc
    except TransientError as exc:
        if _out_of_memory(exc):
            raise QueryTooLarge(TOO_LARGE_MESSAGE) from exc
        raise DatabaseBusy("the graph database is busy; try again shortly") from exc
    except AuthError as exc:
        raise DatabaseUnavailable(
            f"Neo4j at {uri} refused the credentials (check NEO4J_USER / NEO4J_PASSWORD)"
        ) from exc
    except ClientError as exc:  # after AuthError, its subclass
        code = exc.code or ""
        if code.startswith("Neo.ClientError.Security."):  # e.g. too many failed logins
            raise DatabaseUnavailable(f"Neo4j at {uri} refused the login: {exc.message}") from exc
        if "TransactionTimedOut" not in code:
            raise
        raise DatabaseBusy("the graph database did not finish in time; try again shortly") from exc
    except ConnectionAcquisitionTimeoutError as exc:
        # Every pooled connection is in use: the database is alive, just busy.
        raise DatabaseBusy(
            "every connection to the graph database is in use; try again shortly"
        ) from exc
    except (ServiceUnavailable, SessionExpired) as exc:
        raise DatabaseUnavailable(
            f"Neo4j is not reachable at {uri} (is it running? `kb db start` starts a local one)"
        ) from exc


class Store:
    """A driver bound to one database, with managed read and write transactions.

    `read_timeout` (seconds) is the server-side timeout of every read;
    `call_deadline` (seconds, or None) bounds how long any call waits in all.
    """

    def __init__(
        self,
        driver: Driver,
        database: str,
        uri: str = "",
        *,
        read_timeout: float | None = None,
        call_deadline: float | None = None,
    ) -> None:
        self.driver = driver
        self.database = database
        self.uri = uri
        self.read_timeout = read_timeout
        self.call_deadline = call_deadline
        self._waiters: ThreadPoolExecutor | None = None
        self._probes: ThreadPoolExecutor | None = None
        self._waiters_lock = threading.Lock()

    @classmethod
    def connect(cls, settings: Settings) -> Store:
        """Create a store for `settings`; the connection opens lazily."""
        return cls(
            create_driver(settings),
            settings.neo4j_database,
            settings.neo4j_uri,
            read_timeout=settings.read_timeout_seconds,
            call_deadline=settings.call_deadline_seconds,
        )

    def close(self) -> None:
        for pool in (self._waiters, self._probes):
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
        self.driver.close()

    def verify(self) -> None:
        """Raise `DatabaseUnavailable` unless the server answers and accepts us."""
        with translate_driver_errors(self.uri):
            self.driver.verify_connectivity()

    def read(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `work(tx, *args, **kwargs)` in a managed read transaction.

        Neo4j ends the transaction after `read_timeout` seconds (`DatabaseBusy`).
        """
        # `unit_of_work` is untyped: it returns `work` itself, with the timeout attached.
        timed: Callable[..., T] = neo4j.unit_of_work(timeout=self.read_timeout)(work)
        return self._within_deadline(
            self.call_deadline, functools.partial(self._execute_read, timed, args, kwargs)
        )

    def read_bulk(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`read` for bulk jobs such as exports: up to `BULK_READ_SECONDS` on a slow
        database (server-side and waiting), while a gone one still fails fast."""
        timeout = max(self.read_timeout or 0.0, BULK_READ_SECONDS)
        timed: Callable[..., T] = neo4j.unit_of_work(timeout=timeout)(work)
        call = functools.partial(self._execute_read, timed, args, kwargs)
        return self._within_deadline(self.call_deadline, call, grace=BULK_READ_SECONDS)

    def write(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `work(tx, *args, **kwargs)` in a managed write transaction."""
        return self._within_deadline(
            self.call_deadline,
            functools.partial(self._execute_write, work, args, kwargs),
            write=True,
        )

    def check(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a short read once, no retries, given up after `HEALTH_TIMEOUT_SECONDS`.

        For health checks: whatever the database does (down, frozen, slow), this
        returns or raises `DatabaseUnavailable` / `DatabaseBusy` within that time.
        """
        timed = neo4j.unit_of_work(timeout=HEALTH_TIMEOUT_SECONDS)(work)

        def once() -> T:
            with (
                translate_driver_errors(self.uri),
                self.driver.session(database=self.database, max_transaction_retry_time=0) as s,
            ):
                return s.execute_read(timed, *args, **kwargs)

        future = self._pools().submit(once)
        if _finished(future, HEALTH_TIMEOUT_SECONDS):
            return future.result()
        future.cancel()
        raise DatabaseUnavailable(
            f"Neo4j at {self.uri} did not answer within {HEALTH_TIMEOUT_SECONDS:g}s"
        )

    def _execute_read(self, work: Callable[..., T], args: Any, kwargs: Any) -> T:
        guarded = _not_retried_when_too_large(work)
        with translate_driver_errors(self.uri), self._session() as session:
            return session.execute_read(guarded, *args, **kwargs)

    def _execute_write(self, work: Callable[..., T], args: Any, kwargs: Any) -> T:
        if self.call_deadline is not None:
            # A request waits for its write's outcome on a slow database; the server
            # bounds that wait (and rolls back what it ends).
            work = neo4j.unit_of_work(timeout=WRITE_TIMEOUT_SECONDS)(work)
        guarded = _not_retried_when_too_large(work)
        try:
            with translate_driver_errors(self.uri), self._session() as session:
                return session.execute_write(guarded, *args, **kwargs)
        finally:
            # Whatever the outcome (a lost connection may hide a commit): cached reads
            # of every process here are stale from now on.
            generation.bump()

    def _within_deadline(
        self,
        deadline: float | None,
        call: Callable[..., T],
        *args: Any,
        grace: float | None = None,
        write: bool = False,
    ) -> T:
        """`call(*args)`, given up on after `deadline` seconds if Neo4j has stopped answering.

        Without a deadline the call runs on the caller's thread. With one it runs
        on the store's bounded thread pool. When the deadline passes, a probe
        statement tells a slow database from a gone one (`_alive`): a gone one
        raises `DatabaseUnavailable`; a slow one gets up to `SLOW_GRACE_SECONDS`
        more, then `DatabaseBusy`. A write on a slow database is waited for to
        its end (its server-side timeout bounds it), so one that commits is never
        reported as failed. A call that has not started yet is cancelled.
        """
        if deadline is None:
            return call(*args)
        future: Future[T] = self._pools().submit(call, *args)
        if _finished(future, deadline):
            return future.result()
        patience = SLOW_GRACE_SECONDS if grace is None else grace
        started = time.monotonic()
        alive = self._alive(future, patience)
        if future.done():
            return future.result()
        if not alive:
            unknown = not future.cancel() and write
            outcome = " (the write may yet be applied: it is safe to repeat)" if unknown else ""
            raise DatabaseUnavailable(
                f"Neo4j at {self.uri} did not answer within {deadline:g}s{outcome}"
            )
        if write and future.running():
            return future.result()  # its outcome, whatever it is: never a guess
        if _finished(future, max(0.0, patience - (time.monotonic() - started))):
            return future.result()
        if not future.cancel() and write:
            return future.result()  # started meanwhile: wait for its outcome
        raise DatabaseBusy(f"Neo4j at {self.uri} is too slow to answer; try again shortly")

    def _alive(self, call: Future[Any], patience: float) -> bool:
        """Whether the database is alive (maybe slow) rather than gone, after a missed
        deadline; returns early, True, if `call` finishes meanwhile.

        A probe statement that answers, or that finds every pooled connection in use,
        means alive; one that cannot connect means gone. A probe silent for
        `PROBE_SECONDS` is not enough to call a busy host's database gone: the call
        and the probe get `patience` more, and whichever answers first says alive.
        Only a database silent all that while (frozen, a dead VM) counts as gone.
        """
        self._pools()
        assert self._probes is not None
        probe = self._probes.submit(self._ping)
        wait([call, probe], timeout=PROBE_SECONDS, return_when=FIRST_COMPLETED)
        if not probe.done() and not call.done():
            wait([call, probe], timeout=patience, return_when=FIRST_COMPLETED)
        if call.done():
            return True
        if not probe.done():
            probe.cancel()
            return False
        return _answered(probe)

    def _ping(self) -> None:
        # Auto-commit: run once, never retried.
        with self.driver.session(database=self.database) as session:
            session.run(PING_QUERY).consume()

    def _pools(self) -> ThreadPoolExecutor:
        """The pool deadline-bound calls run on (and the small one probes run on)."""
        with self._waiters_lock:
            if self._waiters is None:
                self._waiters = ThreadPoolExecutor(DEADLINE_THREADS, thread_name_prefix="kb-db")
                self._probes = ThreadPoolExecutor(PROBE_THREADS, thread_name_prefix="kb-probe")
            return self._waiters

    def run_autocommit(self, query: LiteralString | neo4j.Query, **params: Any) -> None:
        """Run one statement outside an explicit transaction (schema changes need this)."""
        try:
            with translate_driver_errors(self.uri), self._session() as session:
                session.run(query, params).consume()
        finally:
            generation.bump()

    def _session(self) -> neo4j.Session:
        return self.driver.session(database=self.database)


def _answered(probe: Future[Any]) -> bool:
    """Whether a finished probe shows a live database: it answered, or it waited in
    vain for a pooled connection (all in use) or for a busy server."""
    error = probe.exception()
    return error is None or isinstance(error, ConnectionAcquisitionTimeoutError | TransientError)


def _finished(future: Future[Any], timeout: float) -> bool:
    """Wait up to `timeout` seconds for `future`; whether it is done (with a result or error)."""
    done, _ = wait([future], timeout=timeout)
    return bool(done)


def records(tx: ManagedTransaction, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
    """Run a stored `query` in `tx` and return its records as plain dicts (consumed inside).

    `query` is one of the fixed statements of `kb.queries`; values go in `params`.
    """
    return [record.data() for record in tx.run(query, params)]


def value_records(
    tx: ManagedTransaction, query: LiteralString, **params: Any
) -> list[dict[str, Any]]:
    """`records` for a query that returns only values (scalars, lists, maps; no node,
    relationship or path): the same dicts without the driver's recursive per-value
    conversion, which was a quarter of a hub walk's time."""
    result = tx.run(query, params)
    keys = result.keys()
    return [dict(zip(keys, record, strict=True)) for record in result]
