"""Seeding against the real server: schema, idempotency, history, failures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kb.config import CYPHER_DIR, Settings
from kb.db import Store, records
from kb.derived.full import recompute_all
from kb.errors import SeedError
from kb.seeding.loader import apply_scripts, discover_scripts, script_changes
from kb.services.stats import constraint_names, graph_stats
from tests.integration.test_cli import assert_one_line_error, run_kb

EXPECTED_CONSTRAINTS = {
    "source_id",
    "claim_id",
    "actor_id",
    "topic_id",
    "causal_link_id",
    "evidence_slot_id",
    "applied_script_id",
    "supports_id",
    "attacks_id",
}


def snapshot(store: Store) -> tuple[list[Any], list[Any]]:
    """Every node and relationship with its properties, in a stable order."""
    nodes = store.read(
        records,
        "MATCH (n) WHERE NOT n:AppliedScript "
        "RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id",
    )
    relationships = store.read(
        records,
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, "
        "properties(r) AS props ORDER BY a, type, b, r.id, r.start",
    )
    return nodes, relationships


def test_every_identifier_has_a_uniqueness_constraint(seeded_store: Store) -> None:
    assert EXPECTED_CONSTRAINTS <= set(constraint_names(seeded_store))


def test_full_text_indexes_exist(seeded_store: Store) -> None:
    rows = seeded_store.read(
        records, "SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state ORDER BY name"
    )
    assert {row["name"]: row["state"] for row in rows} == {
        "assertion_quote": "ONLINE",
        "claim_text": "ONLINE",
    }


def test_second_run_skips_everything(seeded_store: Store) -> None:
    results = apply_scripts(seeded_store, discover_scripts(CYPHER_DIR), recompute=recompute_all)
    assert {result.action for result in results} == {"skipped"}


def test_applying_every_script_twice_leaves_the_same_graph(seeded_store: Store) -> None:
    before = snapshot(seeded_store)
    counts_before = graph_stats(seeded_store)
    results = apply_scripts(
        seeded_store, discover_scripts(CYPHER_DIR), reapply_all=True, recompute=recompute_all
    )
    assert {result.action for result in results} == {"reapplied"}
    assert graph_stats(seeded_store) == counts_before
    assert snapshot(seeded_store) == before


def test_history_records_each_script_with_its_checksum(seeded_store: Store) -> None:
    scripts = discover_scripts(CYPHER_DIR)
    rows = seeded_store.read(
        records, "MATCH (s:AppliedScript) RETURN s.id AS name, s.checksum AS checksum"
    )
    assert {row["name"]: row["checksum"] for row in rows} == {
        script.name: script.checksum for script in scripts
    }


def _copy_scripts(tmp_path: Path) -> Path:
    for kind in ("schema", "seed"):
        (tmp_path / kind).mkdir()
        for path in (CYPHER_DIR / kind).glob("*.cypher"):
            (tmp_path / kind / path.name).write_bytes(path.read_bytes())
    return tmp_path


def test_a_changed_applied_script_is_refused_without_the_flag(
    seeded_store: Store, tmp_path: Path
) -> None:
    cypher_dir = _copy_scripts(tmp_path)
    source_script = next((cypher_dir / "seed").glob("V002__*.cypher"))
    source_script.write_text(source_script.read_text() + "\n// edited\n", encoding="utf-8")
    before = snapshot(seeded_store)
    with pytest.raises(SeedError, match=r"seed/V002__.*changed after it was applied"):
        apply_scripts(seeded_store, discover_scripts(cypher_dir), recompute=recompute_all)
    assert snapshot(seeded_store) == before
    old = {s.name: s.checksum for s in discover_scripts(CYPHER_DIR)}[
        "seed/V002__article_001_source.cypher"
    ]
    edited = discover_scripts(cypher_dir)
    results = apply_scripts(
        seeded_store, edited, change_reason="a comment was added", recompute=recompute_all
    )
    assert [r.action for r in results if r.name.startswith("seed/V002")] == ["reapplied"]
    new = {s.name: s.checksum for s in edited}["seed/V002__article_001_source.cypher"]
    [change] = script_changes(seeded_store)
    assert change["script"] == "seed/V002__article_001_source.cypher"
    assert (change["old_checksum"], change["new_checksum"]) == (old, new)
    assert change["reason"] == "a comment was added"
    assert change["at"]
    # the history now holds the edited script's checksum, and the change that led there
    applied = {
        r["name"]: r["checksum"]
        for r in seeded_store.read(
            records, "MATCH (s:AppliedScript) RETURN s.id AS name, s.checksum AS checksum"
        )
    }
    assert applied["seed/V002__article_001_source.cypher"] == new


def test_seed_cli_needs_a_reason_to_apply_a_changed_script(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    result = run_kb(neo4j_settings, "seed", "--allow-changed")
    assert_one_line_error(result, "--allow-changed needs --reason")


def test_a_failing_statement_names_file_and_statement_and_writes_nothing(
    seeded_store: Store, tmp_path: Path
) -> None:
    cypher_dir = _copy_scripts(tmp_path)
    (cypher_dir / "seed" / "V900__broken.cypher").write_text(
        "MERGE (:Claim {id: 'c-should-not-exist'});\n"
        "// the next statement; is broken\n"
        "MATCH (n RETURN n;\n",
        encoding="utf-8",
    )
    with pytest.raises(SeedError) as raised:
        apply_scripts(seeded_store, discover_scripts(cypher_dir), recompute=recompute_all)
    message = str(raised.value)
    assert message.startswith("seed/V900__broken.cypher, statement 2 (line 3) failed:")
    assert "\n" not in message
    leftover = seeded_store.read(
        records, "MATCH (c:Claim {id: 'c-should-not-exist'}) RETURN count(c) AS n"
    )
    assert leftover == [{"n": 0}]
    applied = seeded_store.read(
        records, "MATCH (s:AppliedScript {id: 'seed/V900__broken.cypher'}) RETURN s"
    )
    assert applied == []


def test_badly_named_script_is_refused(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "seed").mkdir()
    (tmp_path / "seed" / "claims.cypher").write_text("RETURN 1;", encoding="utf-8")
    with pytest.raises(SeedError, match="V001__what.cypher"):
        discover_scripts(tmp_path)
