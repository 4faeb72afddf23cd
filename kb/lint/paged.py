"""`kb lint` over a graph read a page at a time: the rules split by what they read.

Claim rules judge one claim's row; link rules judge one link with what the claims
at its ends say of themselves (restates, only presupposed, a rejected view, the
stances of the few claims some source does not commit to) and the other links of
the same pair, which all come out of the same claim and so in the same page. The
cycle rule needs the whole dependency graph: its edges are kept as integers, the
claims that cannot be on a cycle (nothing in or nothing out, repeatedly) are
trimmed away, and only what is left is read again, with link ids, for the rule.
"""

from __future__ import annotations

from array import array
from collections import deque
from dataclasses import dataclass, field

from kb.lint.region import LOCAL_RULES
from kb.lint.rows import Assertion, ClaimRow, LinkRow, Violation
from kb.lint.rules import (
    DEPENDENCY_KINDS,
    checkable_follows_type,
    hedges_survive,
    is_rejected_view,
    reported_speech_has_speaker,
    span_matches_text,
    stance_consistent,
)

CLAIM_RULES = (
    reported_speech_has_speaker,
    checkable_follows_type,
    hedges_survive,
    span_matches_text,
    stance_consistent,
)
LINK_RULES = tuple(rule for rule in LOCAL_RULES if rule not in CLAIM_RULES)
_PRESUPPOSED = (Assertion("", "presupposes"),)
_COMMITTING = ("asserts", "presupposes")


@dataclass
class PagedLint:
    """Violations found so far, what the link rules need of every claim, and the
    dependency edges as numbers for the cycle rule."""

    violations: list[Violation] = field(default_factory=list)
    restates: dict[str, str] = field(default_factory=dict)
    presupposed: set[str] = field(default_factory=set)
    rejected_views: set[str] = field(default_factory=set)
    # The appearances (source and stance only) of the claims some source rejects or
    # only reports: what `stance-not-premise` asks of a premise. Few claims have any.
    stances: dict[str, tuple[Assertion, ...]] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    sources: array = field(default_factory=lambda: array("i"))  # type: ignore[type-arg]
    targets: array = field(default_factory=lambda: array("i"))  # type: ignore[type-arg]

    def add_claims(self, claims: list[ClaimRow]) -> None:
        """Judge a page of claims; keep what the link rules will ask of them."""
        self.violations += [v for rule in CLAIM_RULES for v in rule(claims, [])]
        for claim in claims:
            if claim.restates:
                self.restates[claim.id] = claim.restates
            if claim.assertions and all(a.mode == "presupposes" for a in claim.assertions):
                self.presupposed.add(claim.id)
            if is_rejected_view(claim):
                self.rejected_views.add(claim.id)
            if any(a.mode not in _COMMITTING for a in claim.assertions):
                self.stances[claim.id] = tuple(
                    Assertion("", a.mode, source=a.source) for a in claim.assertions
                )

    def add_links(self, links: list[LinkRow]) -> None:
        """Judge a page of links (after every claim was added); keep the dependencies."""
        ends = {link.from_id for link in links} | {link.to_id for link in links}
        stubs = [self._stub(claim_id) for claim_id in sorted(ends)]
        self.violations += [v for rule in LINK_RULES for v in rule(stubs, links)]
        for link in links:
            if link.kind in DEPENDENCY_KINDS:
                self.sources.append(self._number(link.from_id))
                self.targets.append(self._number(link.to_id))

    def cycle_candidates(self) -> list[str]:
        """Claims that may lie on a cycle: those left when every claim with no incoming
        or no outgoing dependency is removed, again and again."""
        size = len(self.numbers)
        outgoing: list[list[int]] = [[] for _ in range(size)]
        incoming: list[list[int]] = [[] for _ in range(size)]
        out_degree, in_degree = array("i", [0] * size), array("i", [0] * size)
        for source, target in zip(self.sources, self.targets, strict=True):
            outgoing[source].append(target)
            incoming[target].append(source)
            out_degree[source] += 1
            in_degree[target] += 1
        removed = bytearray(size)
        queue = deque(i for i in range(size) if not in_degree[i] or not out_degree[i])
        while queue:
            node = queue.popleft()
            if removed[node]:
                continue
            removed[node] = 1
            for target in outgoing[node]:
                in_degree[target] -= 1
                if not in_degree[target] and not removed[target]:
                    queue.append(target)
            for source in incoming[node]:
                out_degree[source] -= 1
                if not out_degree[source] and not removed[source]:
                    queue.append(source)
        names = list(self.numbers)
        return [names[i] for i in range(size) if not removed[i]]

    def _number(self, claim_id: str) -> int:
        return self.numbers.setdefault(claim_id, len(self.numbers))

    def _stub(self, claim_id: str) -> ClaimRow:
        """What the link rules read of a claim: whether it restates one, is presupposed or
        a rejected view, and its stances when some source does not commit to it."""
        presupposed = claim_id in self.presupposed
        return ClaimRow(
            claim_id,
            "",
            "",
            None,
            restates=self.restates.get(claim_id),
            assertions=self.stances.get(claim_id) or (_PRESUPPOSED if presupposed else ()),
            framing="rejected_view" if claim_id in self.rejected_views else None,
        )
