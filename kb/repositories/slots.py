"""Store access for evidence slots: the work list, and opening, filling, closing."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.models import PageRequest
from kb.queries.slots import (
    FILL_SLOT_QUERY,
    OPEN_SLOT_QUERY,
    SLOT_OF_TARGET_QUERY,
    SLOT_QUERY,
    SLOTS_COUNT_QUERY,
    SLOTS_PAGE_QUERY,
    UPDATE_SLOT_QUERY,
)
from kb.repositories.paging import PageRows, read_page


def slot_page(tx: ManagedTransaction, filters: dict[str, Any], request: PageRequest) -> PageRows:
    return read_page(tx, SLOTS_COUNT_QUERY, SLOTS_PAGE_QUERY, request, **filters)


def slot(tx: ManagedTransaction, slot_id: str) -> dict[str, Any] | None:
    """The slot with its owner and count of active evidence links, or None."""
    rows = records(tx, SLOT_QUERY, slot_id=slot_id)
    return rows[0]["item"] if rows else None


def slot_status_on_target(tx: ManagedTransaction, target_id: str, slot_id: str) -> str | None:
    rows = records(tx, SLOT_OF_TARGET_QUERY, target_id=target_id, slot_id=slot_id)
    return rows[0]["status"] if rows else None


def fill_slot(tx: ManagedTransaction, link_id: str, slot_id: str) -> None:
    records(tx, FILL_SLOT_QUERY, link_id=link_id, slot_id=slot_id)


def open_slot(
    tx: ManagedTransaction, target_id: str, kind: str, question: str, by: str, now: str
) -> str:
    rows = records(
        tx, OPEN_SLOT_QUERY, target_id=target_id, kind=kind, question=question, by=by, now=now
    )
    return str(rows[0]["slot_id"])


def update_slot(tx: ManagedTransaction, params: dict[str, Any]) -> None:
    records(tx, UPDATE_SLOT_QUERY, **params)
