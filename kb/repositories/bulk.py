"""Store access of `kb bulk-load`: batched MERGEs from the allow-list, and the checks
around a load (is there content to lose; are the indexes online)."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.bulk import (
    AWAIT_INDEXES_QUERY,
    HAS_CONTENT_QUERY,
    NODE_QUERIES,
    RELATIONSHIP_QUERIES,
)

NODE_LABELS = frozenset(NODE_QUERIES)
RELATIONSHIP_KEYS = frozenset(RELATIONSHIP_QUERIES)


def merge_nodes(tx: ManagedTransaction, label: str, rows: list[dict[str, Any]]) -> None:
    """MERGE one batch of `{id, props}` rows as nodes of `label` (one of `NODE_LABELS`)."""
    tx.run(NODE_QUERIES[label], rows=rows).consume()


def merge_relationships(tx: ManagedTransaction, key: str, rows: list[dict[str, Any]]) -> None:
    """MERGE one batch of `{start, end, props}` rows; `key` is `TYPE-Start-End`."""
    tx.run(RELATIONSHIP_QUERIES[key], rows=rows).consume()


def has_content(tx: ManagedTransaction) -> bool:
    return bool(records(tx, HAS_CONTENT_QUERY)[0]["has_content"])


def await_indexes(tx: ManagedTransaction, seconds: int) -> None:
    """Wait until every index is online (populating 1M claims' full-text index takes a while)."""
    tx.run(AWAIT_INDEXES_QUERY, seconds=seconds).consume()
