"""The full recompute: every derived status and standing from scratch, at the size of
the whole graph.

The same rules (`kb.derived.rules`) as the oracle (`kb.derived.oracle`, which the
property test holds the stored values to), computed so that a million claims fit:
claims are read a page at a time (keyset on id, a short read transaction
each) with their outgoing edges, ids become integers, edges live in flat
arrays, and the three fixpoints of the grounded labelling are breadth-first
passes over them. Only values that differ from the stored ones are written,
in batches of their own. For after a seed, a restore or a bulk load
(`recompute_all`) and for `kb recompute --check` (`drift`).
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import ManagedTransaction

from kb.db import Store
from kb.derived.rules import REFUTED, SINGLE, consensus, evidence_status, standing_of
from kb.models import EvidenceStatus
from kb.repositories import assessment as assessment_repo
from kb.repositories import derived as repo

BATCH = 5000  # claims per statement, and per transaction when writing
PAGE = 10000  # claims per read transaction
CLAIM_FIELDS = (
    "status",
    "standing",
    "stands_baseline",
    "stands_now",
    "rests_on_defeated",
    "consensus",
)

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class Drift:
    """One stored value that differs from the full recomputation."""

    kind: str  # claim or causal_link
    target_id: str
    field: str
    stored: Any
    derived: Any

    def line(self) -> str:
        return (
            f"{self.kind} {self.target_id}: {self.field} is {self.stored!r}, "
            f"recomputed {self.derived!r}"
        )


@dataclass
class Recomputed:
    """What `recompute_all` wrote: claims and causal links, and the values that differed."""

    claims: int = 0
    causal_links: int = 0
    values: int = 0
    drifted: list[Drift] = field(default_factory=list)  # the first `keep` of them


@dataclass
class _Graph:
    """Claims as integers, their stored values, and the dependency edges as arrays."""

    index: dict[str, int] = field(default_factory=dict)
    stored: dict[int, dict[str, Any]] = field(default_factory=dict)
    sources: array = field(default_factory=lambda: array("i"))  # type: ignore[type-arg]
    targets: array = field(default_factory=lambda: array("i"))  # type: ignore[type-arg]
    links: list[str | None] = field(default_factory=list)  # causal link id per edge, or None
    consensus: dict[int, str] = field(default_factory=dict)  # derived from the appearances

    def number(self, claim_id: str) -> int:
        return self.index.setdefault(claim_id, len(self.index))


def _read_graph(store: Store) -> _Graph:
    graph = _Graph()
    after = ""  # every id sorts after the empty string
    while page := store.read_bulk(repo.claims_with_edges_page, after, PAGE):
        for row in page:
            number = graph.number(row["id"])
            graph.stored[number] = {name: row[name] for name in CLAIM_FIELDS}
            graph.consensus[number] = consensus(row["appearances"])
            for to_id, link_id in row["edges"]:
                graph.sources.append(number)
                graph.targets.append(graph.number(to_id))
                graph.links.append(link_id)
        after = page[-1]["id"]
    return graph


def _statuses(tx: ManagedTransaction) -> dict[str, str]:
    """Evidence status of every target with supporting or refuting evidence."""
    weights: dict[str, dict[str, float]] = {}
    for row in assessment_repo.evidence_weights(tx):
        weights.setdefault(row["target_id"], {"supports": 0.0, "refutes": 0.0})[row["stance"]] = (
            float(row["weight"])
        )
    return {t: evidence_status(w["supports"], w["refutes"]).value for t, w in weights.items()}


def _closure(seeds: list[int], outgoing: list[list[int]], targets: Any, passes: Any) -> bytearray:
    """Claims reached from `seeds` through the edges (numbers) that `passes`."""
    reached = bytearray(len(outgoing))
    for seed in seeds:
        reached[seed] = 1
    queue = deque(seeds)
    while queue:
        for edge in outgoing[queue.popleft()]:
            if passes(edge):
                target = targets[edge]
                if not reached[target]:
                    reached[target] = 1
                    queue.append(target)
    return reached


def _derive(graph: _Graph, status: dict[str, str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """`(claim id, derived values)` of every claim."""
    ids = list(graph.index)
    size = len(ids)
    defeated = bytearray(status.get(c) == REFUTED for c in ids)
    link_refuted = bytearray(
        link is not None and status.get(link) == REFUTED for link in graph.links
    )
    outgoing: list[list[int]] = [[] for _ in range(size)]
    has_premise = bytearray(size)
    for edge, (source, target) in enumerate(zip(graph.sources, graph.targets, strict=True)):
        outgoing[source].append(edge)
        has_premise[target] = 1
    roots = [i for i in range(size) if not has_premise[i]]
    targets = graph.targets
    baseline = _closure(roots, outgoing, targets, lambda edge: True)
    now = _closure(
        [i for i in roots if not defeated[i]],
        outgoing,
        targets,
        lambda edge: not link_refuted[edge] and not defeated[targets[edge]],
    )
    hit = [targets[e] for e in range(len(targets)) if link_refuted[e]]
    hit += [targets[e] for i in range(size) if defeated[i] for e in outgoing[i]]
    rests = _closure(list(dict.fromkeys(hit)), outgoing, targets, lambda edge: True)
    for i, claim_id in enumerate(ids):
        yield (
            claim_id,
            {
                "status": status.get(claim_id, EvidenceStatus.unverified.value),
                "standing": standing_of(
                    bool(baseline[i]), bool(now[i]), bool(rests[i]), bool(defeated[i])
                ),
                "stands_baseline": bool(baseline[i]),
                "stands_now": bool(now[i]),
                "rests_on_defeated": bool(rests[i]),
                "consensus": graph.consensus.get(i, SINGLE),
            },
        )


def _differences(store: Store) -> Iterator[tuple[str, dict[str, Any], list[Drift]]]:
    """`(kind, values to write, drift)` for each claim and causal link that drifted."""
    graph = _read_graph(store)
    status = store.read_bulk(_statuses)
    for claim_id, values in _derive(graph, status):
        stored = graph.stored.get(graph.index[claim_id], dict.fromkeys(CLAIM_FIELDS))
        drifted = [
            Drift("claim", claim_id, name, stored[name], value)
            for name, value in values.items()
            if stored[name] != value
        ]
        if drifted:
            yield "claim", {"id": claim_id, **values}, drifted
    for row in store.read_bulk(repo.stored_causal_links):
        derived = status.get(row["id"], EvidenceStatus.unverified.value)
        if row["status"] != derived:
            drift = Drift("causal_link", row["id"], "status", row["status"], derived)
            yield "causal_link", {"id": row["id"], "status": derived}, [drift]


def drift(store: Store) -> Iterator[Drift]:
    """Every stored derived value that differs from a full recomputation (nothing
    written). Read page by page: run it on a quiet database, or expect a write
    made meanwhile to show up."""
    for _kind, _values, drifted in _differences(store):
        yield from drifted


def recompute_all(store: Store, keep: int = 100) -> Recomputed:
    """Derive every status, standing and consensus again from scratch and write what differs (in
    batches of `BATCH`, a transaction each); for after a seed, restore or bulk load.

    Meant for a quiet database: a write between the read and a batch could be
    overwritten with a value derived before it (`kb recompute --check` shows it)."""
    done = Recomputed()
    claims: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for kind, values, drifted in _differences(store):
        (claims if kind == "claim" else links).append(values)
        done.values += len(drifted)
        done.drifted.extend(drifted[: max(0, keep - len(done.drifted))])
        if len(claims) >= BATCH:
            done.claims += _write(store, claims, "claim")
        if len(links) >= BATCH:
            done.causal_links += _write(store, links, "causal_link")
    done.claims += _write(store, claims, "claim")
    done.causal_links += _write(store, links, "causal_link")
    return done


def _write(store: Store, rows: list[dict[str, Any]], kind: str) -> int:
    """Write `rows` (and empty the list); how many there were."""
    written = len(rows)
    if rows:
        store.write(_write_claims if kind == "claim" else repo.set_causal_links_status, rows[:])
    rows.clear()
    return written


def _write_claims(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    repo.set_claims_status(tx, rows)
    repo.set_claims_grounding(tx, rows)
    repo.set_claims_consensus(tx, rows)
