"""`kb draft` against the real database: the known graph it reads, and `kb import` of a draft."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from kb.config import CYPHER_DIR, PROJECT_ROOT, Settings
from kb.db import Store
from kb.drafting import load_known
from tests.graph_snapshot import GraphSnapshot
from tests.integration.test_cli import run_kb

WIRE_TEXT = PROJECT_ROOT / "corpus" / "samples" / "wire-001.txt"


def test_load_known_reads_actors_with_aliases_topics_and_claims_with_quotes(
    seeded_store: Store,
) -> None:
    known = load_known(seeded_store)
    actors = {actor.id: actor for actor in known.actors}
    assert "Benjamin Netanyahu" in actors["netanyahu"].aliases
    assert "second-phase" in {topic.id for topic in known.topics}
    claims = {claim.id: claim for claim in known.claims}
    assert claims["c-second-phase-stopped"].text
    assert claims["c-second-phase-stopped"].quotes
    assert [claim.id for claim in known.claims] == sorted(claims)  # ordered: deterministic


def test_kb_draft_resolves_known_actors_and_proposes_matches_then_import_needs_the_flag(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "wire-x.yaml"
    drafted = run_kb(
        neo4j_settings, "draft", str(WIRE_TEXT), "--source-id", "wire-x", "--out", str(out)
    )
    assert drafted.returncode == 0, drafted.stderr
    text = out.read_text("utf-8")
    data = yaml.safe_load(text)
    assert {"ref": "hamas", "draft": True} in data["actors"]
    assert "# - ref: c-second-phase-stopped" in text
    netanyahu = next(c for c in data["claims"] if "his goal is the elimination" in c["quote"])
    assert (netanyahu["stance"], netanyahu["speaker"]) == ("reports", "netanyahu")

    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    before = GraphSnapshot.take(seeded_store).content
    refused = run_kb(neo4j_settings, "import", str(out), "--cypher-dir", str(cypher_dir))
    assert refused.returncode == 1
    assert ": draft: " in refused.stderr
    accepted = run_kb(
        neo4j_settings, "import", str(out), "--accept-drafts", "--cypher-dir", str(cypher_dir)
    )
    assert ": draft: " not in accepted.stderr
    assert "Traceback" not in accepted.stderr
    # past the refusal, the import's own checks judge the draft as they stand (a dry run)
    assert accepted.stdout.startswith(f"kb import: {out}") or ": " in accepted.stderr
    assert GraphSnapshot.take(seeded_store).content == before
    assert sorted(p.name for p in (cypher_dir / "seed").iterdir()) == sorted(
        p.name for p in (CYPHER_DIR / "seed").iterdir()
    )
