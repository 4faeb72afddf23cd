"""What depends on what: breadth-first walks, and what a refutation would undermine.

Walks are breadth-first over distinct claims (never path enumeration), so a
claim is reported once, at its shortest distance, with the step that reached
it (`via`: the claim before it and the link between them; following those
parent pointers back spells one shortest explaining path); cycles are
harmless because a visited claim is never expanded again. Answers are paged
in the order claims were reached (nearest first); the walk itself always
reaches every claim within the depth, to know the distances and the total.
A walk may follow only links of some bases (`connective`, `structure`,
`curator`; docs/curation.md), e.g. only what the text itself asserts.

`impact` asks the grounded labelling what would still stand if one more
claim were refuted, on top of what evidence has already refuted. It labels
only the subgraph that matters: the dependents within the depth cap, with
the stored standing of their other premises as the fixed boundary
(`kb.derived.region`). A premise that lies outside that subgraph but still
rests on the claim (only through a path longer than the cap) counts as it
stands now, and with `bases` a boundary premise counts as it stands with
links of every basis: the two places where this differs from labelling the
whole graph again.
"""

from __future__ import annotations

from neo4j import ManagedTransaction

from kb.db import Store
from kb.derived.region import Premise, label_region
from kb.derived.rules import REFUTED
from kb.errors import NotFound
from kb.models import (
    BASES,
    MAX_DEPTH,
    MAX_WALK_PAGE_SIZE,
    Direction,
    Impact,
    PageRequest,
    ReachedClaim,
    Via,
    Walk,
)
from kb.repositories import derived as derived_repo
from kb.repositories import graph
from kb.repositories.across_sources import sources_found
from kb.services import validation


def walk(
    store: Store,
    claim_id: str,
    direction: Direction,
    depth: int,
    bases: list[str] | None = None,
    page: int = 1,
    limit: int | None = None,
    source: str | None = None,
) -> Walk:
    """Claims reachable from `claim_id` within `depth` steps (downstream = dependents),
    through links of `bases` only (None: every basis) argued by `source` only (None:
    every source); one page of `limit` of them (None: all), nearest first. `NotFound`
    for an unknown claim or source."""
    wanted = validation.bases(bases)
    request = None if limit is None else validation.page_request(page, limit, MAX_WALK_PAGE_SIZE)
    return store.read(_walk, claim_id, direction, validation.depth(depth), wanted, request, source)


def _walk(
    tx: ManagedTransaction,
    claim_id: str,
    direction: Direction,
    depth: int,
    bases: list[str] | None,
    request: PageRequest | None,
    source: str | None = None,
) -> Walk:
    if not graph.claim_exists(tx, claim_id):
        raise NotFound("claim", claim_id)
    if source is not None and source not in sources_found(tx, [source]):
        raise NotFound("source", source)
    seen = {claim_id}
    reached: list[ReachedClaim] = []
    frontier = [claim_id]
    for distance in range(1, depth + 1):
        if not frontier:
            break
        next_frontier: list[str] = []
        for edge in graph.step(tx, frontier, direction, bases, source):
            if edge.to_id in seen:
                continue
            seen.add(edge.to_id)
            via = Via(
                edge.from_id, edge.link_id, edge.kind, edge.basis, edge.marker, edge.rationale
            )
            reached.append(ReachedClaim(edge.to_id, distance, via))
            next_frontier.append(edge.to_id)
        frontier = next_frontier
    total = len(reached)
    if request is not None:
        reached = reached[request.skip : request.skip + request.limit]
    summaries = graph.claim_summaries(tx, [claim.claim_id for claim in reached])
    for claim in reached:
        summary = summaries[claim.claim_id]
        claim.text, claim.type = summary["text"], summary["type"]
        claim.status, claim.standing = summary["status"], summary["standing"]
    page, limit = (request.page, request.limit) if request else (1, max(1, total))
    return Walk(
        claim_id, direction, depth, reached, list(bases or BASES), page, limit, total, source
    )


def impact(store: Store, claim_id: str, bases: list[str] | None = None) -> Impact:
    """If `claim_id` were refuted too: which dependents lose all support, which keep some.

    Starts from the current state (claims and causal links already refuted by
    evidence stay defeated); each dependent also carries its current status
    and standing. With `bases`, only links of those bases count as support.
    """
    return store.read(_impact, claim_id, validation.bases(bases))


def _impact(tx: ManagedTransaction, claim_id: str, bases: list[str] | None) -> Impact:
    dependents = _walk(tx, claim_id, "downstream", MAX_DEPTH, bases, None).claims
    rows = derived_repo.claims_grounding(tx, [claim_id, *(d.claim_id for d in dependents)])
    statuses: dict[str, str | None] = {row["id"]: row["status"] for row in rows}
    statuses[claim_id] = REFUTED  # the hypothesis
    premises = {
        row["id"]: [Premise.of(p) for p in row["premises"] if bases is None or p["basis"] in bases]
        for row in rows
    }
    labels = label_region(statuses, premises)
    still_standing = {c for c, label in labels.items() if label.stands_now}
    return Impact(
        claim_id=claim_id,
        loses_all_support=[d for d in dependents if d.claim_id not in still_standing],
        keeps_other_support=[d for d in dependents if d.claim_id in still_standing],
    )
