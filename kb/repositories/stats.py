"""Store access for counts that describe the whole graph (`kb stats`, `/healthz`)."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.stats import (
    CLAIMS_BY_TYPE_QUERY,
    CONSTRAINT_NAMES_QUERY,
    NODE_COUNTS_QUERY,
    RELATIONSHIP_COUNTS_QUERY,
    SLOTS_BY_STATUS_QUERY,
)


def node_counts(tx: ManagedTransaction) -> dict[str, int]:
    return {row["label"]: row["count"] for row in records(tx, NODE_COUNTS_QUERY)}


def relationship_counts(tx: ManagedTransaction) -> dict[str, int]:
    return {row["type"]: row["count"] for row in records(tx, RELATIONSHIP_COUNTS_QUERY)}


def claims_by_type(tx: ManagedTransaction) -> list[dict[str, Any]]:
    return records(tx, CLAIMS_BY_TYPE_QUERY)


def slots_by_status(tx: ManagedTransaction) -> list[dict[str, Any]]:
    return records(tx, SLOTS_BY_STATUS_QUERY)


def constraint_names(tx: ManagedTransaction) -> list[str]:
    """Names of the schema constraints present (to check the schema is applied)."""
    rows = records(tx, CONSTRAINT_NAMES_QUERY)
    return list(rows[0]["names"]) if rows else []
