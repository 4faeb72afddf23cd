"""Store access for causal links."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.causal_links import CAUSAL_LINK_DETAIL_QUERY, LIST_CAUSAL_LINKS_QUERY


def causal_link_page(
    tx: ManagedTransaction, claim_id: str | None, skip: int, limit: int
) -> tuple[int, list[dict[str, Any]]]:
    row = records(tx, LIST_CAUSAL_LINKS_QUERY, claim_id=claim_id, skip=skip, limit=limit)[0]
    return row["total"], row["items"]


def causal_link_detail(tx: ManagedTransaction, link_id: str) -> dict[str, Any] | None:
    rows = records(tx, CAUSAL_LINK_DETAIL_QUERY, link_id=link_id)
    return rows[0]["link"] if rows else None
