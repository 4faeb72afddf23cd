"""Store access for the append-only event log."""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.history import HISTORY_QUERY, RECORD_EVENT_QUERY

# Orders events that share a timestamp (written by one transaction) as written.
_EVENT_SEQUENCE = itertools.count()


def record_event(
    tx: ManagedTransaction,
    kind: str,
    now: str,
    by: str,
    target_id: str,
    link_id: str | None = None,
    slot_id: str | None = None,
    detail: str | None = None,
) -> None:
    """Append one event to the log (events are never changed or deleted)."""
    records(
        tx,
        RECORD_EVENT_QUERY,
        event_id=f"evt-{uuid.uuid4().hex}",
        seq=next(_EVENT_SEQUENCE),
        kind=kind,
        now=now,
        by=by,
        target_id=target_id,
        link_id=link_id,
        slot_id=slot_id,
        detail=detail,
    )


def history(tx: ManagedTransaction, target_ids: list[str]) -> list[dict[str, Any]]:
    """Every event of any of `target_ids`, oldest first."""
    return [row["event"] for row in records(tx, HISTORY_QUERY, target_ids=target_ids)]
