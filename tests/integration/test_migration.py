"""The argument review (seed V004, V005) migrates a database that has V003 and
analysts' work: nothing of that work is lost, and the graph equals a fresh seed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kb.config import CYPHER_DIR
from kb.db import Store, records
from kb.derived.full import recompute_all
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services import evidence as evidence_service
from kb.services.evidence import EvidenceInput
from kb.services.keys import Principal
from tests.conftest import _wipe, seed_fresh

REMOVED_LINK = "cl-end-of-war-triggers-investigations"
KEPT_LINK = "cl-rejection-leads-to-freeze"
KEPT_CLAIM = "c-netanyahu-froze-second-phase"
FILLED_SLOTS = {f"slot-{REMOVED_LINK}-1", f"slot-{KEPT_LINK}-1", f"slot-{KEPT_CLAIM}-1"}
ANALYSTS = ("EvidenceLink", "Evidence", "Event", "IdempotencyRecord", "ApiKey", "AppliedScript")
ANALYST = Principal("migration-tester", "analyst")


def _before_review(script_name: str) -> bool:
    """Scripts a database had before the review: schema V001-V002, seed up to V003."""
    kind, name = script_name.split("/")
    version = int(name[1:].split("__")[0])
    return version <= (2 if kind == "schema" else 3)


DERIVED = (
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


def graph_without_analysts_work(store: Store) -> tuple[list[Any], list[Any]]:
    """Every node and relationship except analysts' own, and except the status of
    the slots the analysts filled (a fresh seed has them open or closed)."""
    nodes = store.read(
        records,
        "MATCH (n) WHERE none(label IN labels(n) WHERE label IN $analysts) "
        "RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id",
        analysts=list(ANALYSTS),
    )
    for node in nodes:
        if node["props"].get("id") in FILLED_SLOTS:
            for key in ("status", "closed_by", "reason"):
                node["props"].pop(key, None)
        if {"Claim", "CausalLink", "SupersededCausalLink"} & set(node["labels"]):  # derived
            for key in DERIVED:
                node["props"].pop(key, None)
        if "SourceRevision" in node["labels"]:  # when the revision was applied
            node["props"].pop("at", None)
    relationships = store.read(
        records,
        "MATCH (a)-[r]->(b) "
        "WHERE none(label IN labels(a) + labels(b) WHERE label IN $analysts) "
        "RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props "
        "ORDER BY a, type, b, r.id, r.start",
        analysts=list(ANALYSTS),
    )
    return nodes, relationships


def attach(store: Store, kind: Any, target: str, url: str) -> str:
    link, created = evidence_service.attach_evidence(
        store,
        kind,
        target,
        EvidenceInput(
            url=url,
            stance="supports",
            confidence=0.7,
            rationale="Migration test.",
            slot_id=f"slot-{target}-1",
        ),
        ANALYST,
    )
    assert created
    return str(link["id"])


@pytest.fixture()
def fresh_then_migrated(store: Store) -> Iterator[dict[str, Any]]:
    """A fresh full seed's graph, then a V003 database with analysts' work, migrated.
    The shared seeded database is restored afterwards."""
    seed_fresh(store)
    fresh = graph_without_analysts_work(store)
    _wipe(store)
    scripts = discover_scripts(CYPHER_DIR)
    apply_scripts(store, [s for s in scripts if _before_review(s.name)], recompute=recompute_all)
    links = {
        REMOVED_LINK: attach(store, "causal_link", REMOVED_LINK, "https://example.org/inquiry"),
        KEPT_LINK: attach(store, "causal_link", KEPT_LINK, "https://example.org/freeze"),
        KEPT_CLAIM: attach(store, "claim", KEPT_CLAIM, "https://example.org/cabinet"),
    }
    results = apply_scripts(store, scripts, recompute=recompute_all)
    try:
        yield {"fresh": fresh, "links": links, "results": results}
    finally:
        seed_fresh(store)


def test_migration_keeps_analysts_work_and_equals_a_fresh_seed(
    store: Store, fresh_then_migrated: dict[str, Any]
) -> None:
    applied = {r.name for r in fresh_then_migrated["results"] if r.action == "applied"}
    # exactly the scripts after the pre-review ones, whatever later versions exist,
    # and among them the review itself
    later = {s.name for s in discover_scripts(CYPHER_DIR) if not _before_review(s.name)}
    assert applied == later
    assert {
        "schema/V003__superseded_links.cypher",
        "seed/V004__argument_basis.cypher",
        "seed/V005__argument_review.cypher",
    } <= applied
    links = fresh_then_migrated["links"]

    # What survives keeps its evidence and its filled slot.
    for target in (KEPT_LINK, KEPT_CLAIM):
        evidence = evidence_service.evidence_for(
            store, "causal_link" if target == KEPT_LINK else "claim", target
        )
        assert [e["id"] for e in evidence] == [links[target]]
        [slot] = store.read(
            records,
            "MATCH (slot:EvidenceSlot {id: $id}) RETURN slot.status AS status",
            id=f"slot-{target}-1",
        )
        assert slot["status"] == "filled"

    # The removed link is superseded, not deleted: evidence, slot and history stay on it.
    [removed] = store.read(
        records,
        "MATCH (l:SupersededCausalLink {id: $id}) "
        "RETURN labels(l) AS labels, l.superseded_by AS replaced_by, "
        "l.superseded_reason AS reason, "
        "[(e:EvidenceLink)-[:BEARS_ON]->(l) | e.id] AS evidence, "
        "[(l)-[:HAS_SLOT]->(s:EvidenceSlot) | s.status] AS slots, "
        "[(c:Claim)-[:CAUSE_OF]->(l)-[:LEADS_TO]->(e:Claim) | [c.id, e.id]] AS joins, "
        "COUNT { (ev:Event {target_id: $id}) } AS events",
        id=REMOVED_LINK,
    )
    assert removed["labels"] == ["SupersededCausalLink"]
    assert removed["replaced_by"] == ["cl-second-phase-triggers-investigations"]
    assert "Inserted step" in removed["reason"]
    assert removed["evidence"] == [links[REMOVED_LINK]]
    assert removed["slots"] == ["filled"]
    assert removed["joins"] == [["c-second-phase-would-end-war", "c-investigations-would-open"]]
    assert removed["events"] >= 1
    assert evidence_service.evidence_for(store, "causal_link", KEPT_LINK)  # still readable
    history = store.read(
        records, "MATCH (e:Event {target_id: $id}) RETURN e.kind AS kind", id=REMOVED_LINK
    )
    assert {"evidence_attached"} <= {row["kind"] for row in history}

    # Ignoring analysts' own nodes, the migrated graph is the fresh one.
    assert graph_without_analysts_work(store) == fresh_then_migrated["fresh"]


def test_removed_support_links_are_recorded_with_their_reason(seeded_store: Store) -> None:
    rows = seeded_store.read(
        records,
        "MATCH (s:SupersededLink) RETURN s.id AS id, s.kind AS kind, s.from_id AS from_id, "
        "s.to_id AS to_id, s.reason AS reason, s.replaced_by AS replaced_by ORDER BY id",
    )
    by_id = {row["id"]: row for row in rows}
    assert by_id["sup-003"]["from_id"] == "c-second-phase-stopped"
    assert by_id["sup-003"]["to_id"] == "c-second-phase-stopped-because-cost-to-israel"
    assert by_id["sup-003"]["reason"].startswith("Restatement")
    assert by_id["att-002"]["kind"] == "attacks"
    assert by_id["att-002"]["replaced_by"] == ["att-010"]
    assert all(row["reason"] for row in rows)
    gone = seeded_store.read(
        records,
        "MATCH ()-[r:SUPPORTS|ATTACKS]->() WHERE r.id IN $ids RETURN r.id AS id",
        ids=list(by_id),
    )
    assert gone == []
