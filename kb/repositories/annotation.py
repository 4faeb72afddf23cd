"""Store access for `kb import`: existing ids, current state, match candidates."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.annotation import (
    IMPORT_CURRENT_STATE_QUERY,
    IMPORT_EXISTING_IDS_QUERY,
    IMPORT_MATCH_CLAIM_TEXT_QUERY,
    IMPORT_MATCH_QUOTE_QUERY,
)


def existing_ids(tx: ManagedTransaction) -> dict[str, list[str]]:
    """Every claim, actor, topic, causal link and support/attack id."""
    return records(tx, IMPORT_EXISTING_IDS_QUERY)[0]


def current_state(tx: ManagedTransaction, **ids: Any) -> dict[str, Any]:
    """What the database holds for the ids a file writes (see the query for the keys)."""
    return records(tx, IMPORT_CURRENT_STATE_QUERY, **ids)[0]


def claim_text_hits(tx: ManagedTransaction, search: str, limit: int) -> list[dict[str, Any]]:
    return records(tx, IMPORT_MATCH_CLAIM_TEXT_QUERY, search=search, limit=limit)


def quote_hits(tx: ManagedTransaction, search: str, limit: int) -> list[dict[str, Any]]:
    return records(tx, IMPORT_MATCH_QUOTE_QUERY, search=search, limit=limit)
