"""Store access for `kb lint`: links and claims as plain rows."""

from __future__ import annotations

from neo4j import ManagedTransaction

from kb.db import records
from kb.lint.rows import Assertion, ClaimRow, LinkRow
from kb.queries.lint import LINT_CLAIMS_QUERY, LINT_LINKS_QUERY


def link_rows(tx: ManagedTransaction) -> list[LinkRow]:
    """Every support, attack and causal link between claims."""
    return [
        LinkRow(**{**row, "quotes": tuple(q for q in row["quotes"] if q)})
        for row in records(tx, LINT_LINKS_QUERY)
    ]


def claim_rows(tx: ManagedTransaction) -> list[ClaimRow]:
    """Every claim with its assertions."""
    rows = []
    for row in records(tx, LINT_CLAIMS_QUERY):
        assertions = tuple(Assertion(a["quote"], a["mode"]) for a in row.pop("assertions"))
        rows.append(ClaimRow(**row, assertions=assertions))
    return rows
