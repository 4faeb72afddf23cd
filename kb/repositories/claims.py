"""Store access for claims."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.models import PageRequest
from kb.queries.claims import (
    CLAIM_DETAIL_QUERY,
    CLAIMS_COUNT_QUERY,
    CLAIMS_PAGE_QUERY,
    SEARCH_CLAIMS_COUNT_QUERY,
    SEARCH_CLAIMS_PAGE_QUERY,
)
from kb.repositories import derived
from kb.repositories.paging import PageRows, read_page


def claim_page(tx: ManagedTransaction, params: dict[str, Any], request: PageRequest) -> PageRows:
    """One page of claims matching `params` (ranked when `params['q']` is set)."""
    by_index = derived.status_page_queries(params)
    if by_index and not params.get("q"):
        return read_page(tx, *by_index, request, **params)
    if params.get("q"):
        return read_page(tx, SEARCH_CLAIMS_COUNT_QUERY, SEARCH_CLAIMS_PAGE_QUERY, request, **params)
    return read_page(tx, CLAIMS_COUNT_QUERY, CLAIMS_PAGE_QUERY, request, **params)


def claim_detail(tx: ManagedTransaction, claim_id: str) -> dict[str, Any] | None:
    rows = records(tx, CLAIM_DETAIL_QUERY, claim_id=claim_id)
    return rows[0]["claim"] if rows else None
