"""Read-only ad-hoc Cypher for `kb query`: the one place user Cypher is run.

The caller runs this in a managed *read* transaction, so the server rejects
any write the statement contains; values in it are the user's own, on their
own database, exactly as in Neo4j Browser.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction
from neo4j.graph import Node, Path, Relationship


def run_statement(
    tx: ManagedTransaction, statement: str, limit: int, params: dict[str, Any]
) -> tuple[list[str], list[list[Any]]]:
    """Column names and at most `limit` rows of `statement` (graph values as short text)."""
    # The one runtime-built statement: the user's own Cypher, in a read-only transaction.
    result = tx.run(statement, params)  # pyright: ignore[reportArgumentType]
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
