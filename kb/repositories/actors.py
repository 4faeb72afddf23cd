"""Store access for actors."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.models import PageRequest
from kb.queries.actors import (
    ACTOR_BY_ID_QUERY,
    ACTOR_CLAIMS_COUNT_QUERY,
    ACTOR_CLAIMS_PAGE_QUERY,
    ACTOR_DETAIL_QUERY,
    ACTORS_COUNT_QUERY,
    ACTORS_PAGE_QUERY,
    RESOLVE_ACTOR_QUERY,
)
from kb.repositories.paging import PageRows, read_page


def resolve_actor(tx: ManagedTransaction, key: str) -> str | None:
    """The id of the actor whose id, name or alias is `key` (case-insensitive)."""
    rows = records(tx, ACTOR_BY_ID_QUERY, key=key) or records(tx, RESOLVE_ACTOR_QUERY, key=key)
    return rows[0]["id"] if rows else None


def actor_page(tx: ManagedTransaction, kind: str | None, request: PageRequest) -> PageRows:
    return read_page(tx, ACTORS_COUNT_QUERY, ACTORS_PAGE_QUERY, request, kind=kind)


def actor_detail(tx: ManagedTransaction, actor_id: str) -> dict[str, Any] | None:
    rows = records(tx, ACTOR_DETAIL_QUERY, actor_id=actor_id)
    return rows[0]["actor"] if rows else None


def actor_claims(
    tx: ManagedTransaction, actor_id: str, role: str | None, request: PageRequest
) -> PageRows:
    return read_page(
        tx,
        ACTOR_CLAIMS_COUNT_QUERY,
        ACTOR_CLAIMS_PAGE_QUERY,
        request,
        actor_id=actor_id,
        role=role,
    )
