"""Store access for backups: the graph page by page, and restoring it in batches."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.backup import (
    AWAIT_RESTORE_INDEX_QUERY,
    COUNTS_QUERY,
    CREATE_NODES_QUERY,
    CREATE_RELATIONSHIPS_QUERY,
    DROP_RESTORE_INDEX_QUERY,
    FORGET_RESTORE_IDS_QUERY,
    NODE_PAGE_QUERY,
    RELATIONSHIP_CONTENT_PAGE_QUERY,
    RELATIONSHIP_PAGE_QUERY,
    RESTORE_INDEX_QUERY,
    WIPE_PAGE_QUERY,
    WIPE_RELATIONSHIPS_PAGE_QUERY,
)


def counts(tx: ManagedTransaction) -> tuple[int, int]:
    """(nodes, relationships) in the whole database."""
    row = records(tx, COUNTS_QUERY)[0]
    return int(row["nodes"]), int(row["relationships"])


def node_page(tx: ManagedTransaction, after: str, page_size: int) -> list[dict[str, Any]]:
    """Up to `page_size` nodes with element id above `after`: id, labels, properties."""
    return records(tx, NODE_PAGE_QUERY, after=after, page_size=page_size)


def relationship_page(tx: ManagedTransaction, after: str, page_size: int) -> list[dict[str, Any]]:
    """Up to `page_size` relationships after `after`: id, type, start, end, properties."""
    return records(tx, RELATIONSHIP_PAGE_QUERY, after=after, page_size=page_size)


def relationship_content_page(
    tx: ManagedTransaction, after: str, page_size: int
) -> list[dict[str, Any]]:
    """Like `relationship_page`, with both ends' labels and properties instead of ids."""
    return records(tx, RELATIONSHIP_CONTENT_PAGE_QUERY, after=after, page_size=page_size)


def create_restore_index(tx: ManagedTransaction) -> None:
    tx.run(RESTORE_INDEX_QUERY).consume()


def await_restore_index(tx: ManagedTransaction) -> None:
    tx.run(AWAIT_RESTORE_INDEX_QUERY).consume()


def drop_restore_index(tx: ManagedTransaction) -> None:
    tx.run(DROP_RESTORE_INDEX_QUERY).consume()


def create_nodes(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    """Create nodes `{id, labels, properties}`, marked with their backup id."""
    tx.run(CREATE_NODES_QUERY, rows=rows).consume()


def create_relationships(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> int:
    """Create relationships `{start, end, type, properties}` between restored nodes.

    Returns how many were created (fewer than rows if an end is missing).
    """
    summary = tx.run(CREATE_RELATIONSHIPS_QUERY, rows=rows).consume()
    return summary.counters.relationships_created


def forget_restore_ids(tx: ManagedTransaction, page_size: int) -> int:
    """Unmark up to `page_size` restored nodes; returns how many were unmarked."""
    return int(records(tx, FORGET_RESTORE_IDS_QUERY, page_size=page_size)[0]["done"])


def wipe_relationships_page(tx: ManagedTransaction, page_size: int) -> int:
    """Delete up to `page_size` relationships; returns how many."""
    return int(records(tx, WIPE_RELATIONSHIPS_PAGE_QUERY, page_size=page_size)[0]["deleted"])


def wipe_page(tx: ManagedTransaction, page_size: int) -> int:
    """Delete up to `page_size` nodes with their relationships; returns how many."""
    return int(records(tx, WIPE_PAGE_QUERY, page_size=page_size)[0]["deleted"])
