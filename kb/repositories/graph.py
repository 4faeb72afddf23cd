"""Store access for walking the dependency graph (support and causal links)."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records, value_records
from kb.models import Direction, Edge
from kb.queries.graph import (
    ALL_DEPENDENCY_EDGES_QUERY,
    CAUSAL_CHAINS_QUERY,
    CLAIM_EXISTS_QUERY,
    CLAIM_SUMMARIES_QUERY,
    DOWNSTREAM_STEP_QUERY,
    UPSTREAM_STEP_QUERY,
)


def claim_exists(tx: ManagedTransaction, claim_id: str) -> bool:
    return bool(records(tx, CLAIM_EXISTS_QUERY, claim_id=claim_id)[0]["exists"])


def step(
    tx: ManagedTransaction,
    frontier: list[str],
    direction: Direction,
    bases: list[str] | None = None,
    source: str | None = None,
) -> list[Edge]:
    """The edges leaving `frontier` one step in `direction` (downstream: to dependents),
    only through links of `bases` and argued by `source` when given."""
    query = DOWNSTREAM_STEP_QUERY if direction == "downstream" else UPSTREAM_STEP_QUERY
    rows = value_records(tx, query, frontier=frontier, bases=bases, source=source)
    return [Edge(**row) for row in rows]


def all_edges(tx: ManagedTransaction) -> list[Edge]:
    """Every premise -> conclusion and cause -> effect edge of the graph."""
    return [Edge(**row) for row in value_records(tx, ALL_DEPENDENCY_EDGES_QUERY)]


def causal_chains(
    tx: ManagedTransaction,
    from_id: str,
    to_id: str,
    max_chains: int,
    bases: list[str] | None = None,
) -> list[dict[str, Any]]:
    return value_records(
        tx, CAUSAL_CHAINS_QUERY, from_id=from_id, to_id=to_id, max_chains=max_chains, bases=bases
    )


def claim_summaries(tx: ManagedTransaction, claim_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Text and type of each claim in `claim_ids`, by id."""
    rows = value_records(tx, CLAIM_SUMMARIES_QUERY, claim_ids=claim_ids)
    return {row["id"]: row for row in rows}
