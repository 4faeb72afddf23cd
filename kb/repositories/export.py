"""Store access for exports: one keyset page at a time, as plain dicts.

Each function reads one page (at most `limit` anchors) so a caller can
stream a graph of any size; `after` is the last id of the previous page
("" for the first). `source_id` narrows to what one source asserts (None:
everything).
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import value_records
from kb.queries import export as q
from kb.queries import export_formats as f
from kb.schema import DOMAIN_RELATIONSHIPS, RelKind


def source_exists(tx: ManagedTransaction, source_id: str) -> bool:
    return bool(value_records(tx, q.SOURCE_EXISTS_QUERY, source_id=source_id)[0]["found"])


def counts(tx: ManagedTransaction, source_id: str | None) -> list[dict[str, Any]]:
    """Rows of (scope, name, total): nodes by label, relationships by kind, speaker roles."""
    return value_records(tx, q.EXPORT_COUNTS_QUERY, source_id=source_id)


def property_types(tx: ManagedTransaction, source_id: str | None) -> list[dict[str, Any]]:
    """Rows of (scope, name, key, value_type, total) for every label and relationship kind."""
    return value_records(tx, q.EXPORT_PROPERTY_TYPES_QUERY, source_id=source_id)


def node_page(
    tx: ManagedTransaction, label: str, source_id: str | None, after: str, limit: int
) -> list[dict[str, Any]]:
    """Nodes of `label` (one of `NODE_PAGE_QUERIES`) as {id, props}, by id."""
    return value_records(
        tx, q.NODE_PAGE_QUERIES[label], source_id=source_id, after=after, limit=limit
    )


def rel_page(
    tx: ManagedTransaction, kind: str, source_id: str | None, after: str, limit: int
) -> list[dict[str, Any]]:
    """Relationships of `kind` grouped by anchor: {anchor_id, rels: [{start_id, end_id, props}]}."""
    return value_records(
        tx, q.REL_PAGE_QUERIES[kind], source_id=source_id, after=after, limit=limit
    )


def aif_claim_page(
    tx: ManagedTransaction, source_id: str | None, after: str, limit: int
) -> list[dict[str, Any]]:
    return value_records(tx, f.AIF_CLAIM_PAGE_QUERY, source_id=source_id, after=after, limit=limit)


def aif_argument_page(
    tx: ManagedTransaction, rel_type: str, source_id: str | None, after: str, limit: int
) -> list[dict[str, Any]]:
    """Links of one argument kind (`kb.schema.ARGUMENTS`) with their claims' anchor offsets."""
    return value_records(
        tx, f.AIF_ARGUMENT_PAGE_QUERIES[rel_type], source_id=source_id, after=after, limit=limit
    )


def aif_causal_page(
    tx: ManagedTransaction, source_id: str | None, after: str, limit: int
) -> list[dict[str, Any]]:
    return value_records(
        tx, f.AIF_CAUSAL_LINK_PAGE_QUERY, source_id=source_id, after=after, limit=limit
    )


def claimreview_claims(
    tx: ManagedTransaction, claim_ids: list[str], source_id: str | None
) -> list[dict[str, Any]]:
    return value_records(tx, f.CLAIMREVIEW_CLAIMS_QUERY, claim_ids=claim_ids, source_id=source_id)


def targets_in_scope(
    tx: ManagedTransaction, target_ids: list[str], source_id: str | None
) -> list[dict[str, Any]]:
    """Which targets are in scope: {id, label, assertions, active_evidence}."""
    return value_records(tx, f.EXPORT_TARGETS_QUERY, target_ids=target_ids, source_id=source_id)


# The allow-lists the service iterates (it may not import kb.queries itself).
NODE_LABELS: tuple[str, ...] = tuple(q.NODE_PAGE_QUERIES)
REL_KINDS: tuple[RelKind, ...] = DOMAIN_RELATIONSHIPS
