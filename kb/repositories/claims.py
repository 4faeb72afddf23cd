"""Store access for claims."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import value_records
from kb.models import PageRequest
from kb.queries import claim_anchors as claim_anchors_queries
from kb.queries.claims import (
    CLAIM_APPEARANCES_COUNT_QUERY,
    CLAIM_APPEARANCES_PAGE_QUERY,
    CLAIM_DETAIL_QUERY,
    CLAIMS_AFTER_COUNT_QUERY,
    CLAIMS_PAGE_QUERY,
    CLAIMS_TOTAL_QUERY,
    search_claims_query,
)
from kb.repositories import claim_anchors
from kb.repositories.paging import PageRows, read_page

# A filtered list counts at most this many matches (past it the total is an estimate):
# counting costs the rows counted, and 1,000 is reached within the same few thousand
# claims at any graph size when a filter passes a tenth of them.
FILTERED_COUNT_CAP = 1_000
# Claims of a popular actor or topic a filtered count reads at most (kb/queries/
# claim_anchors.py `SCAN_CAPPED`): what a bounded anchor sorts at most, so the count
# of `status=supported&actor=<popular>` costs the same at 10k and 1M claims.
COUNT_SCAN_CAP = claim_anchors.DEGREE_ANCHOR_MAX
# Full-text hits each index answers at least for a filtered search (more when the
# page lies deeper): the window it ranks, filters and counts, so that its filters
# find matches among the best hits. Larger windows cost Lucene more, and more so on
# a large graph (its top-k queue churns through every document holding the word).
SEARCH_WINDOW = 1000
# An unfiltered search ranks only what its page needs, but at least a default page's
# worth, so a word with few hits still gets an exact total whatever `limit` asks.
PAGE_SEARCH_WINDOW = 50
# The deepest hit a search serves: Lucene allocates its top-k queue up front, so the
# window must stay bounded whatever page is asked for.
MAX_SEARCH_HITS = 10_000


def claim_page(tx: ManagedTransaction, params: dict[str, Any], request: PageRequest) -> PageRows:
    """One page of claims matching `params` (ranked when `params['q']` is set).

    A search ranks each full-text index's best `skip + limit` hits, or if more its
    best `PAGE_SEARCH_WINDOW` (`SEARCH_WINDOW` with a filter set); with more hits
    than that its total is flagged as an estimate. Without any filter (and no
    cursor, `after` = '') the total comes from the count store.
    """
    if params.get("q"):
        return _search_page(tx, params, request)
    filters = {name: value for name, value in params.items() if name != "after"}
    if all(value is None for value in filters.values()):
        total = CLAIMS_AFTER_COUNT_QUERY if params["after"] else CLAIMS_TOTAL_QUERY
        return read_page(tx, total, CLAIMS_PAGE_QUERY, request, **params)
    # A filter reads from what it names (kb/queries/claim_anchors.py), not every claim.
    page, count = claim_anchors.choose(tx, params)
    count_query = claim_anchors_queries.count_query(count, params)
    page_query = claim_anchors_queries.page_query(page, params)
    return read_page(
        tx,
        count_query,
        page_query,
        request,
        count_cap=FILTERED_COUNT_CAP,
        scan_cap=COUNT_SCAN_CAP,
        **params,
    )


def _search_page(tx: ManagedTransaction, params: dict[str, Any], request: PageRequest) -> PageRows:
    """A search's window read once: its total (an estimate when an index had more hits
    than the window) and the page.

    An unfiltered search ranks only what its page needs, each index's best
    `skip + limit` hits (at least `PAGE_SEARCH_WINDOW`): a word in most claims is
    never ranked across the corpus (at 1M claims a window of 1,000 cost 2.4x its cost
    at 10k, a window of 50 1.1x), and its total is then a lower bound.
    """
    filtered = any(value not in (None, "") for name, value in params.items() if name != "q")
    needed = request.skip + request.limit
    hits = max(SEARCH_WINDOW if filtered else PAGE_SEARCH_WINDOW, needed)
    query = search_claims_query(claim_anchors_queries.conditions(params))
    rows = value_records(tx, query, hits=hits, skip=request.skip, limit=request.limit, **params)
    if not rows:  # no hit, or none passing the filters: the grouping leaves no row
        return PageRows(0, [], False)
    row = rows[0]
    return PageRows(row["total"], row["items"], bool(row["estimate"]))


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
