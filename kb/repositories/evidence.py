"""Store access for evidence, evidence links, analyst slots, events and history.

Each function runs inside the caller's managed transaction, so a service can
compose several into one all-or-nothing write.
"""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.evidence import (
    EVIDENCE_LINK_OWNER_QUERY,
    EVIDENCE_LINK_QUERY,
    FILL_SLOT_QUERY,
    HISTORY_QUERY,
    IDEMPOTENCY_RECORD_QUERY,
    MERGE_EVIDENCE_LINK_QUERY,
    MERGE_EVIDENCE_QUERY,
    OPEN_SLOT_QUERY,
    RECORD_EVENT_QUERY,
    RETRACT_EVIDENCE_LINK_QUERY,
    SAVE_IDEMPOTENCY_RECORD_QUERY,
    SLOT_OF_TARGET_QUERY,
    SLOT_QUERY,
    TARGET_EVIDENCE_QUERY,
    TARGET_KIND_QUERY,
    UPDATE_SLOT_QUERY,
)

# Orders events that share a timestamp (written by one transaction) as written.
_EVENT_SEQUENCE = itertools.count()


def target_kind(tx: ManagedTransaction, target_id: str) -> str | None:
    """`claim` or `causal_link` for an existing target, else None."""
    rows = records(tx, TARGET_KIND_QUERY, target_id=target_id)
    return rows[0]["kind"] if rows else None


def merge_evidence(tx: ManagedTransaction, params: dict[str, Any]) -> str:
    return records(tx, MERGE_EVIDENCE_QUERY, **params)[0]["evidence_id"]


def merge_evidence_link(tx: ManagedTransaction, params: dict[str, Any]) -> tuple[str, bool]:
    """The link's id and whether this call created it (False: it already existed)."""
    row = records(tx, MERGE_EVIDENCE_LINK_QUERY, **params)[0]
    return row["link_id"], row["created"]


def slot_status_on_target(tx: ManagedTransaction, target_id: str, slot_id: str) -> str | None:
    rows = records(tx, SLOT_OF_TARGET_QUERY, target_id=target_id, slot_id=slot_id)
    return rows[0]["status"] if rows else None


def fill_slot(tx: ManagedTransaction, link_id: str, slot_id: str) -> None:
    records(tx, FILL_SLOT_QUERY, link_id=link_id, slot_id=slot_id)


def record_event(
    tx: ManagedTransaction,
    kind: str,
    now: str,
    by: str,
    target_id: str,
    link_id: str | None = None,
    slot_id: str | None = None,
    detail: str | None = None,
) -> None:
    """Append one event to the log (events are never changed or deleted)."""
    records(
        tx,
        RECORD_EVENT_QUERY,
        event_id=f"evt-{uuid.uuid4().hex}",
        seq=next(_EVENT_SEQUENCE),
        kind=kind,
        now=now,
        by=by,
        target_id=target_id,
        link_id=link_id,
        slot_id=slot_id,
        detail=detail,
    )


def idempotency_record(tx: ManagedTransaction, record_id: str) -> dict[str, Any] | None:
    rows = records(tx, IDEMPOTENCY_RECORD_QUERY, record_id=record_id)
    return rows[0] if rows else None


def save_idempotency_record(
    tx: ManagedTransaction, record_id: str, request_hash: str, link_id: str, now: str
) -> None:
    records(
        tx,
        SAVE_IDEMPOTENCY_RECORD_QUERY,
        record_id=record_id,
        request_hash=request_hash,
        link_id=link_id,
        now=now,
    )


def evidence_link(tx: ManagedTransaction, link_id: str) -> dict[str, Any] | None:
    rows = records(tx, EVIDENCE_LINK_QUERY, link_id=link_id)
    return rows[0]["link"] if rows else None


def target_evidence(tx: ManagedTransaction, target_id: str) -> list[dict[str, Any]]:
    return [row["link"] for row in records(tx, TARGET_EVIDENCE_QUERY, target_id=target_id)]


def evidence_link_owner(tx: ManagedTransaction, link_id: str) -> dict[str, Any] | None:
    rows = records(tx, EVIDENCE_LINK_OWNER_QUERY, link_id=link_id)
    return rows[0] if rows else None


def retract_evidence_link(
    tx: ManagedTransaction, link_id: str, by: str, reason: str, now: str
) -> dict[str, Any] | None:
    rows = records(tx, RETRACT_EVIDENCE_LINK_QUERY, link_id=link_id, by=by, reason=reason, now=now)
    return rows[0] if rows else None


def open_slot(
    tx: ManagedTransaction, target_id: str, kind: str, question: str, by: str, now: str
) -> str:
    rows = records(
        tx, OPEN_SLOT_QUERY, target_id=target_id, kind=kind, question=question, by=by, now=now
    )
    return rows[0]["slot_id"]


def slot(tx: ManagedTransaction, slot_id: str) -> dict[str, Any] | None:
    rows = records(tx, SLOT_QUERY, slot_id=slot_id)
    return rows[0] if rows else None


def update_slot(tx: ManagedTransaction, params: dict[str, Any]) -> None:
    records(tx, UPDATE_SLOT_QUERY, **params)


def history(tx: ManagedTransaction, target_id: str) -> list[dict[str, Any]]:
    return [row["event"] for row in records(tx, HISTORY_QUERY, target_id=target_id)]
