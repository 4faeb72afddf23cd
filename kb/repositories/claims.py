"""Store access for claims."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import value_records
from kb.models import PageRequest
from kb.queries.claims import (
    CLAIM_APPEARANCES_COUNT_QUERY,
    CLAIM_APPEARANCES_PAGE_QUERY,
    CLAIM_DETAIL_QUERY,
    CLAIMS_AFTER_COUNT_QUERY,
    CLAIMS_COUNT_QUERY,
    CLAIMS_PAGE_QUERY,
    CLAIMS_TOTAL_QUERY,
    SEARCH_CLAIMS_COUNT_QUERY,
    SEARCH_CLAIMS_PAGE_QUERY,
)
from kb.repositories import derived
from kb.repositories.paging import PageRows, read_page

# Full-text hits each index answers at least (more when the page lies deeper): the
# window a search ranks, filters and counts. Larger windows cost Lucene more.
SEARCH_WINDOW = 1000
# The deepest hit a search serves: Lucene allocates its top-k queue up front, so the
# window must stay bounded whatever page is asked for.
MAX_SEARCH_HITS = 10_000


def claim_page(tx: ManagedTransaction, params: dict[str, Any], request: PageRequest) -> PageRows:
    """One page of claims matching `params` (ranked when `params['q']` is set).

    A search ranks the best `SEARCH_WINDOW` hits of each full-text index (or
    `skip + limit`, if more); with more hits than that its total is flagged as
    an estimate. Without any filter (and no cursor, `after` = '') the total
    comes from the count store.
    """
    by_index = derived.status_page_queries(params)
    if by_index and not params.get("q"):
        return read_page(tx, *by_index, request, **params)
    if params.get("q"):
        hits = max(SEARCH_WINDOW, request.skip + request.limit)
        return read_page(
            tx, SEARCH_CLAIMS_COUNT_QUERY, SEARCH_CLAIMS_PAGE_QUERY, request, hits=hits, **params
        )
    filters = {name: value for name, value in params.items() if name != "after"}
    if all(value is None for value in filters.values()):
        total = CLAIMS_AFTER_COUNT_QUERY if params["after"] else CLAIMS_TOTAL_QUERY
        return read_page(tx, total, CLAIMS_PAGE_QUERY, request, **params)
    return read_page(tx, CLAIMS_COUNT_QUERY, CLAIMS_PAGE_QUERY, request, **params)


def claim_detail(tx: ManagedTransaction, claim_id: str) -> dict[str, Any] | None:
    rows = value_records(tx, CLAIM_DETAIL_QUERY, claim_id=claim_id)
    return rows[0]["claim"] if rows else None


def appearance_page(tx: ManagedTransaction, claim_id: str, request: PageRequest) -> PageRows:
    """One page of a claim's appearances across sources, first known first."""
    return read_page(
        tx,
        CLAIM_APPEARANCES_COUNT_QUERY,
        CLAIM_APPEARANCES_PAGE_QUERY,
        request,
        claim_id=claim_id,
    )
