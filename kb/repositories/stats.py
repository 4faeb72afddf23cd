"""Counts that describe the whole graph (`kb stats`, `/healthz`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store, records
from kb.queries.stats import (
    CLAIMS_BY_TYPE_QUERY,
    CONSTRAINT_NAMES_QUERY,
    NODE_COUNTS_QUERY,
    RELATIONSHIP_COUNTS_QUERY,
    SLOTS_BY_STATUS_QUERY,
)


@dataclass(frozen=True)
class GraphStats:
    """Node, relationship, claim-type and slot counts."""

    nodes: dict[str, int]
    relationships: dict[str, int]
    claims_by_type: list[dict[str, Any]]
    slots: list[dict[str, Any]]


def _read_stats(tx: ManagedTransaction) -> GraphStats:
    return GraphStats(
        nodes={r["label"]: r["count"] for r in records(tx, NODE_COUNTS_QUERY)},
        relationships={r["type"]: r["count"] for r in records(tx, RELATIONSHIP_COUNTS_QUERY)},
        claims_by_type=records(tx, CLAIMS_BY_TYPE_QUERY),
        slots=records(tx, SLOTS_BY_STATUS_QUERY),
    )


def graph_stats(store: Store) -> GraphStats:
    """Count what the graph holds, in one read transaction."""
    return store.read(_read_stats)


def constraint_names(store: Store) -> list[str]:
    """Names of the schema constraints present (to check the schema is applied)."""
    rows = store.read(records, CONSTRAINT_NAMES_QUERY)
    return list(rows[0]["names"]) if rows else []
