"""Grounded labelling of the dependency graph: which claims still stand.

Grounded semantics (Dung's abstract argumentation frameworks), applied to
support: a claim *stands* when it is not defeated and either rests on nothing
in the graph (a premise the source simply asserts) or at least one of its
premises stands and the link from it is not defeated. This is the least
fixpoint, computed by propagating from the unsupported premises, so a cycle of
claims that only support each other does not lift itself. Pure functions over
`Edge` lists: no store access.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Set

from kb.models import Edge


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
