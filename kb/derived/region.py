"""The grounded labelling of one region of the graph, everything upstream held fixed.

When evidence or a link changes, only the claims downstream of the change
can change their labelling. `label_region` recomputes exactly those: the
region is closed downstream, so every premise outside it is upstream of the
change (or unrelated to it) and its stored labelling is still right. That
makes the least fixpoint of the region, with those premises as constants,
equal to the least fixpoint of the whole graph restricted to the region (the
same fixpoints as `kb.derived.rules`, seeded from the boundary). Pure
functions: no store access.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kb.derived.rules import REFUTED, standing_of


@dataclass(frozen=True)
class Labels:
    """A claim's stored labelling: the three sets it belongs to, and its standing."""

    stands_baseline: bool
    stands_now: bool
    rests_on_defeated: bool
    standing: str

    def as_row(self, claim_id: str) -> dict[str, Any]:
        return {"id": claim_id, **self.__dict__}


@dataclass(frozen=True)
class Premise:
    """An edge into the region: `from_id` supports a region claim through `link_id`."""

    from_id: str
    link_refuted: bool
    refuted: bool  # the premise itself
    baseline: bool  # the premise's stored values (used only if it lies outside the region)
    now: bool
    rests: bool

    @classmethod
    def of(cls, row: dict[str, Any]) -> Premise:
        """From a `CLAIMS_GROUNDING_QUERY` premise; a premise never labelled yet counts
        as a graph without evidence has it: standing, resting on nothing refuted."""
        return cls(
            from_id=row["from_id"],
            link_refuted=row["link_status"] == REFUTED,
            refuted=row["premise_status"] == REFUTED,
            baseline=row["premise_baseline"] is not False,
            now=row["premise_now"] is not False,
            rests=row["premise_rests"] is True,
        )


def label_region(
    claims: dict[str, str | None], premises: dict[str, list[Premise]]
) -> dict[str, Labels]:
    """Labels of every claim of the region (`claims`: id -> its evidence status), given
    each region claim's incoming edges (`premises`)."""
    region = set(claims)
    defeated = {c for c, status in claims.items() if status == REFUTED}
    inside: dict[str, list[tuple[str, bool]]] = defaultdict(list)  # premise -> (claim, link)
    for claim_id in region:
        for p in premises.get(claim_id, []):
            if p.from_id in region:
                inside[p.from_id].append((claim_id, p.link_refuted))

    def seeded(rule: Callable[[str, list[Premise]], bool]) -> set[str]:
        return {c for c in region if rule(c, premises.get(c, []))}

    baseline = _closure(
        seeded(lambda c, ps: not ps or any(p.from_id not in region and p.baseline for p in ps)),
        inside,
        lambda target, link_refuted: True,
    )
    now = _closure(
        seeded(
            lambda c, ps: (
                c not in defeated
                and (
                    not ps
                    or any(p.from_id not in region and p.now and not p.link_refuted for p in ps)
                )
            )
        ),
        inside,
        lambda target, link_refuted: not link_refuted and target not in defeated,
    )
    rests = _closure(
        seeded(
            lambda c, ps: any(
                p.link_refuted or p.refuted or (p.from_id not in region and p.rests) for p in ps
            )
        ),
        inside,
        lambda target, link_refuted: True,
    )
    return {
        c: Labels(
            c in baseline,
            c in now,
            c in rests,
            standing_of(c in baseline, c in now, c in rests, c in defeated),
        )
        for c in region
    }


def _closure(
    seeds: Iterable[str],
    inside: dict[str, list[tuple[str, bool]]],
    passes: Callable[[str, bool], bool],
) -> set[str]:
    """The least set holding `seeds` and every claim reached from a member through an
    edge inside the region that `passes(claim, link_refuted)`."""
    reached = set(seeds)
    queue = deque(reached)
    while queue:
        for target, link_refuted in inside.get(queue.popleft(), []):
            if target not in reached and passes(target, link_refuted):
                reached.add(target)
                queue.append(target)
    return reached
