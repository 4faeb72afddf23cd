"""Store access for `kb lint` a page at a time (each page its own read transaction)."""

from __future__ import annotations

from neo4j import ManagedTransaction

from kb.db import records
from kb.lint.rows import ClaimRow, LinkRow
from kb.queries.lint_pages import (
    LINT_CLAIM_IDS_PAGE_QUERY,
    LINT_CLAIMS_PAGE_QUERY,
    LINT_LINKS_OUT_QUERY,
)
from kb.queries.lint_region import REGION_SOURCE_TEXTS_QUERY
from kb.repositories.lint import _link_row, claim_row


def claims_page(
    tx: ManagedTransaction, after: str, limit: int, texts: dict[str, str]
) -> list[ClaimRow]:
    """Up to `limit` claims after id `after`, in id order, each span checked against its
    source's text (`texts` caches the texts read so far; missing ones are read here)."""
    raw = records(tx, LINT_CLAIMS_PAGE_QUERY, after=after, limit=limit)
    wanted = {a["source"] for row in raw for a in row["assertions"]} - texts.keys()
    if wanted:
        found = records(tx, REGION_SOURCE_TEXTS_QUERY, ids=sorted(s for s in wanted if s))
        texts.update({row["id"]: row["text"] for row in found})
    claims = []
    for row in raw:
        claims.append(claim_row(row, texts))
    return claims


def links_out_of(tx: ManagedTransaction, claim_ids: list[str]) -> list[LinkRow]:
    """Every support, attack and causal link out of the claims."""
    return [_link_row(row) for row in records(tx, LINT_LINKS_OUT_QUERY, ids=claim_ids)]


def claim_ids_page(tx: ManagedTransaction, after: str, limit: int) -> list[str]:
    """Up to `limit` claim ids after `after`, in id order."""
    return [row["id"] for row in records(tx, LINT_CLAIM_IDS_PAGE_QUERY, after=after, limit=limit)]
