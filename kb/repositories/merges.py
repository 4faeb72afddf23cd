"""Store access for claim merges: read a claim's relationships, move them, tombstone it."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.merges import (
    ACTIVE_MERGE_QUERY,
    CLAIM_ELEMENT_QUERY,
    CLAIM_RELATIONSHIPS_QUERY,
    CLAIM_STATE_QUERY,
    CLOSE_MERGE_RECORD_QUERY,
    CREATE_INCOMING_QUERY,
    CREATE_MERGE_RECORD_QUERY,
    CREATE_OUTGOING_QUERY,
    DELETE_RELATIONSHIPS_QUERY,
    LINKS_BETWEEN_QUERY,
    LOCK_CLAIMS_QUERY,
    MERGED_CLAIMS_QUERY,
    MOVE_INCOMING_QUERY,
    MOVE_OUTGOING_QUERY,
    NODES_BY_KEY_QUERY,
    RETARGET_EVIDENCE_QUERY,
    REVIVE_QUERY,
    TOMBSTONE_QUERY,
    TOMBSTONE_RELATIONSHIPS_QUERY,
)


def lock_claims(tx: ManagedTransaction, claim_ids: list[str]) -> None:
    """Hold the write locks on these claims (or tombstones) until the transaction ends."""
    records(tx, LOCK_CLAIMS_QUERY, claim_ids=sorted(set(claim_ids)))


def tombstone_relationships(tx: ManagedTransaction) -> list[dict[str, Any]]:
    """`{merged_id, type, relationships}` for every relationship left on a tombstone."""
    return records(tx, TOMBSTONE_RELATIONSHIPS_QUERY)


def claim_state(tx: ManagedTransaction, claim_id: str) -> tuple[bool, str | None]:
    """(is a live claim, the claim it was merged into if it is a tombstone)."""
    row = records(tx, CLAIM_STATE_QUERY, claim_id=claim_id)[0]
    return bool(row["live"]), row["merged_into"]


def claim_element(tx: ManagedTransaction, claim_id: str) -> dict[str, Any] | None:
    """`{node, labels}` of the claim or tombstone `claim_id`."""
    rows = records(tx, CLAIM_ELEMENT_QUERY, claim_id=claim_id)
    return rows[0] if rows else None


def relationships(tx: ManagedTransaction, node: str) -> list[dict[str, Any]]:
    """Every relationship of the node with element id `node`, seen from it."""
    return records(tx, CLAIM_RELATIONSHIPS_QUERY, node=node)


def links_between(tx: ManagedTransaction, a: str, b: str) -> list[dict[str, Any]]:
    return records(tx, LINKS_BETWEEN_QUERY, a=a, b=b)


def move(tx: ManagedTransaction, target: str, rows: list[dict[str, Any]]) -> None:
    """Re-create each `{rel, type, outgoing}` of `rows` on `target`, delete the original."""
    records(tx, MOVE_OUTGOING_QUERY, target=target, rows=[r for r in rows if r["outgoing"]])
    records(tx, MOVE_INCOMING_QUERY, target=target, rows=[r for r in rows if not r["outgoing"]])


def delete(tx: ManagedTransaction, rels: list[str]) -> None:
    records(tx, DELETE_RELATIONSHIPS_QUERY, rels=rels)


def create(tx: ManagedTransaction, target: str, rows: list[dict[str, Any]]) -> None:
    """Create each `{type, outgoing, other, props}` of `rows` on `target`."""
    records(tx, CREATE_OUTGOING_QUERY, target=target, rows=[r for r in rows if r["outgoing"]])
    records(tx, CREATE_INCOMING_QUERY, target=target, rows=[r for r in rows if not r["outgoing"]])


def nodes_by_key(tx: ManagedTransaction, keys: list[dict[str, str]]) -> dict[tuple[str, str], str]:
    """Element ids of `{label, id}` nodes, by `(label, id)`; missing ones are absent."""
    rows = records(tx, NODES_BY_KEY_QUERY, keys=keys)
    return {(row["label"], row["id"]): row["node"] for row in rows}


def retarget_evidence(tx: ManagedTransaction, link_ids: list[str], target_id: str) -> None:
    records(tx, RETARGET_EVIDENCE_QUERY, link_ids=link_ids, target_id=target_id)


def tombstone(
    tx: ManagedTransaction, claim_id: str, labels: list[str], survivor_id: str, merge_id: str
) -> None:
    records(
        tx,
        TOMBSTONE_QUERY,
        claim_id=claim_id,
        labels=labels,
        survivor_id=survivor_id,
        merge_id=merge_id,
    )


def revive(tx: ManagedTransaction, claim_id: str, labels: list[str]) -> None:
    records(tx, REVIVE_QUERY, claim_id=claim_id, labels=labels)


def create_record(tx: ManagedTransaction, **record: Any) -> None:
    records(tx, CREATE_MERGE_RECORD_QUERY, **record)


def active_merge(tx: ManagedTransaction, merged_id: str) -> dict[str, Any] | None:
    rows = records(tx, ACTIVE_MERGE_QUERY, merged_id=merged_id)
    return rows[0]["merge"] if rows else None


def close_record(tx: ManagedTransaction, merge_id: str, by: str, now: str, reason: str) -> None:
    records(tx, CLOSE_MERGE_RECORD_QUERY, merge_id=merge_id, by=by, now=now, reason=reason)


def merged_claims(tx: ManagedTransaction) -> dict[str, str]:
    """Every tombstone's id -> the claim it was merged into."""
    return {row["merged_id"]: row["merged_into"] for row in records(tx, MERGED_CLAIMS_QUERY)}
