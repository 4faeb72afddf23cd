"""The full recompute: every derived status and standing from scratch, at the size of
the whole graph.

The same rules (`kb.derived.rules`) as the oracle (`kb.derived.oracle`, which the
property test holds the stored values to), computed so that a million claims fit:
claims are read a page at a time (keyset on id, a short read transaction
each) with their outgoing edges, ids become integers, edges live in flat
arrays (compressed rows), and the three fixpoints of the grounded labelling
are breadth-first passes over them; the stored values are read again a page at
a time and compared as they come, so nothing per claim is kept but its number
and four flags. Only values that differ from the stored ones are written,
in batches of their own. For after a seed, a restore or a bulk load
(`recompute_all`) and for `kb recompute --check` (`drift`).
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import ManagedTransaction

from kb.db import Store
from kb.derived.rules import REFUTED, claim_values, evidence_status, standing_of
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
    "asserted_by",
    "reported_by",
    "slot",
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
    """Claims as integers and the dependency edges as flat arrays (compressed rows:
    claim i's edges are `first[i]:first[i + 1]` of `targets`), with whether each
    edge's causal link is refuted; nothing per claim but its number."""

    index: dict[str, int] = field(default_factory=dict)
    first: array = field(default_factory=lambda: array("i"))  # type: ignore[type-arg]
    targets: array = field(default_factory=lambda: array("i"))  # type: ignore[type-arg]
    link_refuted: bytearray = field(default_factory=bytearray)

    def number(self, claim_id: str) -> int:
        return self.index.setdefault(claim_id, len(self.index))


def _read_graph(store: Store, status: dict[str, str]) -> _Graph:
    """Every claim and its outgoing edges, a page at a time; numbers in id order."""
    return graph_of(_pages(store), status)


def _pages(store: Store) -> Iterator[list[dict[str, Any]]]:
    """`{id, edges: [[to id, causal link id or None]], ...}` rows, a page at a time."""
    after = ""  # every id sorts after the empty string
    while page := store.read_bulk(repo.claims_with_edges_page, after, PAGE):
        yield page
        after = page[-1]["id"]


def graph_of(pages: Iterable[list[dict[str, Any]]], status: dict[str, str]) -> _Graph:
    """The compressed graph of claim rows (each with its outgoing `edges`)."""
    graph = _Graph()
    sources = array("i")
    for page in pages:
        for row in page:
            number = graph.number(row["id"])
            for to_id, link_id in row["edges"]:
                sources.append(number)
                graph.targets.append(graph.number(to_id))
                graph.link_refuted.append(link_id is not None and status.get(link_id) == REFUTED)
    # Counting sort of the edges by their source claim: the compressed rows.
    size = len(graph.index)
    counts = array("i", [0] * (size + 1))
    for source in sources:
        counts[source + 1] += 1
    for i in range(size):
        counts[i + 1] += counts[i]
    graph.first = array("i", counts)
    place = array("i", counts)
    targets, refuted = array("i", [0] * len(sources)), bytearray(len(sources))
    for edge, source in enumerate(sources):
        at = place[source]
        place[source] += 1
        targets[at], refuted[at] = graph.targets[edge], graph.link_refuted[edge]
    graph.targets, graph.link_refuted = targets, refuted
    return graph


def _statuses(tx: ManagedTransaction) -> dict[str, str]:
    """Evidence status of every target with supporting or refuting evidence."""
    weights: dict[str, dict[str, float]] = {}
    for row in assessment_repo.evidence_weights(tx):
        weights.setdefault(row["target_id"], {"supports": 0.0, "refutes": 0.0})[row["stance"]] = (
            float(row["weight"])
        )
    return {t: evidence_status(w["supports"], w["refutes"]).value for t, w in weights.items()}


def _closure(seeds: list[int], graph: _Graph, passes: Any) -> bytearray:
    """Claims reached from `seeds` through the edges (positions in `targets`) that `passes`."""
    reached = bytearray(len(graph.index))
    for seed in seeds:
        reached[seed] = 1
    queue = deque(seeds)
    first, targets = graph.first, graph.targets
    while queue:
        node = queue.popleft()
        for edge in range(first[node], first[node + 1]):
            if passes(edge):
                target = targets[edge]
                if not reached[target]:
                    reached[target] = 1
                    queue.append(target)
    return reached


@dataclass(frozen=True)
class _Derived:
    """The grounded labelling of every claim, by number, as four flags."""

    defeated: bytearray
    baseline: bytearray
    now: bytearray
    rests: bytearray

    def values(self, number: int, claim_id: str, status: dict[str, str]) -> dict[str, Any]:
        baseline, now = bool(self.baseline[number]), bool(self.now[number])
        rests, defeated = bool(self.rests[number]), bool(self.defeated[number])
        return {
            "status": status.get(claim_id, EvidenceStatus.unverified.value),
            "standing": standing_of(baseline, now, rests, defeated),
            "stands_baseline": baseline,
            "stands_now": now,
            "rests_on_defeated": rests,
        }


def _derive(graph: _Graph, status: dict[str, str]) -> _Derived:
    """The three fixpoints of the grounded labelling, as breadth-first passes."""
    size = len(graph.index)
    defeated = bytearray(size)
    for claim_id, number in graph.index.items():
        if status.get(claim_id) == REFUTED:
            defeated[number] = 1
    has_premise = bytearray(size)
    for target in graph.targets:
        has_premise[target] = 1
    roots = [i for i in range(size) if not has_premise[i]]
    targets, link_refuted = graph.targets, graph.link_refuted
    baseline = _closure(roots, graph, lambda edge: True)
    now = _closure(
        [i for i in roots if not defeated[i]],
        graph,
        lambda edge: not link_refuted[edge] and not defeated[targets[edge]],
    )
    hit = [targets[e] for e in range(len(targets)) if link_refuted[e]]
    hit += [
        targets[e]
        for i in range(size)
        if defeated[i]
        for e in range(graph.first[i], graph.first[i + 1])
    ]
    rests = _closure(list(dict.fromkeys(hit)), graph, lambda edge: True)
    return _Derived(defeated, baseline, now, rests)


def _differences(store: Store) -> Iterator[tuple[str, dict[str, Any], list[Drift]]]:
    """`(kind, values to write, drift)` for each claim and causal link that drifted.

    The graph is held as numbers and flags only; the stored values are read again
    a page at a time and compared as they come, so the client's memory stays a
    few bytes a claim and edge."""
    status = store.read_bulk(_statuses)
    graph = _read_graph(store, status)
    derived = _derive(graph, status)
    after = ""
    while page := store.read_bulk(repo.claims_with_edges_page, after, PAGE):
        for row in page:
            number = graph.index.get(row["id"])
            if number is None:  # written since the first read: the next run sees it
                continue
            values = derived.values(number, row["id"], status)
            # Consensus and the appearance counts need no graph: they are derived from
            # the claim's own appearances.
            values.update(claim_values(row["appearances"], row["slots"]))
            drifted = [
                Drift("claim", row["id"], name, row[name], value)
                for name, value in values.items()
                if row[name] != value
            ]
            if drifted:
                yield "claim", {"id": row["id"], **values}, drifted
        after = page[-1]["id"]
    for row in store.read_bulk(repo.stored_causal_links):
        derived_status = status.get(row["id"], EvidenceStatus.unverified.value)
        if row["status"] != derived_status:
            drift = Drift("causal_link", row["id"], "status", row["status"], derived_status)
            yield "causal_link", {"id": row["id"], "status": derived_status}, [drift]


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
