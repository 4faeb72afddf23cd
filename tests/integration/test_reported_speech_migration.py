"""Issue 19: article-001's revision 3 (seed V009, compiled from corpus/article-001.yaml)
moved its attributed `reported_speech` claims onto `reports` appearances.

The graph is built up to the script before the migration, an analyst's evidence and
its history event are attached to a migrated claim, then the migration is applied:
every id, appearance, link, evidence slot, evidence link and history event of the
migrated claims is still there, each claim now has its content's type (and label)
and a `reports` appearance naming its speaker, and the links argued from them rest
on the report (`premise_as: report`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from kb.config import CYPHER_DIR
from kb.db import Store, records
from kb.derived.full import recompute_all
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services import evidence as evidence_service
from kb.services import keys as key_service
from tests.graph_snapshot import GraphSnapshot

MIGRATION = "V009__article_001.cypher"
# claim -> (speaker, the content's type and its label)
MIGRATED = {
    "c-netanyahu-declared-goal-eliminate-hamas": ("netanyahu", "interpretive", "Interpretive"),
    "c-trump-said-israel-must-finish": ("trump", "normative", "Normative"),
    "c-trump-said-eliminating-hamas-essential": ("trump", "normative", "Normative"),
    "c-trump-said-hamas-only-obstacle": ("trump", "interpretive", "Interpretive"),
    "c-trump-demands-calm": ("trump", "normative", "Normative"),
}
WITH_EVIDENCE = "c-trump-said-israel-must-finish"

# Everything attached to a claim: each relationship (type, direction, the other end's
# labels and id, the relationship's own id or start), its slots' ids, and its events.
FACTS_QUERY = """
MATCH (c:Claim) WHERE c.id IN $ids
RETURN c.id AS id, c.type AS type, labels(c) AS labels,
       [(c)-[r]->(x) | [type(r), 'out', coalesce(x.id, ''),
                        toString(coalesce(r.id, r.start, r.role, ''))]]
       + [(c)<-[r]-(x) | [type(r), 'in', coalesce(x.id, ''),
                          toString(coalesce(r.id, r.start, ''))]] AS edges,
       [(c)-[:HAS_SLOT]->(s:EvidenceSlot) | s.id + ':' + s.status] AS slots,
       COLLECT { MATCH (e:Event {target_id: c.id}) RETURN e.id } AS events,
       [(s:Source)-[a:ASSERTS]->(c) | {source: s.id, stance: a.stance, speaker: a.speaker,
                                        speaker_stance: a.speaker_stance,
                                        reporting: a.reporting}] AS appearances,
       [(c)-[r:SUPPORTS]->() | r.premise_as] + [(c)-[:CAUSE_OF]->(l) | l.premise_as]
         AS premise_as
"""


def _facts(store: Store) -> dict[str, dict[str, Any]]:
    rows = store.read(records, FACTS_QUERY, ids=sorted(MIGRATED))
    return {row["id"]: row for row in rows}


def _scripts_before_the_migration(tmp_path: Path) -> Path:
    cypher = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR / "schema", cypher / "schema")
    (cypher / "seed").mkdir()
    for script in sorted((CYPHER_DIR / "seed").glob("V*.cypher")):
        if script.name < MIGRATION:
            shutil.copy(script, cypher / "seed" / script.name)
    return cypher


def _attach_evidence(store: Store) -> None:
    key = key_service.create_key(store, "migration-tester", "analyst")
    principal = key_service.authenticate(store, f"Bearer {key}")
    data = evidence_service.EvidenceInput(
        url="https://evidence.example.org/migration-test/a",
        stance="supports",
        confidence=0.7,
        rationale="Test evidence: the record of the statement.",
        title="Transcript",
        publisher="Example Monitor",
        published_on="2025-03-10",
    )
    evidence_service.attach_evidence(store, "claim", WITH_EVIDENCE, data, principal)


def test_the_migration_keeps_ids_evidence_slots_and_history(
    store: Store, seeded_snapshot: GraphSnapshot, tmp_path: Path
) -> None:
    try:
        store.run_autocommit("MATCH (n) DETACH DELETE n")
        before_the_migration = discover_scripts(_scripts_before_the_migration(tmp_path))
        apply_scripts(store, before_the_migration, recompute=recompute_all)
        _attach_evidence(store)
        before = _facts(store)
        assert set(before) == set(MIGRATED)
        assert all(row["type"] == "reported_speech" for row in before.values())
        assert any(edge[0] == "BEARS_ON" for edge in before[WITH_EVIDENCE]["edges"])
        assert before[WITH_EVIDENCE]["events"]  # the attachment is in the claim's history

        apply_scripts(store, discover_scripts(CYPHER_DIR), recompute=recompute_all)
        after = _facts(store)
        for claim_id, (speaker, claim_type, label) in MIGRATED.items():
            old, new = before[claim_id], after[claim_id]
            assert {tuple(e) for e in old["edges"]} <= {tuple(e) for e in new["edges"]}, claim_id
            assert len(old["edges"]) == len(new["edges"]), claim_id  # nothing added either
            assert old["slots"] == new["slots"] and old["slots"], claim_id
            assert set(old["events"]) < set(new["events"]), claim_id  # + the text revision
            assert new["type"] == claim_type
            assert label in new["labels"] and "ReportedSpeech" not in new["labels"]
            assert {a["source"] for a in new["appearances"]} == {"article-001"}
            assert all(
                (a["stance"], a["speaker"], a["speaker_stance"]) == ("reports", speaker, "asserts")
                and a["reporting"]
                for a in new["appearances"]
            ), claim_id
            assert all(p == "report" for p in new["premise_as"]), claim_id
        assert after["c-trump-said-israel-must-finish"]["premise_as"] == ["report", "report"]
    finally:
        seeded_snapshot.restore(store)
