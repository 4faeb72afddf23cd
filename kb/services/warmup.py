"""Warm Neo4j's page cache after a start or a bulk load, so the first minute of
requests reads memory instead of disk (and does not answer 503 while it waits)."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from kb.config import Settings
from kb.db import Store
from kb.repositories import warmup as repo

# A whole-store read of a million-claim graph from a cold disk takes minutes.
WARM_TIMEOUT_SECONDS = 1800.0


@dataclass(frozen=True)
class Warmed:
    records: int
    seconds: float


def warm(store: Store) -> Warmed:
    """Read every node, relationship and `id` index once (no deadline: a start can wait)."""
    started = time.perf_counter()
    records = sum(store.read(repo.touch, query) for query in repo.WARM_STATEMENTS)
    return Warmed(records, time.perf_counter() - started)


def warm_store(settings: Settings) -> Warmed:
    """`warm` through a store of its own whose reads may take `WARM_TIMEOUT_SECONDS`."""
    store = Store.connect(
        replace(settings, read_timeout_seconds=WARM_TIMEOUT_SECONDS, call_deadline_seconds=None)
    )
    try:
        return warm(store)
    finally:
        store.close()
