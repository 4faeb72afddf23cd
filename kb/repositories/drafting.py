"""Store access for `kb draft`: the known graph in one read."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.drafting import DRAFT_KNOWN_GRAPH_QUERY


def known_graph(tx: ManagedTransaction) -> dict[str, list[dict[str, Any]]]:
    """Actors, topics and claims (with their quotes), each list ordered by id."""
    return records(tx, DRAFT_KNOWN_GRAPH_QUERY)[0]
