"""Warm Neo4j after a start or a bulk load, so the first minute of requests reads
memory instead of disk (and does not answer 503 while it waits), and the first
`kb import` does not wait for Neo4j to plan its statements."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from kb.annotation import synthetic
from kb.config import CYPHER_DIR, Settings
from kb.db import Store
from kb.errors import KbError
from kb.repositories import warmup as repo
from kb.services.annotation import plan_import

# A whole-store read of a million-claim graph from a cold disk takes minutes.
WARM_TIMEOUT_SECONDS = 1800.0
# The rehearsed import: small, so it costs Neo4j's planning and little else. Its ids
# are nobody's; it is planned (the trial rolled back), never applied.
REHEARSAL_CLAIMS = 20
REHEARSAL_TAG = "kb-warmup-rehearsal"


@dataclass(frozen=True)
class Warmed:
    records: int
    seconds: float
    rehearsal_seconds: float = 0.0  # planning the rehearsed import (`warm_store` only)


def warm(store: Store) -> Warmed:
    """Read every node, relationship and `id` index once (no deadline: a start can wait)."""
    started = time.perf_counter()
    records = sum(store.read(repo.touch, query) for query in repo.WARM_STATEMENTS)
    return Warmed(records, time.perf_counter() - started)


def rehearse_import(store: Store, cypher_dir: Path = CYPHER_DIR) -> float:
    """Plan a small synthetic import and drop the plan; its seconds.

    Neo4j plans a statement the first time it sees its text and keeps the plan;
    the import's statements take their data as parameters, so planning them once
    here serves every later import. At a million claims this moved 12 s out of the
    first `kb import` after a start (docs/benchmarks/import-lint.md).
    """
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kb-rehearsal-") as folder:
        path = synthetic.write(Path(folder), REHEARSAL_CLAIMS, REHEARSAL_TAG)
        try:
            plan_import(store, path, cypher_dir)
        except KbError:
            # A graph that rejects it (its ids taken) had its statements planned all the
            # same; a database too busy to plan them now plans them at the first import.
            pass
    return time.perf_counter() - started


def warm_store(settings: Settings) -> Warmed:
    """`warm` and `rehearse_import` through a store of their own whose reads may take
    `WARM_TIMEOUT_SECONDS`."""
    store = Store.connect(
        replace(settings, read_timeout_seconds=WARM_TIMEOUT_SECONDS, call_deadline_seconds=None)
    )
    try:
        warmed = warm(store)
        return replace(warmed, rehearsal_seconds=rehearse_import(store))
    finally:
        store.close()
