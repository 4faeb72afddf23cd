"""Store access for sources."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.sources import (
    LIST_SOURCES_QUERY,
    SOURCE_ARGUMENT_MAP_QUERY,
    SOURCE_DETAIL_QUERY,
    SOURCE_SPANS_QUERY,
)


def source_page(tx: ManagedTransaction, skip: int, limit: int) -> tuple[int, list[dict[str, Any]]]:
    row = records(tx, LIST_SOURCES_QUERY, skip=skip, limit=limit)[0]
    return row["total"], row["items"]


def source_detail(tx: ManagedTransaction, source_id: str) -> dict[str, Any] | None:
    rows = records(tx, SOURCE_DETAIL_QUERY, source_id=source_id)
    return rows[0]["source"] if rows else None


def source_spans(tx: ManagedTransaction, source_id: str) -> list[dict[str, Any]]:
    return records(tx, SOURCE_SPANS_QUERY, source_id=source_id)


def argument_map(tx: ManagedTransaction, source_id: str) -> dict[str, Any] | None:
    """The source's claims and links, or None when there is no such source."""
    rows = records(tx, SOURCE_ARGUMENT_MAP_QUERY, source_id=source_id)
    if not rows:
        return None
    return {"claims": rows[0]["claims"], "links": rows[0]["links"]}
