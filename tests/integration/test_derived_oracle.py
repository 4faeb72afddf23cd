"""Stored status and standing stay equal to the full recomputation, whatever happens.

Hypothesis builds small random argument graphs (cycles, self-support and
causal links included) through the seed loader, then applies random
sequences of the writes that change derived values: evidence attached and
retracted through the evidence service, support and causal links added and
removed (with `refresh_after_change` in the same transaction, as any writer
of links must), and further seed scripts. After each sequence every stored
value must equal the oracle (`kb.derived.oracle.assess`), read
directly, `kb.derived.full.drift` must find nothing, and `impact` of
every claim (which labels only its dependents) must name the same dependents
as labelling the whole graph again.

CI runs `KB_ORACLE_EXAMPLES` examples (default 30); `make oracle` runs 500.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from neo4j import ManagedTransaction

from kb.db import Store, records
from kb.derived import full, incremental
from kb.derived.oracle import Assessment, assess
from kb.derived.rules import standing_claims
from kb.models import EvidenceStatus, Role
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services import evidence as evidence_service
from kb.services import graph as graph_service
from kb.services.evidence import EvidenceInput
from kb.services.keys import Principal
from tests.conftest import _wipe, seed_fresh

EXAMPLES = int(os.environ.get("KB_ORACLE_EXAMPLES", "30"))
ANALYSTS = [Principal("oracle-ana", Role.analyst), Principal("oracle-ben", Role.analyst)]
ADMIN = Principal("oracle-admin", Role.admin)
CLAIMS = 7  # claim ids h0..h6 across the whole sequence
CONFIDENCES = [0.25, 0.5, 0.75, 1.0]  # exact in binary: ties at "twice the other" are exact

# stance, and the speaker's stance for a report
APPEARANCE_STANCES = [
    ("asserts", None),
    ("presupposes", None),
    ("rejects", None),
    ("reports", "asserts"),
    ("reports", "rejects"),
]
pair = st.tuples(st.integers(0, CLAIMS - 1), st.integers(0, CLAIMS - 1))
graph_spec = st.fixed_dictionaries(
    {
        "claims": st.integers(2, CLAIMS),
        "supports": st.lists(pair, max_size=10),
        "causal": st.lists(pair, max_size=4),
        # appearances: (claim, source, stance, speaker), so consensus has parties
        "appearances": st.lists(
            st.tuples(
                st.integers(0, CLAIMS - 1),
                st.integers(0, 2),
                st.sampled_from(APPEARANCE_STANCES),
                st.sampled_from(["sp-a", "sp-b"]),
            ),
            max_size=6,
        ),
    }
)
operation = st.one_of(
    st.tuples(
        st.just("attach"),
        st.integers(0, 20),  # which target (claims, then causal links, modulo)
        st.sampled_from(["supports", "refutes", "refutes", "context"]),
        st.sampled_from(CONFIDENCES),
        st.integers(0, len(ANALYSTS) - 1),
    ),
    st.tuples(st.just("retract"), st.integers(0, 20)),
    st.tuples(st.just("add_support"), pair),
    st.tuples(st.just("remove_support"), st.integers(0, 20)),
    st.tuples(st.just("add_causal"), pair),
    st.tuples(st.just("remove_causal"), st.integers(0, 20)),
    st.tuples(st.just("seed"), graph_spec),
)


@pytest.fixture(scope="module")
def oracle_store(store: Store) -> Iterator[Store]:
    """The throwaway database, emptied per example; seeded again afterwards."""
    yield store
    seed_fresh(store)


def _claim(index: int) -> str:
    return f"h{index}"


def _script(spec: dict[str, Any], tag: str) -> str:
    """A seed script creating the claims of `spec` and its links (MERGE: idempotent)."""
    lines = [
        f"MERGE (c:Claim {{id: '{_claim(i)}'}}) SET c.text = 'claim {i}', c.type = 'factual';"
        for i in range(spec["claims"])
    ]
    for n, (a, b) in enumerate(spec["supports"]):
        a, b = a % spec["claims"], b % spec["claims"]
        lines.append(
            f"MATCH (a:Claim {{id: '{_claim(a)}'}}), (b:Claim {{id: '{_claim(b)}'}}) "
            f"MERGE (a)-[:SUPPORTS {{id: 'sup-{tag}-{n}', basis: 'connective'}}]->(b);"
        )
    for n, (a, b) in enumerate(spec["causal"]):
        a, b = a % spec["claims"], b % spec["claims"]
        lines.append(
            f"MATCH (a:Claim {{id: '{_claim(a)}'}}), (b:Claim {{id: '{_claim(b)}'}}) "
            f"MERGE (l:CausalLink {{id: 'cl-{tag}-{n}'}}) SET l.basis = 'connective' "
            "MERGE (a)-[:CAUSE_OF]->(l) MERGE (l)-[:LEADS_TO]->(b);"
        )
    for n, (claim, source, (stance, said), speaker) in enumerate(spec.get("appearances", [])):
        speech = f", speaker: '{speaker}', speaker_stance: '{said}'" if said else ""
        lines.append(
            f"MATCH (c:Claim {{id: '{_claim(claim % spec['claims'])}'}}) "
            f"MERGE (s:Source {{id: 'src-{source}'}}) "
            f"MERGE (s)-[:ASSERTS {{start: {n}, tag: '{tag}', stance: '{stance}'{speech}}}]->(c);"
        )
    return "\n".join(lines) + "\n"


class Sequence:
    """Applies one example's operations to the database, the way the product does."""

    def __init__(self, store: Store, folder: Path) -> None:
        self.store = store
        self.folder = folder
        self.version = 0
        self.made = 0

    def seed(self, spec: dict[str, Any]) -> None:
        self.version += 1
        path = self.folder / "seed" / f"V{self.version:03d}__oracle.cypher"
        path.parent.mkdir(exist_ok=True)
        path.write_text(_script(spec, f"v{self.version}"), encoding="utf-8")
        apply_scripts(self.store, discover_scripts(self.folder), recompute=full.recompute_all)

    def _ids(self, query: Any) -> list[str]:
        return [row["id"] for row in self.store.read(records, query)]

    def apply(self, op: tuple[Any, ...]) -> None:
        kind = op[0]
        claims = self._ids("MATCH (c:Claim) RETURN c.id AS id ORDER BY id")
        if kind == "seed":
            self.seed(op[1])
        elif kind == "attach":
            links = self._ids("MATCH (l:CausalLink) RETURN l.id AS id ORDER BY id")
            targets = [("claim", c) for c in claims] + [("causal_link", lk) for lk in links]
            target_kind, target_id = targets[op[1] % len(targets)]
            data = EvidenceInput(
                url=f"https://example.org/{op[1]}/{op[2]}",
                stance=op[2],
                confidence=op[3],
                rationale="property test",
            )
            evidence_service.attach_evidence(
                self.store, target_kind, target_id, data, ANALYSTS[op[4]]
            )
        elif kind == "retract":
            active = self._ids(
                "MATCH (l:EvidenceLink) WHERE l.retracted_at IS NULL RETURN l.id AS id ORDER BY id"
            )
            if active:
                link_id = active[op[1] % len(active)]
                evidence_service.retract_evidence(self.store, link_id, "property test", ADMIN)
        elif kind in ("add_support", "add_causal"):
            a, b = (claims[i % len(claims)] for i in op[1])
            self.made += 1
            self.store.write(_add_link, kind, f"made-{self.made}", a, b)
        elif kind in ("remove_support", "remove_causal"):
            query = (
                "MATCH ()-[r:SUPPORTS]->() RETURN r.id AS id ORDER BY id"
                if kind == "remove_support"
                else "MATCH (l:CausalLink) RETURN l.id AS id ORDER BY id"
            )
            existing = self._ids(query)
            if existing:
                self.store.write(_remove_link, kind, existing[op[1] % len(existing)])


