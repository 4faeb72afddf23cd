"""Store access for sources."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.models import PageRequest
from kb.queries.sources import (
    SOURCE_ARGUMENT_MAP_QUERY,
    SOURCE_DETAIL_QUERY,
    SOURCE_SPANS_QUERY,
    SOURCES_COUNT_QUERY,
    SOURCES_PAGE_QUERY,
)
from kb.repositories.paging import PageRows, read_page


def source_page(tx: ManagedTransaction, request: PageRequest) -> PageRows:
    return read_page(tx, SOURCES_COUNT_QUERY, SOURCES_PAGE_QUERY, request)


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
