"""Store access for claims."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.claims import CLAIM_DETAIL_QUERY, LIST_CLAIMS_QUERY, SEARCH_CLAIMS_QUERY


def claim_page(tx: ManagedTransaction, params: dict[str, Any]) -> tuple[int, list[dict[str, Any]]]:
    """One page of claims matching `params` (ranked when `params['q']` is set)."""
    query = SEARCH_CLAIMS_QUERY if params.get("q") else LIST_CLAIMS_QUERY
    row = records(tx, query, **params)[0]
    return row["total"], row["items"]


def claim_detail(tx: ManagedTransaction, claim_id: str) -> dict[str, Any] | None:
    rows = records(tx, CLAIM_DETAIL_QUERY, claim_id=claim_id)
    return rows[0]["claim"] if rows else None
