"""`kb import`: the article's annotation file, the diff, match proposals, --apply."""

from __future__ import annotations

import shutil
from pathlib import Path

from kb.config import CYPHER_DIR, PROJECT_ROOT, Settings
from kb.db import Store
from kb.derived.full import recompute_all
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services.annotation import apply_import, plan_import
from tests.graph_snapshot import GraphSnapshot
from tests.integration.test_cli import run_kb
from tests.seed_versions import next_seed_version

ARTICLE = PROJECT_ROOT / "corpus" / "article-001.yaml"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "annotations"


def _without_bookkeeping(snapshot: GraphSnapshot) -> tuple[list[str], list[str]]:
    # Revisions are history the seeds made one by one; the file alone compiles the latest.
    return snapshot.content_except("AppliedScript", "SourceRevision", "Event")


def _cypher_copy(tmp_path: Path) -> Path:
    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    return cypher_dir


def test_article_annotation_compiles_to_the_seeded_graph(
    store: Store, seeded_snapshot: GraphSnapshot, tmp_path: Path
) -> None:
    """corpus/article-001.yaml alone gives the graph of seed V002-V006, node by node."""
    plan = plan_import(store, ARTICLE, CYPHER_DIR)
    assert plan.diff.writes_anything is False  # on the seeded graph: nothing to do
    only_compiled = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR / "schema", only_compiled / "schema")
    (only_compiled / "seed").mkdir()
    (only_compiled / "seed" / "V002__article_001.cypher").write_text(plan.script_text)
    try:
        store.run_autocommit("MATCH (n) DETACH DELETE n")
        apply_scripts(store, discover_scripts(only_compiled), recompute=recompute_all)
        compiled = _without_bookkeeping(GraphSnapshot.take(store))
        seeded = _without_bookkeeping(seeded_snapshot)
        assert len(compiled[0]) == len(seeded[0]) and len(compiled[1]) == len(seeded[1])
        assert sorted(set(compiled[0]) ^ set(seeded[0])) == []
        assert sorted(set(compiled[1]) ^ set(seeded[1])) == []
    finally:
        seeded_snapshot.restore(store)


def test_compiled_article_on_top_of_the_seeds_changes_nothing(
    seeded_store: Store, seeded_snapshot: GraphSnapshot, tmp_path: Path
) -> None:
    """Applying the compiled article after V002-V006 (twice) leaves their graph as it was."""
    cypher_dir = _cypher_copy(tmp_path)
    plan = plan_import(seeded_store, ARTICLE, cypher_dir)
    # the article's latest landed revision (the highest script)
    assert plan.script_name == f"seed/{next_seed_version(-1)}__article_001.cypher"
    apply_import(seeded_store, plan, cypher_dir)
    apply_scripts(
        seeded_store, discover_scripts(cypher_dir), reapply_all=True, recompute=recompute_all
    )
    assert _without_bookkeeping(GraphSnapshot.take(seeded_store)) == _without_bookkeeping(
        seeded_snapshot
    )
    again = plan_import(seeded_store, ARTICLE, cypher_dir)
    assert again.reuses_script and again.script_name == plan.script_name


def test_near_duplicate_claim_gets_a_ref_proposal(seeded_store: Store, tmp_path: Path) -> None:
    plan = plan_import(seeded_store, FIXTURES / "near_duplicate.yaml", _cypher_copy(tmp_path))
    proposals = [(m.new_id, m.claim_id) for m in plan.matches]
    assert ("c-fx-second-phase-has-stopped", "c-second-phase-stopped") in proposals
    assert plan.diff.new["claims"] == ["c-fx-second-phase-has-stopped"]
    assert plan.diff.newly_asserted == ["c-first-phase-announced"]
    assert plan.diff.aliases_grow == {"israel": ["the Israeli government"]}


def test_dry_run_writes_nothing_and_apply_writes_and_applies(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    cypher_dir = _cypher_copy(tmp_path)
    before = GraphSnapshot.take(seeded_store).content
    path = str(FIXTURES / "near_duplicate.yaml")
    dry = run_kb(neo4j_settings, "import", path, "--dry-run", "--cypher-dir", str(cypher_dir))
    assert dry.returncode == 0, dry.stderr
    assert "claims: 1 new, 0 changed, 0 unchanged" in dry.stdout
    assert "    - ref: c-second-phase-stopped" in dry.stdout
    assert "dry run: nothing written" in dry.stdout
    name = f"{next_seed_version()}__fixture_near_duplicate.cypher"
    assert not (cypher_dir / "seed" / name).exists()
    assert GraphSnapshot.take(seeded_store).content == before

    applied = run_kb(neo4j_settings, "import", path, "--apply", "--cypher-dir", str(cypher_dir))
    assert applied.returncode == 0, applied.stderr
    script = cypher_dir / "seed" / name
    assert f"applied seed/{name}" in applied.stdout
    assert script.read_text().count("UNWIND [") >= 3
    asserted = seeded_store.read(
        lambda tx: tx.run(
            "MATCH (:Source {id: 'fixture-near-duplicate'})-[a:ASSERTS]->(c:Claim) "
            "RETURN c.id AS id, a.start AS start, a.end AS end ORDER BY id"
        ).data()
    )
    assert asserted == [
        {"id": "c-first-phase-announced", "start": 93, "end": 157},
        {"id": "c-fx-second-phase-has-stopped", "start": 31, "end": 91},
    ]


def test_reported_claim_is_matched_by_what_was_said(seeded_store: Store, tmp_path: Path) -> None:
    """Issue 19: a `reports` appearance meets the claim it repeats, not "X told reporters"."""
    path = FIXTURES / "reported_near_duplicate.yaml"
    plan = plan_import(seeded_store, path, _cypher_copy(tmp_path))
    proposals = [(m.new_id, m.claim_id) for m in plan.matches]
    assert proposals[:1] == [("c-fx-hamas-seeks-end-of-war", "c-hamas-goals")]


def test_dry_run_reports_a_link_whose_rationale_or_marker_changed(
    seeded_store: Store, tmp_path: Path
) -> None:
    """A link the file rewrites (same id, other basis, marker or rationale) is "changed"."""
    text = ARTICLE.read_text(encoding="utf-8")
    text = _rewrite_after(text, "- id: sup-064\n", "  rationale: ", "Offered as evidence.")
    text = _rewrite_after(
        text,
        "- id: cl-electoral-fear-drives-support-for-genocide\n",
        "  marker: ",
        "They therefore",
    )
    shutil.copy(ARTICLE.with_suffix(".txt"), tmp_path / "article-001.txt")
    revised = tmp_path / "article-001.yaml"
    revised.write_text(text, encoding="utf-8")
    plan = plan_import(seeded_store, revised, _cypher_copy(tmp_path))
    assert plan.diff.changed["links"] == {"sup-064": ["rationale"]}
    assert plan.diff.changed["causal links"] == {
        "cl-electoral-fear-drives-support-for-genocide": ["marker"]
    }
    assert plan.diff.new["links"] == [] and plan.diff.new["causal links"] == []
    lines = plan.diff.lines()
    assert "  ~ sup-064 (rationale)" in lines
    assert any(line.startswith("links: 0 new, 1 changed, ") for line in lines), lines


def _rewrite_after(text: str, entry: str, key: str, value: str) -> str:
    """`text` with the first `key` line after `entry` set to `value`."""
    start = text.index(key, text.index(entry))
    end = text.index("\n", start)
    return text[:start] + key + value + text[end:]
