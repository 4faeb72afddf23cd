"""Store access for what analysts write about: claims and causal links."""

from __future__ import annotations

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.targets import LOCK_TARGET_QUERY, TARGET_KIND_QUERY


def target_kind(tx: ManagedTransaction, target_id: str) -> str | None:
    """`claim` or `causal_link` for an existing target, else None."""
    rows = records(tx, TARGET_KIND_QUERY, target_id=target_id)
    return rows[0]["kind"] if rows else None


def lock_target(tx: ManagedTransaction, target_id: str) -> None:
    """Hold the write lock on the target (claim, tombstone or causal link) until commit."""
    records(tx, LOCK_TARGET_QUERY, target_id=target_id)
