"""`kb import --apply` derives again what the import reaches, not the whole graph, and
`kb recompute --check` (the full recomputation) finds nothing to correct afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from kb.config import CYPHER_DIR, PROJECT_ROOT
from kb.db import Store, records
from kb.derived import full
from kb.models import Role
from kb.seeding.loader import discover_scripts
from kb.services import evidence as evidence_service
from kb.services.annotation import apply_import, plan_import
from kb.services.evidence import EvidenceInput
from kb.services.import_derived import recompute_for
from kb.services.keys import Principal

SAMPLES = PROJECT_ROOT / "corpus" / "samples"
ALICE = Principal("alice", Role.analyst)


def _cypher_copy(tmp_path: Path) -> Path:
    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    return cypher_dir


def _derived(store: Store, claim_id: str) -> dict[str, Any]:
    rows = store.read(
        records,
        "MATCH (c:Claim {id: $id}) RETURN c.status AS status, c.standing AS standing, "
        "c.stands_now AS stands_now, c.consensus AS consensus",
        id=claim_id,
    )
    return rows[0]


def test_samples_imported_into_the_seeded_graph_leave_no_drift(
    seeded_store: Store, tmp_path: Path
) -> None:
    """Two sources that add claims, link them to the article's and assert its claims
    again: the stored values equal the full recomputation after each."""
    cypher_dir = _cypher_copy(tmp_path)
    for sample in ("wire-001", "statement-001"):
        plan = plan_import(seeded_store, SAMPLES / f"{sample}.yaml", cypher_dir)
        apply_import(seeded_store, plan, cypher_dir)
        assert list(full.drift(seeded_store)) == [], sample
    # A claim the wire added, derived by the import's own recompute.
    assert _derived(seeded_store, "c-w1-truce-under-strain")["status"] == "unverified"
    assert _derived(seeded_store, "c-w1-truce-under-strain")["standing"] is not None


def test_a_link_from_a_refuted_claim_undermines_the_claim_and_what_rests_on_it(
    seeded_store: Store, tmp_path: Path
) -> None:
    """The import changes the standing of existing claims outside the file, downstream of
    the claim its link leads to; the incremental recompute finds them."""
    premise = seeded_store.read(
        records,
        "MATCH (x:Claim)-[:SUPPORTS]->(:Claim) "
        "WHERE NOT EXISTS { (:Claim)-[:SUPPORTS]->(x) } "
        "  AND NOT EXISTS { (:CausalLink)-[:LEADS_TO]->(x) } AND x.standing = 'intact' "
        "RETURN x.id AS id, x.text AS text ORDER BY id LIMIT 1",
    )[0]
    loose = seeded_store.read(
        records,
        "MATCH (r:Claim) WHERE r.id <> $x AND NOT EXISTS { (r)-[:SUPPORTS|CAUSE_OF]-() } "
        "  AND NOT EXISTS { (r)<-[:SUPPORTS|LEADS_TO]-() } "
        "RETURN r.id AS id, r.text AS text ORDER BY id LIMIT 1",
        x=premise["id"],
    )[0]
    downstream = seeded_store.read(
        records,
        "MATCH (:Claim {id: $x})-[:SUPPORTS]->(y:Claim) RETURN y.id AS id ORDER BY id",
        x=premise["id"],
    )
    refuting = EvidenceInput(
        url="https://example.org/rebuttal",
        title="A rebuttal",
        stance="refutes",
        confidence=0.9,
        rationale="It contradicts the claim.",
    )
    evidence_service.attach_evidence(seeded_store, "claim", loose["id"], refuting, ALICE)
    assert _derived(seeded_store, loose["id"])["status"] == "refuted"
    before = {row["id"]: _derived(seeded_store, row["id"]) for row in downstream}

    first, second = loose["text"].rstrip("."), premise["text"].rstrip(".")
    text = f"{first}, and so {second}."
    path = tmp_path / "link.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "format": "kb-annotation/1",
                "source": {
                    "id": "fixture-refuted-premise",
                    "title": "A fictional note linking two claims (test fixture)",
                    "kind": "news_report",
                    "language": "en",
                    "fictional": True,
                    "text": text,
                },
                "claims": [
                    {"ref": loose["id"], "quote": first},
                    {"ref": premise["id"], "quote": second},
                ],
                "links": [
                    {
                        "id": "sup-fx-refuted-premise",
                        "kind": "supports",
                        "from": loose["id"],
                        "to": premise["id"],
                        "quote": text.rstrip("."),
                        "basis": "connective",
                        "marker": "and so",
                        "rationale": "The note gives the first as the reason for the second.",
                    }
                ],
            },
            sort_keys=False,
        )
    )
    cypher_dir = _cypher_copy(tmp_path)
    apply_import(seeded_store, plan_import(seeded_store, path, cypher_dir), cypher_dir)

    assert _derived(seeded_store, premise["id"])["standing"] == "undermined"
    assert _derived(seeded_store, premise["id"])["stands_now"] is False
    after = {row["id"]: _derived(seeded_store, row["id"]) for row in downstream}
    assert before != after  # claims the file never names changed too
    assert list(full.drift(seeded_store)) == []


def test_the_full_recompute_runs_when_other_seeds_are_pending(
    seeded_store: Store, tmp_path: Path
) -> None:
    """Only the import's script pending: its reach; another seed pending too: everything."""
    cypher_dir = _cypher_copy(tmp_path)
    plan = plan_import(seeded_store, SAMPLES / "wire-001.yaml", cypher_dir)
    (cypher_dir / plan.script_name).write_text(plan.script_text, encoding="utf-8")
    alone = recompute_for(
        seeded_store, plan.compiled, plan.script_name, discover_scripts(cypher_dir)
    )
    assert alone is not full.recompute_all
    (cypher_dir / "seed" / "V900__another_seed.cypher").write_text(
        "MERGE (:Topic {id: 'fixture-topic', name: 'A fixture topic'});\n", encoding="utf-8"
    )
    together = recompute_for(
        seeded_store, plan.compiled, plan.script_name, discover_scripts(cypher_dir)
    )
    assert together is full.recompute_all