def _add_link(tx: ManagedTransaction, kind: str, link_id: str, a: str, b: str) -> None:
    """A new support or causal link from `a` to `b`, and the derived values after it."""
    if kind == "add_support":
        tx.run(
            "MATCH (a:Claim {id: $a}), (b:Claim {id: $b}) "
            "CREATE (a)-[:SUPPORTS {id: $id, basis: 'curator'}]->(b)",
            a=a,
            b=b,
            id=link_id,
        )
        incremental.refresh_after_change(tx, claim_ids=[b])
    else:
        tx.run(
            "MATCH (a:Claim {id: $a}), (b:Claim {id: $b}) "
            "CREATE (a)-[:CAUSE_OF]->(:CausalLink {id: $id, basis: 'curator'})-[:LEADS_TO]->(b)",
            a=a,
            b=b,
            id=link_id,
        )
        incremental.refresh_after_change(tx, link_ids=[link_id])


def _remove_link(tx: ManagedTransaction, kind: str, link_id: str) -> None:
    """Remove a support link, or supersede a causal link as the argument review does."""
    if kind == "remove_support":
        row = tx.run(
            "MATCH ()-[r:SUPPORTS {id: $id}]->(b) DELETE r RETURN b.id AS b", id=link_id
        ).single()
    else:
        row = tx.run(
            "MATCH (l:CausalLink {id: $id})-[:LEADS_TO]->(b) "
            "REMOVE l:CausalLink SET l:SupersededCausalLink RETURN b.id AS b",
            id=link_id,
        ).single()
    assert row is not None
    incremental.refresh_after_change(tx, claim_ids=[row["b"]])


