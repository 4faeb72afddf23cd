"""Render a compiled source as a versioned, idempotent Cypher seed script.

The script looks like the hand-written seeds (cypher/seed/V003, V005): one
statement per kind of thing, each an `UNWIND` over a list of map literals
(never one statement per row), every write a `MERGE` on a constrained id
(relationships on their id or their start offset), evidence slots opened
`ON CREATE` only so a re-import never reopens a slot an analyst filled.
Values are data literals rendered here from plain Python values, so the
script is reviewable and checksummed like any other seed. Batches are cut
at `BATCH` rows so a large source stays a handful of statements per kind.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kb.annotation.model import Compiled, Row
from kb.queries.seed_script import BATCHES, ROWS, Batch

BATCH = 1000
FORMAT = "kb-annotation/1"


def literal(value: Any) -> str:
    """A Cypher literal for a str, int, bool, None, list or dict of those."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {literal(item)}" for key, item in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def _string(value: str) -> str:
    escaped = json.dumps(value, ensure_ascii=False)[1:-1].replace('\\"', '"').replace("'", "\\'")
    return f"'{escaped}'"


def _unwind(rows: list[Row], query: str) -> Iterator[str]:
    """`query` (reading `UNWIND $rows AS row`) with the rows written in, `BATCH` at a time."""
    body = query.removeprefix(ROWS)
    for at in range(0, len(rows), BATCH):
        batch = rows[at : at + BATCH]
        items = ",\n".join(f"  {literal(row)}" for row in batch)
        yield f"UNWIND [\n{items}\n] AS row\n{body};"


def _rows(compiled: Compiled, batch: Batch) -> list[Row]:
    rows: list[Row] = (
        [dict(compiled.source)] if batch.rows == "source" else getattr(compiled, batch.rows)
    )
    if batch.from_source:
        return [{**row, "source_id": compiled.source_id} for row in rows]
    return rows


def render(compiled: Compiled, origin: str) -> str:
    """The whole script; `origin` names the annotation file it was compiled from."""
    statements = [
        f"// {compiled.source_id}: compiled by `kb import` from {origin} ({FORMAT}).\n"
        "// Do not edit: change the annotation file and import it again (docs/annotation.md).\n"
        "// Idempotent: every write MERGEs on a constrained id (relationships on their id or\n"
        "// start offset); evidence slots are opened ON CREATE only.\n\n"
        "// The source itself, byte for byte (SHA-256 below); what it does not say stays unset"
    ]
    for batch in BATCHES:
        rows = _rows(compiled, batch)
        if rows:
            if batch.comment:
                statements.append(f"\n// {batch.comment}")
            statements += _unwind(rows, batch.query)
    return "\n".join(statements) + "\n"
