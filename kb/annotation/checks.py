"""Checks over a compiled source that look at more than one entry at a time."""

from __future__ import annotations

from collections import defaultdict

from kb.annotation.model import Compiled
from kb.lint.rows import LinkRow
from kb.lint.rules import no_cycle


def cycles(compiled: Compiled) -> list[tuple[str, str]]:
    """(first link id, message) for each support/causal cycle among the file's own links.

    The same rule as `kb lint`'s `no-cycle` (a claim never rests on itself),
    run on the file alone so the error points at a line before anything is
    written; cycles through other sources' links are caught by the lint run
    on the compiled graph.
    """
    links = [
        LinkRow(r["id"], "supports", r["from_claim"], r["to_claim"]) for r in compiled.supports
    ]
    links += [LinkRow(r["id"], "causal", r["cause"], r["effect"]) for r in compiled.causal_links]
    return [(v.id, v.message) for v in no_cycle([], links)]


def aliases_added(current: list[str] | None, wanted: list[str]) -> list[str]:
    """The aliases of `wanted` that `current` lacks, in file order."""
    have = set(current or [])
    return [alias for alias in wanted if alias not in have]


def group_by(rows: list[dict[str, object]], key: str) -> dict[object, list[dict[str, object]]]:
    grouped: dict[object, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped
