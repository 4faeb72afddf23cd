"""`kb query`: a user's own read-only Cypher against their own database."""

from __future__ import annotations

from typing import Any

from neo4j.exceptions import ClientError

from kb.db import Store
from kb.errors import InvalidRequest
from kb.repositories import adhoc as repo


def run_read_only(
    store: Store, statement: str, limit: int = 1000, params: dict[str, Any] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """Run `statement` read-only with `params`; return its column names and at most `limit` rows.

    Raises `InvalidRequest` with Neo4j's own first line when the server rejects
    it (a syntax error, or a write attempted in the read-only transaction).
    """
    try:
        return store.read(repo.run_statement, statement, limit, params or {})
    except ClientError as exc:
        message = (exc.message or str(exc)).strip().splitlines()[0]
        raise InvalidRequest(f"Neo4j rejected the query: {message}") from exc
