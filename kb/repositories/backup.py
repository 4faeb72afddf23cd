"""Store access for backups: the locked stream of the graph, staging, and the swap."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from neo4j import ManagedTransaction, Record

from kb.db import Store, records
from kb.queries.backup import (
    AWAIT_STAGING_INDEX_QUERY,
    BEGIN_RESTORE_QUERY,
    COUNTS_QUERY,
    CREATE_LOCK_PROPERTY_QUERY,
    DELETE_OLD_NODES_IN_BATCHES_QUERY,
    DELETE_OLD_QUERY,
    DELETE_OLD_RELATIONSHIPS_IN_BATCHES_QUERY,
    DISCARD_STAGED_QUERY,
    DROP_STAGING_INDEX_QUERY,
    END_RESTORE_QUERY,
    LOCKED_NODES_QUERY,
    LOCKED_RELATIONSHIPS_QUERY,
    NODE_COUNT_QUERY,
    NODES_QUERY,
    PROMOTE_NODES_IN_BATCHES_QUERY,
    PROMOTE_NODES_QUERY,
    PROMOTE_RELATIONSHIPS_IN_BATCHES_QUERY,
    PROMOTE_RELATIONSHIPS_QUERY,
    RELATIONSHIP_CONTENT_QUERY,
    RESTORE_PHASE_QUERY,
    SET_RESTORE_PHASE_QUERY,
    STAGE_NODES_QUERY,
    STAGE_RELATIONSHIPS_QUERY,
    STAGING_INDEX_QUERY,
    WIPE_PAGE_QUERY,
    WIPE_RELATIONSHIPS_PAGE_QUERY,
)

Row = dict[str, Any]


def counts(tx: ManagedTransaction) -> tuple[int, int]:
    """(nodes, relationships) in the whole database."""
    row = records(tx, COUNTS_QUERY)[0]
    return int(row["nodes"]), int(row["relationships"])


def node_count(tx: ManagedTransaction) -> int:
    return int(records(tx, NODE_COUNT_QUERY)[0]["nodes"])


def create_lock_property(tx: ManagedTransaction) -> None:
    tx.run(CREATE_LOCK_PROPERTY_QUERY).consume()


# The streams hand each record to `handle` as it arrives: a `Record` reads like a
# mapping (`record["id"]`) without `Record.data()`'s recursive copy of every value.


def each_locked_node(tx: ManagedTransaction, handle: Callable[[Record], None]) -> None:
    """Lock every node and hand it to `handle` (id, labels, properties), streamed."""
    for record in tx.run(LOCKED_NODES_QUERY):
        handle(record)


def each_locked_relationship(tx: ManagedTransaction, handle: Callable[[Record], None]) -> None:
    """Lock every relationship and hand it to `handle` (id, type, start, end, properties)."""
    for record in tx.run(LOCKED_RELATIONSHIPS_QUERY):
        handle(record)


def each_node(tx: ManagedTransaction, handle: Callable[[Record], None]) -> None:
    """Every node's labels and properties, streamed (no locks)."""
    for record in tx.run(NODES_QUERY):
        handle(record)


def each_relationship_content(tx: ManagedTransaction, handle: Callable[[Record], None]) -> None:
    """Every relationship with the labels and properties of both ends, streamed."""
    for record in tx.run(RELATIONSHIP_CONTENT_QUERY):
        handle(record)


def restore_phase(tx: ManagedTransaction) -> str | None:
    """The phase of a restore under way or interrupted (`staging`, `swapping`), else None."""
    rows = records(tx, RESTORE_PHASE_QUERY)
    return str(rows[0]["phase"]) if rows else None


def begin_restore(tx: ManagedTransaction) -> None:
    tx.run(BEGIN_RESTORE_QUERY).consume()


def set_restore_phase(tx: ManagedTransaction, phase: str) -> None:
    tx.run(SET_RESTORE_PHASE_QUERY, phase=phase).consume()


def stage_nodes(tx: ManagedTransaction, rows: list[Row]) -> int:
    """Stage nodes `{id, labels, properties}`; how many were created."""
    return tx.run(STAGE_NODES_QUERY, rows=rows).consume().counters.nodes_created


def stage_relationships(tx: ManagedTransaction, rows: list[Row]) -> int:
    """Stage relationships `{start, end, type, properties}` between staged nodes.

    Returns how many were created (fewer than rows if an end is missing).
    """
    return tx.run(STAGE_RELATIONSHIPS_QUERY, rows=rows).consume().counters.relationships_created


def swap_in_one_transaction(tx: ManagedTransaction) -> None:
    """Delete the old graph, promote the staged one and end the restore, atomically."""
    for query in (
        DELETE_OLD_QUERY,
        PROMOTE_RELATIONSHIPS_QUERY,
        PROMOTE_NODES_QUERY,
        END_RESTORE_QUERY,
    ):
        tx.run(query).consume()


def end_restore(tx: ManagedTransaction) -> None:
    tx.run(END_RESTORE_QUERY).consume()


def await_staging_index(tx: ManagedTransaction) -> None:
    tx.run(AWAIT_STAGING_INDEX_QUERY).consume()


def wipe_relationships_page(tx: ManagedTransaction, page_size: int) -> int:
    """Delete up to `page_size` relationships; returns how many."""
    return int(records(tx, WIPE_RELATIONSHIPS_PAGE_QUERY, page_size=page_size)[0]["deleted"])


def wipe_page(tx: ManagedTransaction, page_size: int) -> int:
    """Delete up to `page_size` nodes with their relationships; returns how many."""
    return int(records(tx, WIPE_PAGE_QUERY, page_size=page_size)[0]["deleted"])


# Statements that manage their own transactions (schema changes, `IN TRANSACTIONS`)
# run outside a managed one.


def create_staging_index(store: Store) -> None:
    store.run_autocommit(STAGING_INDEX_QUERY)


def drop_staging_index(store: Store) -> None:
    store.run_autocommit(DROP_STAGING_INDEX_QUERY)


def discard_staged(store: Store) -> None:
    """Delete every staged node and relationship, 1,000 per transaction."""
    store.run_autocommit(DISCARD_STAGED_QUERY)


def delete_old_in_batches(store: Store) -> None:
    """Delete every unstaged relationship, then every unstaged node (not the marker)."""
    store.run_autocommit(DELETE_OLD_RELATIONSHIPS_IN_BATCHES_QUERY)
    store.run_autocommit(DELETE_OLD_NODES_IN_BATCHES_QUERY)


def promote_in_batches(store: Store) -> None:
    """Give staged relationships and nodes their real types and labels."""
    store.run_autocommit(PROMOTE_RELATIONSHIPS_IN_BATCHES_QUERY)
    store.run_autocommit(PROMOTE_NODES_IN_BATCHES_QUERY)
