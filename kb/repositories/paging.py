"""One way to read a page: a count query for the total, a page query for the rows.

The page query returns one `item` per row and takes `$skip` and `$limit`;
both take the same filter parameters.
"""

from __future__ import annotations

from typing import Any, LiteralString

from neo4j import ManagedTransaction

from kb.db import records
from kb.models import PageRequest

PageRows = tuple[int, list[dict[str, Any]]]  # (total, the page's items)


def read_page(
    tx: ManagedTransaction,
    count_query: LiteralString,
    page_query: LiteralString,
    request: PageRequest,
    **params: Any,
) -> PageRows:
    """`(total, items)` for one page; past the end the items are empty."""
    total: int = records(tx, count_query, **params)[0]["total"]
    if request.skip >= total:
        return total, []
    rows = records(tx, page_query, skip=request.skip, limit=request.limit, **params)
    return total, [row["item"] for row in rows]
