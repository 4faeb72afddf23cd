"""Store access for evidence slots (the analysts' work list)."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.slots import LIST_SLOTS_QUERY


def slot_page(tx: ManagedTransaction, params: dict[str, Any]) -> tuple[int, list[dict[str, Any]]]:
    row = records(tx, LIST_SLOTS_QUERY, **params)[0]
    return row["total"], row["items"]
