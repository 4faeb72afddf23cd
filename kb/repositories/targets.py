"""Store access for what analysts write about: claims and causal links."""

from __future__ import annotations

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.targets import TARGET_KIND_QUERY


def target_kind(tx: ManagedTransaction, target_id: str) -> str | None:
    """`claim` or `causal_link` for an existing target, else None."""
    rows = records(tx, TARGET_KIND_QUERY, target_id=target_id)
    return rows[0]["kind"] if rows else None
