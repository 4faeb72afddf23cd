"""Read-only ad-hoc Cypher for `kb query`: the one place user Cypher is run.

The caller runs this in a managed *read* transaction, so the server rejects
any write the statement contains; values in it are the user's own, on their
own database, exactly as in Neo4j Browser.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction


def run_statement(
    tx: ManagedTransaction, statement: str, limit: int
) -> tuple[list[str], list[list[Any]]]:
    """Column names and at most `limit` rows of `statement`."""
    # The one runtime-built statement: the user's own Cypher, in a read-only transaction.
    result = tx.run(statement)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    columns = list(result.keys())
    rows = [list(record.values()) for record in result.fetch(limit)]
    result.consume()
    return columns, rows