STORED_QUERY = """
MATCH (c:Claim) RETURN c.id AS id, c.status AS status, c.standing AS standing,
                       c.consensus AS consensus
UNION ALL
MATCH (l:CausalLink) RETURN l.id AS id, l.status AS status, null AS standing,
                            null AS consensus
"""


def _oracle_impact(oracle: Assessment, claim_id: str) -> set[str]:
    """The dependents that would lose all support, labelling the whole graph again
    (what `impact` computed before it labelled only the dependents)."""
    refuted = {t for t, s in oracle.status.items() if s == EvidenceStatus.refuted}
    nodes = set(oracle.standing)
    refuted_links = {e.link_id for e in oracle.edges if e.link_id in refuted}
    standing = standing_claims(nodes, oracle.edges, (refuted & nodes) | {claim_id}, refuted_links)
    return nodes - standing


def _assert_stored_equals_oracle(store: Store) -> None:
    oracle = assess(store)
    stored = store.read(records, STORED_QUERY)
    for row in stored:
        assert row["status"] == oracle.status_of(row["id"]), row
        if row["standing"] is not None or row["id"] in oracle.standing:
            assert row["standing"] == oracle.standing_of(row["id"]), row
        if row["id"] in oracle.consensus:
            assert row["consensus"] == oracle.consensus_of(row["id"]), row
    assert list(full.drift(store)) == []
    for claim_id in oracle.standing:  # the depth cap never bites on graphs this small
        answer = graph_service.impact(store, claim_id)
        loses = {c.claim_id for c in answer.loses_all_support}
        reached = loses | {c.claim_id for c in answer.keeps_other_support}
        assert loses == _oracle_impact(oracle, claim_id) & reached, claim_id


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(initial=graph_spec, operations=st.lists(operation, min_size=1, max_size=10))
def test_stored_values_equal_the_oracle_after_any_sequence(
    oracle_store: Store, initial: dict[str, Any], operations: list[tuple[Any, ...]]
) -> None:
    _wipe(oracle_store)
    with tempfile.TemporaryDirectory() as folder:
        sequence = Sequence(oracle_store, Path(folder))
        sequence.seed(initial)
        _assert_stored_equals_oracle(oracle_store)
        for op in operations:
            sequence.apply(op)
        _assert_stored_equals_oracle(oracle_store)


