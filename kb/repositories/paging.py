"""One way to read a page: a count query for the total, a page query for the rows.

The page query returns one `item` per row (a map projection: values only, read
without the driver's per-value conversion) and takes `$skip` and `$limit`;
both take the same filter parameters. A page costs a page: page queries
order by an indexed identifier, so Neo4j reads the index in order and stops
after `skip + limit` rows instead of sorting every match.

Totals cost at most `COUNT_CAP` rows. A count query either answers exactly
from Neo4j's count store (an unfiltered `MATCH (n:Label) RETURN count(n)`)
or stops counting at `$count_cap` and returns `estimate` (true when it
stopped): past that many matches the total is a lower bound, flagged as
`total_is_estimate` in the page's meta.
"""

from __future__ import annotations

from typing import Any, LiteralString, NamedTuple

from neo4j import ManagedTransaction

from kb.db import records, value_records
from kb.models import PageRequest

# Matches counted at most for one total; past it, the total is flagged as an estimate.
COUNT_CAP = 10_000


class PageRows(NamedTuple):
    """`total` matches (a lower bound when `total_is_estimate`) and the page's items."""

    total: int
    items: list[dict[str, Any]]
    total_is_estimate: bool = False


def read_page(
    tx: ManagedTransaction,
    count_query: LiteralString,
    page_query: LiteralString,
    request: PageRequest,
    count_cap: int | None = None,
    **params: Any,
) -> PageRows:
    """`(total, items, total_is_estimate)` for one page; past the end the items are empty.
    `count_cap`: a lower cap than `COUNT_CAP` for this list."""
    cap = COUNT_CAP if count_cap is None else min(count_cap, COUNT_CAP)
    counted = records(tx, count_query, count_cap=cap, **params)[0]
    total: int = counted["total"]
    estimate = bool(counted.get("estimate", False))
    if request.skip >= total and not estimate:
        return PageRows(total, [])
    rows = value_records(tx, page_query, skip=request.skip, limit=request.limit, **params)
    items = [row["item"] for row in rows]
    if estimate:  # the page itself may prove that more match than were counted
        total = max(total, request.skip + len(items))
    return PageRows(total, items, estimate)
