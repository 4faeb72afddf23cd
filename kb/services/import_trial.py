"""The import trial: run a script in a transaction that is rolled back, and lint only
what it touches (`kb.lint.region`), so its cost follows the file, not the graph.

The violations the script adds are those of the region after the script that
were not there before it, wherever they land: on the file's ids or on existing
ones (a support link closing a cycle through the article's claims). The region
is fixed before the script runs (the claims it names, the claims its source
asserts, the stored ends of the links it rewrites or supersedes), read before
and after, and judged by the local rules; cycles are searched from the touched
links' ends (`_cycle_region`).
"""

from __future__ import annotations

from neo4j import ManagedTransaction

from kb.lint.region import (
    Touched,
    cycles_through,
    local_violations,
    touched_dependencies,
)
from kb.lint.rows import LinkRow, Violation
from kb.repositories import lint_region as repo
from kb.repositories.seeding import run_script_statement
from kb.seeding.splitter import split_statements


def added_violations(tx: ManagedTransaction, touched: Touched, script_text: str) -> list[Violation]:
    """Run the script in `tx` and return the violations it adds (the caller rolls back)."""
    region = touched.claims | repo.seed_claims(tx, touched.source_id, sorted(touched.links))
    before = lint_region(tx, touched, region)
    for statement in split_statements(script_text):
        run_script_statement(tx, statement.text)
    after = lint_region(tx, touched, region)
    return sorted(after - before, key=lambda v: (v.id, v.rule, v.message))


def lint_region(
    tx: ManagedTransaction, touched: Touched, region: frozenset[str] | set[str]
) -> set[Violation]:
    """The violations, as a full lint would report them, of the claims in `region`, the
    links with an end among them, and the cycles through the touched links."""
    links = repo.links_around(tx, region)
    ends = {link.from_id for link in links} | {link.to_id for link in links}
    claims = repo.claims_with_ids(tx, region | ends)
    found = local_violations(claims, links)
    dependencies = touched_dependencies(links, touched)
    if dependencies:
        found |= cycles_through(_cycle_region(tx, dependencies), touched)
    return found


class _Search:
    """Breadth-first search along dependency edges, forwards or backwards, optionally
    kept within a set of claims; it keeps the edges it crossed."""

    def __init__(self, seeds: set[str], forward: bool, within: set[str] | None = None) -> None:
        self.forward = forward
        self.within = within
        self.seen = {s for s in seeds if within is None or s in within}
        self.frontier = set(self.seen)
        self.edges: list[LinkRow] = []

    def step(self, tx: ManagedTransaction) -> None:
        found = repo.dependency_step(tx, self.frontier, self.forward)
        self.frontier = set()
        for edge in found:
            reached = edge.to_id if self.forward else edge.from_id
            if self.within is not None and reached not in self.within:
                continue
            self.edges.append(edge)
            if reached not in self.seen:
                self.seen.add(reached)
                self.frontier.add(reached)

    def exhaust(self, tx: ManagedTransaction) -> _Search:
        while self.frontier:
            self.step(tx)
        return self


def _cycle_region(tx: ManagedTransaction, touched: list[LinkRow]) -> list[LinkRow]:
    """The dependency edges among the claims on a path from a touched link's head back
    to a touched link's tail: every cycle through a touched link, whole.

    Both searches advance a step at a time until one is exhausted (the smaller side
    of the graph), then the other runs only within what that one reached.
    """
    heads = {link.to_id for link in touched}
    tails = {link.from_id for link in touched}
    ahead, behind = _Search(heads, forward=True), _Search(tails, forward=False)
    while ahead.frontier and behind.frontier:
        ahead.step(tx)
        behind.step(tx)
    if not ahead.frontier:
        region = _Search(tails, forward=False, within=ahead.seen).exhaust(tx)
    else:
        region = _Search(heads, forward=True, within=behind.seen).exhaust(tx)
    nodes = region.seen
    unique = {(e.id, e.from_id, e.to_id): e for e in region.edges}
    return [e for e in unique.values() if e.from_id in nodes and e.to_id in nodes]
