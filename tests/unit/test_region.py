"""Labelling one downstream-closed region, upstream held fixed, equals labelling everything.

The incremental update (`kb.derived.incremental.refresh_downstream`) rests on
this: take a random graph with random refutations, label it whole with the
oracle (`kb.derived.oracle.grounding`), pick the claims downstream of
random changed ones, label only those with `label_region` and the oracle's
values as the boundary, and expect the oracle's labels back. The paged full
recomputation (`kb.derived.full`) must agree with the oracle too. No
database.
"""

from __future__ import annotations

from collections import defaultdict, deque

from hypothesis import given, settings
from hypothesis import strategies as st

from kb.derived import full
from kb.derived.oracle import grounding
from kb.derived.region import Premise, label_region
from kb.models import Edge, EvidenceStatus

N = 8
pair = st.tuples(st.integers(0, N - 1), st.integers(0, N - 1), st.booleans())


def _downstream(starts: set[str], edges: list[Edge]) -> set[str]:
    outgoing: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        outgoing[edge.from_id].append(edge.to_id)
    seen, queue = set(starts), deque(starts)
    while queue:
        for target in outgoing[queue.popleft()]:
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


@settings(max_examples=300, deadline=None)
@given(
    links=st.lists(pair, max_size=14),
    refuted=st.sets(st.integers(0, N + 13)),
    changed=st.sets(st.integers(0, N - 1), min_size=1),
)
def test_a_region_labels_as_the_whole_graph_does(
    links: list[tuple[int, int, bool]], refuted: set[int], changed: set[int]
) -> None:
    claim_ids = [f"c{i}" for i in range(N)]
    edges = [
        Edge(f"c{a}", f"c{b}", "causal" if causal else "supports", f"l{n}")
        for n, (a, b, causal) in enumerate(links)
    ]
    # indices below N refute claims, the others refute links (support links too: harmless)
    status = {f"c{i}" if i < N else f"l{i - N}": EvidenceStatus.refuted for i in refuted}
    whole = grounding(claim_ids, edges, status)
    region = _downstream({f"c{i}" for i in changed}, edges)

    def stored(claim_id: str) -> dict[str, object]:
        return {
            "premise_status": status.get(claim_id),
            "premise_baseline": claim_id in whole.baseline,
            "premise_now": claim_id in whole.now,
            "premise_rests": claim_id in whole.affected,
        }

    premises = {
        c: [
            Premise.of(
                {"from_id": e.from_id, "link_status": status.get(e.link_id), **stored(e.from_id)}
            )
            for e in edges
            if e.to_id == c
        ]
        for c in region
    }
    labels = label_region({c: status.get(c) for c in region}, premises)
    for claim_id in region:
        assert labels[claim_id].stands_baseline == (claim_id in whole.baseline)
        assert labels[claim_id].stands_now == (claim_id in whole.now)
        assert labels[claim_id].rests_on_defeated == (claim_id in whole.affected)
        assert labels[claim_id].standing == whole.standing_of(claim_id)


@settings(max_examples=200, deadline=None)
@given(links=st.lists(pair, max_size=14), refuted=st.sets(st.integers(0, N + 13)))
def test_the_paged_full_recomputation_labels_as_the_oracle(
    links: list[tuple[int, int, bool]], refuted: set[int]
) -> None:
    claim_ids = [f"c{i}" for i in range(N)]
    edges = [
        Edge(f"c{a}", f"c{b}", "causal" if causal else "supports", f"l{n}")
        for n, (a, b, causal) in enumerate(links)
    ]
    status = {f"c{i}" if i < N else f"l{i - N}": EvidenceStatus.refuted for i in refuted}
    # evidence bears on claims and causal links only: a support link is never refuted
    supports = {e.link_id for e in edges if e.kind == "supports"}
    status = {target: s for target, s in status.items() if target not in supports}
    whole = grounding(claim_ids, edges, status)
    edges_of: dict[str, list[list[str | None]]] = {claim_id: [] for claim_id in claim_ids}
    for edge in edges:
        edges_of[edge.from_id].append([edge.to_id, edge.link_id if edge.kind == "causal" else None])
    rows = [{"id": claim_id, "edges": edges_of[claim_id]} for claim_id in claim_ids]
    stored = {k: v.value for k, v in status.items()}
    graph = full.graph_of([rows[:3], rows[3:]], stored)  # two pages, as the reader gets them
    labels = full._derive(graph, stored)
    derived = {
        claim_id: labels.values(graph.index[claim_id], claim_id, stored) for claim_id in claim_ids
    }
    for claim_id in claim_ids:
        assert derived[claim_id]["status"] == status.get(claim_id, EvidenceStatus.unverified)
        assert derived[claim_id]["stands_baseline"] == (claim_id in whole.baseline)
        assert derived[claim_id]["stands_now"] == (claim_id in whole.now)
        assert derived[claim_id]["rests_on_defeated"] == (claim_id in whole.affected)
        assert derived[claim_id]["standing"] == whole.standing_of(claim_id)
