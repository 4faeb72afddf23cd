"""What depends on what: breadth-first walks, and what a refutation would undermine.

Walks are breadth-first over distinct claims (never path enumeration), so a
claim is reported once, at its shortest distance, with one shortest path that
explains why; cycles are harmless because a visited claim is never expanded
again. A walk may follow only links of some bases (`connective`, `structure`,
`curator`; docs/curation.md), e.g. only what the text itself asserts.

`impact` asks the grounded labelling (`kb.services.grounded`) what would
still stand if one more claim were refuted, on top of what evidence has
already refuted.
"""

from __future__ import annotations

from neo4j import ManagedTransaction

from kb.db import Store
from kb.errors import NotFound
from kb.models import (
    BASES,
    MAX_DEPTH,
    Direction,
    Edge,
    EvidenceStatus,
    Impact,
    PathStep,
    ReachedClaim,
    Walk,
)
from kb.repositories import graph
from kb.repositories.across_sources import sources_found
from kb.services import validation
from kb.services.assessment import assess
from kb.services.grounded import standing_claims


def walk(
    store: Store,
    claim_id: str,
    direction: Direction,
    depth: int,
    bases: list[str] | None = None,
    source: str | None = None,
) -> Walk:
    """Claims reachable from `claim_id` within `depth` steps (downstream = dependents),
    through links of `bases` only (None: every basis) argued by `source` only (None:
    every source). `NotFound` for an unknown claim or source."""
    wanted = validation.bases(bases)
    return store.read(_walk, claim_id, direction, validation.depth(depth), wanted, source)


def _walk(
    tx: ManagedTransaction,
    claim_id: str,
    direction: Direction,
    depth: int,
    bases: list[str] | None,
    source: str | None = None,
) -> Walk:
    if not graph.claim_exists(tx, claim_id):
        raise NotFound("claim", claim_id)
    if source is not None and source not in sources_found(tx, [source]):
        raise NotFound("source", source)
    paths: dict[str, list[PathStep]] = {claim_id: []}
    reached: list[ReachedClaim] = []
    frontier = [claim_id]
    for distance in range(1, depth + 1):
        if not frontier:
            break
        next_frontier: list[str] = []
        for edge in graph.step(tx, frontier, direction, bases, source):
            if edge.to_id in paths:
                continue
            step = PathStep(
                edge.to_id, edge.link_id, edge.kind, edge.basis, edge.marker, edge.rationale
            )
            paths[edge.to_id] = [*paths[edge.from_id], step]
            reached.append(ReachedClaim(edge.to_id, distance, paths[edge.to_id]))
            next_frontier.append(edge.to_id)
        frontier = next_frontier
    summaries = graph.claim_summaries(tx, [claim.claim_id for claim in reached])
    for claim in reached:
        claim.text = summaries[claim.claim_id]["text"]
        claim.type = summaries[claim.claim_id]["type"]
    return Walk(claim_id, direction, depth, reached, list(bases or BASES), source)


def impact(store: Store, claim_id: str, bases: list[str] | None = None) -> Impact:
    """If `claim_id` were refuted too: which dependents lose all support, which keep some.

    Starts from the current state (claims and causal links already refuted by
    evidence stay defeated); each dependent also carries its current status
    and standing. With `bases`, only links of those bases count as support.
    """
    wanted = validation.bases(bases)
    dependents = walk(store, claim_id, "downstream", MAX_DEPTH, wanted).claims
    assessment = assess(store)
    edges = _of_bases(assessment.edges, wanted)
    refuted = {
        target for target, status in assessment.status.items() if status == EvidenceStatus.refuted
    }
    nodes = {e.from_id for e in edges} | {e.to_id for e in edges} | {claim_id}
    refuted_links = {e.link_id for e in edges if e.link_id in refuted}
    still_standing = standing_claims(nodes, edges, (refuted & nodes) | {claim_id}, refuted_links)
    for dependent in dependents:
        dependent.status = assessment.status_of(dependent.claim_id)
        dependent.standing = assessment.standing_of(dependent.claim_id)
    return Impact(
        claim_id=claim_id,
        loses_all_support=[d for d in dependents if d.claim_id not in still_standing],
        keeps_other_support=[d for d in dependents if d.claim_id in still_standing],
    )


def _of_bases(edges: list[Edge], bases: list[str] | None) -> list[Edge]:
    return edges if bases is None else [e for e in edges if e.basis in bases]
