"""Store access for causal links."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.models import PageRequest
from kb.queries.causal_links import (
    CAUSAL_LINK_DETAIL_QUERY,
    CAUSAL_LINKS_COUNT_QUERY,
    CAUSAL_LINKS_PAGE_QUERY,
)
from kb.repositories.paging import PageRows, read_page


def causal_link_page(
    tx: ManagedTransaction, claim_id: str | None, request: PageRequest
) -> PageRows:
    return read_page(
        tx, CAUSAL_LINKS_COUNT_QUERY, CAUSAL_LINKS_PAGE_QUERY, request, claim_id=claim_id
    )


def causal_link_detail(tx: ManagedTransaction, link_id: str) -> dict[str, Any] | None:
    rows = records(tx, CAUSAL_LINK_DETAIL_QUERY, link_id=link_id)
    return rows[0]["link"] if rows else None
