"""The raw driver's time for the same Cypher an API request ran.

`capture(call)` records every statement (text and parameters) the request's
managed transactions ran (on any thread: `Store` runs API calls on its pool),
whatever service and repository code ran them; `replay` runs those statements
again in one `execute_read` on a bare driver session and consumes every record,
with no service, schema or Flask in between. The two timings side by side show
what the layers above the driver cost.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j._sync.work.transaction import TransactionBase

_sink: list[tuple[Any, dict[str, Any]]] | None = None
_lock = threading.Lock()
_original_run = TransactionBase.run


def _recording_run(self: TransactionBase, query: Any, parameters: Any = None, **kwargs: Any) -> Any:
    with _lock:
        if _sink is not None:
            _sink.append((query, {**(parameters or {}), **kwargs}))
    return _original_run(self, query, parameters, **kwargs)


TransactionBase.run = _recording_run  # type: ignore[method-assign]


def capture(call: Callable[[], Any]) -> list[tuple[Any, dict[str, Any]]]:
    """The statements run while `call()` ran (one request at a time), in order."""
    global _sink
    _sink = []
    try:
        call()
        return list(_sink)
    finally:
        _sink = None


def replay(driver: Driver, database: str, statements: list[tuple[Any, dict[str, Any]]]) -> float:
    """Milliseconds to run `statements` in one read transaction and fetch every record."""

    def work(tx: ManagedTransaction) -> int:
        fetched = 0
        for query, params in statements:
            fetched += len(list(tx.run(query, params)))
        return fetched

    started = time.perf_counter()
    with driver.session(database=database) as session:
        session.execute_read(work)
    return (time.perf_counter() - started) * 1000
