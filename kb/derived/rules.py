"""The rules of derived status and standing: what evidence says, what outweighs what,
and which claims still stand.

Evidence status (of a claim or causal link, from analysts' active links;
`context` links do not count): `unverified` with no supporting or refuting
evidence; `supported` / `refuted` with evidence on one side only, or when one
side's summed confidence is at least `OUTWEIGHS` times the other's; otherwise
`contested`.

Standing, by the grounded labelling of the dependency graph. Grounded
semantics (Dung's abstract argumentation frameworks), applied to
support: a claim *stands* when it is not defeated and either rests on nothing
in the graph (a premise the source simply asserts) or at least one of its
premises stands and the link from it is not defeated. This is the least
fixpoint, computed by propagating from the unsupported premises, so a cycle of
claims that only support each other does not lift itself. Claims and causal
links whose status is `refuted` are defeated; a claim that stands when nothing
is defeated but no longer stands now is `undermined`; one that still stands
but rests on something defeated is `weakened`; any other is `intact`.

Pure functions: no store access. The oracle (`oracle`), the incremental path
(`incremental`, `region`) and the full recompute (`full`) all apply these.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence, Set

from kb.models import Edge, EvidenceStatus, Standing

REFUTED = EvidenceStatus.refuted.value
OUTWEIGHS = 2.0  # one side wins when its summed confidence is at least this multiple


def evidence_status(supports: float, refutes: float) -> EvidenceStatus:
    """The status that evidence weights of `supports` and `refutes` give."""
    if supports <= 0 and refutes <= 0:
        return EvidenceStatus.unverified
    if refutes <= 0 or supports >= OUTWEIGHS * refutes:
        return EvidenceStatus.supported
    if supports <= 0 or refutes >= OUTWEIGHS * supports:
        return EvidenceStatus.refuted
    return EvidenceStatus.contested


def standing_of(baseline: bool, now: bool, rests: bool, defeated: bool) -> str:
    """The standing those memberships give: undermined, weakened or intact."""
    if baseline and not now and not defeated:
        return Standing.undermined.value
    if rests and now:
        return Standing.weakened.value
    return Standing.intact.value


def standing_claims(
    claim_ids: Iterable[str],
    edges: list[Edge],
    defeated_claims: Set[str],
    defeated_links: Set[str] = frozenset(),
) -> set[str]:
    """The claims that stand (grounded labelling) given defeated claims and links."""
    has_premise = {edge.to_id for edge in edges}
    outgoing: dict[str, list[Edge]] = defaultdict(list)
    for edge in edges:
        outgoing[edge.from_id].append(edge)
    standing = {c for c in claim_ids if c not in has_premise and c not in defeated_claims}
    queue = deque(standing)
    while queue:
        for edge in outgoing[queue.popleft()]:
            target = edge.to_id
            if edge.link_id in defeated_links or target in defeated_claims or target in standing:
                continue
            standing.add(target)
            queue.append(target)
    return standing


def downstream_of(claims: set[str], links: set[str], edges: list[Edge]) -> set[str]:
    """Claims that transitively rest on any of `claims` or on any of `links`."""
    outgoing: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        outgoing[edge.from_id].append(edge.to_id)
    reached = {e.to_id for e in edges if e.link_id in links}
    queue = deque(list(claims) + list(reached))
    while queue:
        for target in outgoing[queue.popleft()]:
            if target not in reached:
                reached.add(target)
                queue.append(target)
    return reached


# Consensus of a claim across its parties (docs/model.md): a party is a source that
# commits to the claim or rejects it, or a speaker a source reports asserting or
# rejecting it. `reports` commits only the speaker, never the reporting source.
SINGLE, AGREED, CONTESTED = "single", "agreed", "contested"
_COMMITTING = ("asserts", "presupposes")


def parties(appearances: Iterable[Sequence[str | None]]) -> dict[str, set[str]]:
    """`{party: positions}` from `(source id, stance, speaker, speaker stance)` rows;
    a party is `source:<id>` or `speaker:<actor id>`, a position `commits` or `rejects`."""
    found: dict[str, set[str]] = defaultdict(set)
    for source_id, stance, speaker, speaker_stance in appearances:
        stance = stance or "asserts"
        if stance == "reports":
            if speaker:
                said = "rejects" if speaker_stance == "rejects" else "commits"
                found[f"speaker:{speaker}"].add(said)
        elif stance in _COMMITTING:
            found[f"source:{source_id}"].add("commits")
        elif stance == "rejects":
            found[f"source:{source_id}"].add("rejects")
    return found


def consensus(appearances: Iterable[Sequence[str | None]]) -> str:
    """`contested` when some party commits to the claim and some party rejects it,
    `agreed` when two or more parties hold it alike, else `single`."""
    found = parties(appearances)
    positions = set().union(*found.values()) if found else set()
    if {"commits", "rejects"} <= positions:
        return CONTESTED
    return AGREED if len(found) >= 2 else SINGLE


# Stored counts of a claim's appearances, for the `asserted_by_min` and `reported_by_min`
# filters of `GET /claims` (an index seek instead of a subquery per claim). They count
# exactly what the filters' shared clause counts (kb.queries.claims): distinct sources
# whose stance is `asserts` (the default, as in `parties`) or `presupposes`, distinct
# speakers a source `reports`.
def asserted_by(appearances: Iterable[Sequence[str | None]]) -> int:
    """Distinct sources committing to the claim (stance `asserts` or `presupposes`)."""
    return len({row[0] for row in appearances if (row[1] or "asserts") in _COMMITTING})


def reported_by(appearances: Iterable[Sequence[str | None]]) -> int:
    """Distinct speakers some source reports on the claim."""
    return len({row[2] for row in appearances if row[1] == "reports" and row[2] is not None})


def appearance_values(appearances: Iterable[Sequence[str | None]]) -> dict[str, str | int]:
    """What a claim stores from its appearances alone: consensus and the two counts."""
    rows = list(appearances)
    return {
        "consensus": consensus(rows),
        "asserted_by": asserted_by(rows),
        "reported_by": reported_by(rows),
    }


# A claim's stored slot state, for the `slot` filter of `GET /claims` (a composite index
# seek instead of a subquery per claim): `none` when it has no evidence slot (exactly
# `slot=none`), `open` when some slot is open (exactly `slot=open`), else `settled`
# (every slot filled or closed; `slot=filled` and `slot=closed` still read the slots).
NO_SLOT, OPEN_SLOT, SETTLED = "none", "open", "settled"


def slot_state(slot_statuses: Iterable[str | None]) -> str:
    """`none`, `open` or `settled` from the statuses of a claim's evidence slots."""
    statuses = list(slot_statuses)
    if not statuses:
        return NO_SLOT
    return OPEN_SLOT if "open" in statuses else SETTLED


def claim_values(
    appearances: Iterable[Sequence[str | None]], slot_statuses: Iterable[str | None]
) -> dict[str, str | int]:
    """What a claim stores from its own appearances and slots (no graph needed)."""
    return {**appearance_values(appearances), "slot": slot_state(slot_statuses)}