def test_drift_is_reported_and_recompute_repairs_it(oracle_store: Store) -> None:
    _wipe(oracle_store)
    with tempfile.TemporaryDirectory() as folder:
        sequence = Sequence(oracle_store, Path(folder))
        sequence.seed({"claims": 3, "supports": [(0, 1), (1, 2)], "causal": []})
        sequence.apply(("attach", 0, "refutes", 1.0, 0))
        assert (
            oracle_store.read(records, "MATCH (c:Claim {id: 'h1'}) RETURN c.standing AS s")[0]["s"]
            == "undermined"
        )
        oracle_store.run_autocommit("MATCH (c:Claim {id: 'h2'}) SET c.standing = 'intact'")
        found = full.drift(oracle_store)
        assert [(d.target_id, d.field, d.stored, d.derived) for d in found] == [
            ("h2", "standing", "intact", "undermined")
        ]
        done = full.recompute_all(oracle_store)
        assert (done.claims, done.causal_links, done.values) == (1, 0, 1)
        assert list(full.drift(oracle_store)) == []


def test_consensus_is_stored_and_its_drift_reported(oracle_store: Store) -> None:
    _wipe(oracle_store)
    with tempfile.TemporaryDirectory() as folder:
        sequence = Sequence(oracle_store, Path(folder))
        reports_rejection = ("reports", "rejects")
        sequence.seed(
            {
                "claims": 3,
                "supports": [],
                "causal": [],
                "appearances": [
                    (0, 0, ("asserts", None), "sp-a"),
                    (0, 1, reports_rejection, "sp-a"),  # a speaker rejects what src-0 asserts
                    (1, 0, ("asserts", None), "sp-a"),
                    (1, 1, ("presupposes", None), "sp-a"),
                    (2, 1, ("reports", "asserts"), "sp-b"),  # only the speaker commits
                ],
            }
        )
        stored = oracle_store.read(
            records, "MATCH (c:Claim) RETURN c.id AS id, c.consensus AS consensus ORDER BY id"
        )
        assert [(r["id"], r["consensus"]) for r in stored] == [
            ("h0", "contested"),
            ("h1", "agreed"),
            ("h2", "single"),
        ]
        oracle_store.run_autocommit("MATCH (c:Claim {id: 'h1'}) SET c.consensus = 'single'")
        assert [(d.target_id, d.field, d.stored, d.derived) for d in full.drift(oracle_store)] == [
            ("h1", "consensus", "single", "agreed")
        ]
        full.recompute_all(oracle_store)
        assert list(full.drift(oracle_store)) == []
        # the appearance counts the stance filters seek, kept and checked beside it
        counts = oracle_store.read(
            records,
            "MATCH (c:Claim) RETURN c.id AS id, c.asserted_by AS asserted, "
            "c.reported_by AS reported ORDER BY id",
        )
        assert [(r["id"], r["asserted"], r["reported"]) for r in counts] == [
            ("h0", 1, 1),
            ("h1", 2, 0),
            ("h2", 0, 1),
        ]
        oracle_store.run_autocommit("MATCH (c:Claim {id: 'h0'}) REMOVE c.asserted_by")
        oracle_store.run_autocommit("MATCH (c:Claim {id: 'h2'}) SET c.reported_by = 3")
        assert [(d.target_id, d.field, d.stored, d.derived) for d in full.drift(oracle_store)] == [
            ("h0", "asserted_by", None, 1),
            ("h2", "reported_by", 3, 1),
        ]
        full.recompute_all(oracle_store)
        assert list(full.drift(oracle_store)) == []
        # the slot state the `slot` filter seeks (no slot yet: `none`), checked beside it
        oracle_store.run_autocommit(
            "MATCH (c:Claim {id: 'h1'}) "
            "CREATE (c)-[:HAS_SLOT]->(:EvidenceSlot {id: 'slot-h1-1', status: 'filled'})"
        )
        oracle_store.run_autocommit("MATCH (c:Claim {id: 'h0'}) REMOVE c.slot")
        assert [(d.target_id, d.field, d.stored, d.derived) for d in full.drift(oracle_store)] == [
            ("h0", "slot", None, "none"),
            ("h1", "slot", "none", "settled"),
        ]
        full.recompute_all(oracle_store)
        assert list(full.drift(oracle_store)) == []
        states = oracle_store.read(
            records, "MATCH (c:Claim) RETURN c.id AS id, c.slot AS slot ORDER BY id"
        )
        assert [(r["id"], r["slot"]) for r in states] == [
            ("h0", "none"),
            ("h1", "settled"),
            ("h2", "none"),
        ]
