"""Store access for source revisions: the applied state a revision starts from, and reads."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.revision import (
    RETIRED_CLAIM_QUERY,
    REVISION_PREVIOUS_QUERY,
    SOURCE_CURRENT_SPANS_QUERY,
    SOURCE_REVISION_QUERY,
    SOURCE_REVISIONS_QUERY,
)


def previous(tx: ManagedTransaction, source_id: str, claim_ids: list[str]) -> dict[str, Any] | None:
    """The applied source (`kb.annotation.revision.previous_from` reads it), or None."""
    rows = records(tx, REVISION_PREVIOUS_QUERY, source_id=source_id, claim_ids=claim_ids)
    return rows[0] if rows else None


def revisions(tx: ManagedTransaction, source_id: str) -> dict[str, Any] | None:
    rows = records(tx, SOURCE_REVISIONS_QUERY, source_id=source_id)
    return rows[0] if rows else None


def revision(tx: ManagedTransaction, source_id: str, number: int) -> dict[str, Any] | None:
    rows = records(tx, SOURCE_REVISION_QUERY, source_id=source_id, number=number)
    return rows[0] if rows else None


def current_spans(tx: ManagedTransaction, source_id: str) -> list[dict[str, Any]]:
    rows = records(tx, SOURCE_CURRENT_SPANS_QUERY, source_id=source_id)
    return list(rows[0]["spans"]) if rows else []


def retired_claim(tx: ManagedTransaction, claim_id: str) -> dict[str, Any] | None:
    rows = records(tx, RETIRED_CLAIM_QUERY, claim_id=claim_id)
    return rows[0]["claim"] if rows else None
