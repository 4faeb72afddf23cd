"""Store access for `kb lint`: links and claims as plain rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.lint.rows import Assertion, ClaimRow, LinkRow
from kb.queries.lint import LINT_CLAIMS_QUERY, LINT_LINKS_QUERY, LINT_SOURCE_TEXTS_QUERY


def link_rows(tx: ManagedTransaction) -> list[LinkRow]:
    """Every support, attack and causal link between claims."""
    return [_link_row(row) for row in records(tx, LINT_LINKS_QUERY)]


def _link_row(row: dict[str, Any]) -> LinkRow:
    """A link row as the rules read it: its quotes without gaps, its sources once each."""
    return LinkRow(
        **{
            **row,
            "quotes": tuple(q for q in row["quotes"] if q),
            "sources": tuple(sorted(set(row["sources"]))),
        }
    )


def claim_rows(tx: ManagedTransaction) -> list[ClaimRow]:
    """Every claim with its assertions, each checked against its source's text."""
    texts = {row["id"]: row["text"] for row in records(tx, LINT_SOURCE_TEXTS_QUERY)}
    rows = []
    for row in records(tx, LINT_CLAIMS_QUERY):
        rows.append(claim_row(row, texts))
    return rows


def claim_row(row: dict[str, Any], texts: Mapping[str, str | None]) -> ClaimRow:
    """A claim row as the rules read it: each assertion checked against its source's text
    (shared by the whole-graph, paged and region lints)."""
    assertions = tuple(
        Assertion(
            a["quote"],
            a["mode"],
            _matches(texts.get(a["source"]), a),
            a["source"],
            a["rationale"],
        )
        for a in row.pop("assertions")
    )
    return ClaimRow(**row, assertions=assertions)


def _matches(text: str | None, assertion: dict[str, Any]) -> bool | None:
    """`text[start:end] == quote`, or None when the span has no text or offsets to compare."""
    start, end = assertion["start"], assertion["end"]
    if text is None or not isinstance(start, int) or not isinstance(end, int):
        return None
    return bool(text[start:end] == assertion["quote"])
