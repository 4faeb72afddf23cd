"""Store access for evidence: external sources, links to targets, idempotency."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records, value_records
from kb.queries.evidence import (
    CLAIM_IDEMPOTENCY_KEY_QUERY,
    EVIDENCE_LINK_OWNER_QUERY,
    EVIDENCE_LINK_QUERY,
    MERGE_EVIDENCE_LINK_QUERY,
    MERGE_EVIDENCE_QUERY,
    RETRACT_EVIDENCE_LINK_QUERY,
    SAVE_IDEMPOTENT_ANSWER_QUERY,
    TARGET_EVIDENCE_COUNT_QUERY,
    TARGET_EVIDENCE_PAGE_QUERY,
    TARGET_EVIDENCE_QUERY,
)


def merge_evidence(tx: ManagedTransaction, params: dict[str, Any]) -> str:
    return str(records(tx, MERGE_EVIDENCE_QUERY, **params)[0]["evidence_id"])


def merge_evidence_link(tx: ManagedTransaction, params: dict[str, Any]) -> tuple[str, bool]:
    """The link's id and whether this call created it (False: it already existed)."""
    row = records(tx, MERGE_EVIDENCE_LINK_QUERY, **params)[0]
    return row["link_id"], row["created"]


def claim_idempotency_key(
    tx: ManagedTransaction, record_id: str, request_hash: str, token: str, now: str
) -> dict[str, Any]:
    """`{claimed, request_hash, status, response}` of the key's record (made if new)."""
    rows = records(
        tx,
        CLAIM_IDEMPOTENCY_KEY_QUERY,
        record_id=record_id,
        request_hash=request_hash,
        token=token,
        now=now,
    )
    return rows[0]


def save_idempotent_answer(
    tx: ManagedTransaction, record_id: str, link_id: str, status: int, response: str
) -> None:
    records(
        tx,
        SAVE_IDEMPOTENT_ANSWER_QUERY,
        record_id=record_id,
        link_id=link_id,
        status=status,
        response=response,
    )


def evidence_link(tx: ManagedTransaction, link_id: str) -> dict[str, Any] | None:
    rows = records(tx, EVIDENCE_LINK_QUERY, link_id=link_id)
    return rows[0]["link"] if rows else None


def target_evidence(tx: ManagedTransaction, target_id: str) -> list[dict[str, Any]]:
    rows = value_records(tx, TARGET_EVIDENCE_QUERY, target_id=target_id)
    return [row["link"] for row in rows]


def target_evidence_page(
    tx: ManagedTransaction, target_id: str, skip: int, limit: int
) -> list[dict[str, Any]]:
    rows = value_records(
        tx, TARGET_EVIDENCE_PAGE_QUERY, target_id=target_id, skip=skip, limit=limit
    )
    return [row["link"] for row in rows]


def count_target_evidence(tx: ManagedTransaction, target_id: str) -> int:
    return int(records(tx, TARGET_EVIDENCE_COUNT_QUERY, target_id=target_id)[0]["total"])


def evidence_link_owner(tx: ManagedTransaction, link_id: str) -> dict[str, Any] | None:
    rows = records(tx, EVIDENCE_LINK_OWNER_QUERY, link_id=link_id)
    return rows[0] if rows else None


def retract_evidence_link(
    tx: ManagedTransaction, link_id: str, by: str, reason: str, now: str
) -> dict[str, Any] | None:
    rows = records(tx, RETRACT_EVIDENCE_LINK_QUERY, link_id=link_id, by=by, reason=reason, now=now)
    return rows[0] if rows else None
