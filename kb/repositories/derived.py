"""Store access for the derived values kept on claims and causal links."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records, value_records
from kb.queries.derived import (
    ALL_CLAIMS_APPEARANCES_QUERY,
    CLAIMS_APPEARANCES_QUERY,
    CLAIMS_GROUNDING_QUERY,
    CLAIMS_WITH_EDGES_PAGE_QUERY,
    DOWNSTREAM_IDS_QUERY,
    LOCK_CLAIMS_QUERY,
    SET_CAUSAL_LINK_STATUS_QUERY,
    SET_CAUSAL_LINKS_STATUS_QUERY,
    SET_CLAIM_STATUS_QUERY,
    SET_CLAIMS_CONSENSUS_QUERY,
    SET_CLAIMS_GROUNDING_QUERY,
    SET_CLAIMS_STATUS_QUERY,
    STORED_CAUSAL_LINKS_QUERY,
    TARGET_EVIDENCE_STATE_QUERY,
    TARGETS_EVIDENCE_STATE_QUERY,
)


def target_evidence_state(tx: ManagedTransaction, target_id: str) -> dict[str, Any] | None:
    """`{kind, status, evidence: [{stance, confidence}], effects}` of a claim or causal
    link (None: no such target)."""
    rows = records(tx, TARGET_EVIDENCE_STATE_QUERY, target_id=target_id)
    return rows[0] if rows else None


def targets_evidence_state(tx: ManagedTransaction, target_ids: list[str]) -> list[dict[str, Any]]:
    """`target_evidence_state` of each of the claims and causal links that exist, with `id`."""
    return records(tx, TARGETS_EVIDENCE_STATE_QUERY, target_ids=target_ids)


def set_status(tx: ManagedTransaction, kind: str, target_id: str, status: str) -> None:
    query = SET_CLAIM_STATUS_QUERY if kind == "claim" else SET_CAUSAL_LINK_STATUS_QUERY
    records(tx, query, target_id=target_id, status=status)


def downstream_step(tx: ManagedTransaction, frontier: list[str]) -> list[str]:
    """Ids of the claims resting directly on any claim of `frontier`."""
    return list(records(tx, DOWNSTREAM_IDS_QUERY, frontier=frontier)[0]["claim_ids"])


def lock_claims(tx: ManagedTransaction, claim_ids: list[str]) -> None:
    """Take the write lock of each claim (held until the transaction ends)."""
    records(tx, LOCK_CLAIMS_QUERY, claim_ids=claim_ids)


def claims_grounding(tx: ManagedTransaction, claim_ids: list[str]) -> list[dict[str, Any]]:
    """Stored values and incoming edges (with their premises' values) of each claim."""
    return records(tx, CLAIMS_GROUNDING_QUERY, claim_ids=claim_ids)


def set_claims_grounding(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    """Store `{id, standing, stands_baseline, stands_now, rests_on_defeated}` rows."""
    records(tx, SET_CLAIMS_GROUNDING_QUERY, rows=rows)


def set_claims_status(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    records(tx, SET_CLAIMS_STATUS_QUERY, rows=rows)


def set_causal_links_status(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    records(tx, SET_CAUSAL_LINKS_STATUS_QUERY, rows=rows)


def claims_with_edges_page(tx: ManagedTransaction, after: str, limit: int) -> list[dict[str, Any]]:
    """Up to `limit` claims after id `after` in id order: stored derived values and
    outgoing edges (`[effect id, causal link id or None]`)."""
    return value_records(tx, CLAIMS_WITH_EDGES_PAGE_QUERY, after=after, limit=limit)


def claims_appearances(tx: ManagedTransaction, claim_ids: list[str]) -> list[dict[str, Any]]:
    """`{id, consensus, appearances}` of each claim: its stored consensus and its
    appearances as `[source id, stance, speaker, speaker stance]`."""
    return value_records(tx, CLAIMS_APPEARANCES_QUERY, claim_ids=claim_ids)


def all_claims_appearances(tx: ManagedTransaction) -> list[dict[str, Any]]:
    """`{id, appearances}` of every claim (the oracle's read)."""
    return value_records(tx, ALL_CLAIMS_APPEARANCES_QUERY)


def set_claims_consensus(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    """Store `{id, consensus}` rows."""
    records(tx, SET_CLAIMS_CONSENSUS_QUERY, rows=rows)


def stored_causal_links(tx: ManagedTransaction) -> list[dict[str, Any]]:
    return records(tx, STORED_CAUSAL_LINKS_QUERY)
