"""Read-only ad-hoc Cypher for `kb query`: the one place user Cypher is run.

The statement runs in a managed *read* transaction, so the server rejects
any write it contains; values in it are the user's own, on their own
database, exactly as in Neo4j Browser.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction
from neo4j.exceptions import ClientError
from neo4j.graph import Node, Path, Relationship

from kb.db import Store
from kb.errors import InvalidRequest


def _run(
    tx: ManagedTransaction, statement: str, limit: int, params: dict[str, Any]
) -> tuple[list[str], list[list[Any]]]:
    result = tx.run(statement, params)  # type: ignore[arg-type]  # user Cypher, read-only tx
    columns = list(result.keys())
    rows = [[_plain(value) for value in record.values()] for record in result.fetch(limit)]
    result.consume()
    return columns, rows


def _plain(value: Any) -> Any:
    """Graph values as short readable text for a table (Neo4j Browser draws them instead):
    a node as `(:Label id)`, a relationship as `[:TYPE]`, a path as its nodes' ids."""
    if isinstance(value, Node):
        labels = ":".join(sorted(value.labels))
        return f"(:{labels} {value.get('id', value.element_id)})"
    if isinstance(value, Relationship):
        return f"[:{value.type}]"
    if isinstance(value, Path):
        return " -> ".join(str(node.get("id", node.element_id)) for node in value.nodes)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def run_read_only(
    store: Store, statement: str, limit: int = 1000, params: dict[str, Any] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """Run `statement` read-only with `params`; return its column names and at most `limit` rows.

    Raises `InvalidRequest` with Neo4j's own first line when the server rejects
    it (a syntax error, or a write attempted in the read-only transaction).
    """
    try:
        return store.read(_run, statement, limit, params or {})
    except ClientError as exc:
        message = (exc.message or str(exc)).strip().splitlines()[0]
        raise InvalidRequest(f"Neo4j rejected the query: {message}") from exc
