"""`kb query`: a user's own read-only Cypher against their own database."""

from __future__ import annotations

from typing import Any

from neo4j.exceptions import DriverError, Neo4jError

from kb.db import Store
from kb.errors import InvalidRequest
from kb.repositories import adhoc as repo
from kb.services.adhoc_guard import refuse_unsafe


def run_read_only(
    store: Store, statement: str, limit: int = 1000, params: dict[str, Any] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """Run `statement` read-only with `params`; return its column names and at most `limit` rows.

    Raises `InvalidRequest` for what `kb query` does not run (`adhoc_guard`:
    LOAD CSV, procedures outside the read allow-list, administration commands),
    and with Neo4j's own first line for any error the database answers (a syntax
    error, a write attempted in the read-only transaction, a failed read).
    """
    refuse_unsafe(statement)
    try:
        return store.read(repo.run_statement, statement, limit, params or {})
    except Neo4jError as exc:
        message = _first_line(exc.message or str(exc))
        raise InvalidRequest(f"Neo4j rejected the query: {message}") from exc
    except DriverError as exc:
        raise InvalidRequest(f"the query failed: {_first_line(str(exc))}") from exc


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0][:300] if lines else "no message"
