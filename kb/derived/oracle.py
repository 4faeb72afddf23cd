"""The full recomputation of derived status and standing: the oracle.

The API reads the values stored on claims and causal links, which
`kb.derived.incremental` keeps current write by write. This module derives them
all again from scratch (every evidence link, claim and dependency edge), the
way the API did before they were stored: the property test
(tests/integration/test_derived_oracle.py) compares the stored values with it,
and `kb recompute` (`kb.derived.full`) applies the same rules to a graph
of any size, page by page.

Evidence status (of a claim or causal link, from analysts' active links;
`context` links do not count):
- `unverified`: no supporting or refuting evidence;
- `supported` / `refuted`: evidence on one side only, or one side's summed
  confidence is at least twice the other's;
- `contested`: evidence on both sides and neither outweighs the other twice.

Consensus (of a claim, from its appearances; see `kb.derived.rules.consensus`):
`single`, `agreed` or `contested`.

Standing (of a claim, from what it rests on; see `kb.derived.rules`):
claims and causal links whose status is `refuted` are defeated; a claim that
stands when nothing is defeated but no longer stands now is `undermined`
(every support path runs through something refuted); one that still stands
but depends on something refuted is `weakened`; any other is `intact`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from neo4j import ManagedTransaction

from kb.db import Store
from kb.derived.rules import SINGLE, consensus, downstream_of, evidence_status, standing_claims
from kb.models import Edge, EvidenceStatus, Standing
from kb.repositories import assessment as repo
from kb.repositories import derived as derived_repo
from kb.repositories import graph


@dataclass(frozen=True)
class Assessment:
    """Status of every assessed target and standing of every claim, at one moment."""

    status: dict[str, EvidenceStatus]
    standing: dict[str, Standing]
    edges: list[Edge]  # the dependency edges the standing was derived from
    consensus: dict[str, str] = field(default_factory=dict)  # of every claim

    def consensus_of(self, claim_id: str) -> str:
        return self.consensus.get(claim_id, SINGLE)

    def status_of(self, target_id: str) -> EvidenceStatus:
        return self.status.get(target_id, EvidenceStatus.unverified)

    def standing_of(self, claim_id: str) -> Standing:
        return self.standing.get(claim_id, Standing.intact)

    def matching(self, wanted: str) -> list[str]:
        """Claim ids whose status or standing is `wanted`."""
        return sorted(
            claim_id
            for claim_id in self.standing
            if self.status_of(claim_id) == wanted or self.standing_of(claim_id) == wanted
        )


def assess(store: Store) -> Assessment:
    """Read evidence and links in one transaction and derive every status."""
    return store.read(_assess)


def evidence_statuses(store: Store) -> dict[str, EvidenceStatus]:
    """Evidence status of every target that has any (absent means `unverified`).

    Cheaper than `assess`: no standing, so no walk over the dependency edges.
    """
    return store.read(_evidence_statuses)


def _evidence_statuses(tx: ManagedTransaction) -> dict[str, EvidenceStatus]:
    weights: dict[str, dict[str, float]] = defaultdict(lambda: {"supports": 0.0, "refutes": 0.0})
    for row in repo.evidence_weights(tx):
        weights[row["target_id"]][row["stance"]] = float(row["weight"])
    return {t: evidence_status(w["supports"], w["refutes"]) for t, w in weights.items()}


def _assess(tx: ManagedTransaction) -> Assessment:
    status = _evidence_statuses(tx)
    claim_ids = repo.all_claim_ids(tx)
    edges = graph.all_edges(tx)
    agreement = {
        row["id"]: consensus(row["appearances"]) for row in derived_repo.all_claims_appearances(tx)
    }
    return Assessment(status, derive_standing(claim_ids, edges, status), edges, agreement)


@dataclass(frozen=True)
class Grounding:
    """The grounded labelling's sets: what stands with nothing defeated (`baseline`),
    what stands now (`now`), what rests on something refuted (`affected`)."""

    baseline: set[str]
    now: set[str]
    affected: set[str]
    defeated_claims: set[str]

    def standing_of(self, claim_id: str) -> Standing:
        if (
            claim_id in self.baseline
            and claim_id not in self.now
            and claim_id not in self.defeated_claims
        ):
            return Standing.undermined
        if claim_id in self.affected and claim_id in self.now:
            return Standing.weakened
        return Standing.intact


def grounding(
    claim_ids: list[str], edges: list[Edge], status: dict[str, EvidenceStatus]
) -> Grounding:
    """The labelling of every claim given the evidence status of claims and causal links."""
    defeated = {target for target, s in status.items() if s == EvidenceStatus.refuted}
    defeated_claims = defeated & set(claim_ids)
    defeated_links = {e.link_id for e in edges if e.link_id in defeated}
    baseline = standing_claims(claim_ids, edges, set())
    now = standing_claims(claim_ids, edges, defeated_claims, defeated_links)
    affected = downstream_of(defeated_claims, defeated_links, edges)
    return Grounding(baseline, now, affected, defeated_claims)


def derive_standing(
    claim_ids: list[str], edges: list[Edge], status: dict[str, EvidenceStatus]
) -> dict[str, Standing]:
    """Standing of each claim given the evidence status of claims and causal links."""
    labelling = grounding(claim_ids, edges, status)
    return {claim_id: labelling.standing_of(claim_id) for claim_id in claim_ids}
