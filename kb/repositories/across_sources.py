"""Store access for comparing sources: claims they share, attacks across them."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.across_sources import (
    ATTACKS_ACROSS_QUERY,
    OTHER_SOURCES_COUNT_QUERY,
    OTHER_SOURCES_PAGE_QUERY,
    SHARED_CLAIMS_QUERY,
    SOURCES_FOUND_QUERY,
)


def sources_found(tx: ManagedTransaction, source_ids: list[str]) -> dict[str, dict[str, Any]]:
    """`{id, title}` of each existing source of `source_ids`, by id."""
    rows = records(tx, SOURCES_FOUND_QUERY, source_ids=source_ids)
    return {row["id"]: row for row in rows}


def shared_claims(tx: ManagedTransaction, a: str, b: str) -> list[dict[str, Any]]:
    return [row["claim"] for row in records(tx, SHARED_CLAIMS_QUERY, a=a, b=b)]


def attacks_across(tx: ManagedTransaction, a: str, b: str) -> list[dict[str, Any]]:
    return [row["attack"] for row in records(tx, ATTACKS_ACROSS_QUERY, a=a, b=b)]


def other_sources_page(
    tx: ManagedTransaction, a: str, skip: int, limit: int
) -> tuple[int, list[dict[str, Any]]]:
    """How many sources besides `a`, and `{id, title}` of one page of them by id."""
    total = records(tx, OTHER_SOURCES_COUNT_QUERY, a=a)[0]["total"]
    return total, records(tx, OTHER_SOURCES_PAGE_QUERY, a=a, skip=skip, limit=limit)
