"""Counts that describe the whole graph, for `kb stats`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store
from kb.repositories import stats as repo


@dataclass(frozen=True)
class GraphStats:
    """Node, relationship, claim-type and slot counts."""

    nodes: dict[str, int]
    relationships: dict[str, int]
    claims_by_type: list[dict[str, Any]]
    slots: list[dict[str, Any]]


def graph_stats(store: Store) -> GraphStats:
    """Count what the graph holds, in one read transaction."""
    return store.read(_graph_stats)


def _graph_stats(tx: ManagedTransaction) -> GraphStats:
    return GraphStats(
        nodes=repo.node_counts(tx),
        relationships=repo.relationship_counts(tx),
        claims_by_type=repo.claims_by_type(tx),
        slots=repo.slots_by_status(tx),
    )


def constraint_names(store: Store) -> list[str]:
    """Names of the schema constraints present."""
    return store.read(repo.constraint_names)
