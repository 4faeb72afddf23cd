"""Store access for the seed scripts: their statements and the applied history."""

from __future__ import annotations

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.seeding import (
    APPLIED_SCRIPTS_QUERY,
    RECORD_APPLIED_SCRIPT_QUERY,
    RECORD_SCRIPT_CHANGE_QUERY,
    SCRIPT_CHANGES_QUERY,
)
from kb.seeding.lifting import lift_rows


def applied_checksums(tx: ManagedTransaction) -> dict[str, str]:
    """Checksum of every applied script, by name (`schema/V001__...cypher`)."""
    return {row["name"]: row["checksum"] for row in records(tx, APPLIED_SCRIPTS_QUERY)}


def run_script_statement(tx: ManagedTransaction, text: str) -> None:
    """One statement of a versioned script file from the repository (trusted text); its
    inline `UNWIND [...]` data goes as the parameter `$rows` (`kb.seeding.lifting`)."""
    lifted = lift_rows(text)
    # A statement read from a checked-in, checksummed script file: trusted text, not input.
    if lifted is None:
        tx.run(text).consume()  # pyright: ignore[reportArgumentType]
    else:
        query, rows = lifted
        tx.run(query, rows=rows).consume()  # pyright: ignore[reportArgumentType]


def record_applied(tx: ManagedTransaction, name: str, checksum: str, statements: int) -> None:
    records(tx, RECORD_APPLIED_SCRIPT_QUERY, name=name, checksum=checksum, statements=statements)


def record_change(tx: ManagedTransaction, name: str, checksum: str, reason: str) -> None:
    """Keep the old and new checksum of a changed script, when, and why."""
    records(tx, RECORD_SCRIPT_CHANGE_QUERY, name=name, checksum=checksum, reason=reason)


def script_changes(tx: ManagedTransaction) -> list[dict[str, str]]:
    return records(tx, SCRIPT_CHANGES_QUERY)
