"""Store access for warming the page cache: each statement reads its part of the store."""

from __future__ import annotations

from typing import LiteralString

from neo4j import ManagedTransaction

from kb.queries.warmup import WARM_ID_INDEX_QUERIES, WARM_NODES_QUERY, WARM_RELATIONSHIPS_QUERY

# In the order they run: the stores first, then the indexes.
WARM_STATEMENTS: tuple[LiteralString, ...] = (
    WARM_NODES_QUERY,
    WARM_RELATIONSHIPS_QUERY,
    *WARM_ID_INDEX_QUERIES,
)


def touch(tx: ManagedTransaction, query: LiteralString) -> int:
    """Run one warm-up statement (one of `WARM_STATEMENTS`); how many records it read."""
    record = tx.run(query).single(strict=True)
    return int(record["touched"])
