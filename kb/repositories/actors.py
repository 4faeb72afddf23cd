"""Store access for actors."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.actors import (
    ACTOR_CLAIMS_QUERY,
    ACTOR_DETAIL_QUERY,
    LIST_ACTORS_QUERY,
    RESOLVE_ACTOR_QUERY,
)


def resolve_actor(tx: ManagedTransaction, key: str) -> str | None:
    """The id of the actor whose id, name or alias is `key` (case-insensitive)."""
    rows = records(tx, RESOLVE_ACTOR_QUERY, key=key)
    return rows[0]["id"] if rows else None


def actor_page(
    tx: ManagedTransaction, kind: str | None, skip: int, limit: int
) -> tuple[int, list[dict[str, Any]]]:
    row = records(tx, LIST_ACTORS_QUERY, kind=kind, skip=skip, limit=limit)[0]
    return row["total"], row["items"]


def actor_detail(tx: ManagedTransaction, actor_id: str) -> dict[str, Any] | None:
    rows = records(tx, ACTOR_DETAIL_QUERY, actor_id=actor_id)
    return rows[0]["actor"] if rows else None


def actor_claims(
    tx: ManagedTransaction, actor_id: str, role: str | None, skip: int, limit: int
) -> tuple[int, list[dict[str, Any]]]:
    row = records(tx, ACTOR_CLAIMS_QUERY, actor_id=actor_id, role=role, skip=skip, limit=limit)[0]
    return row["total"], row["items"]
