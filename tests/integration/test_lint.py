"""`kb lint` on the seeded graph (clean) and on a seed script breaking each rule."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.config import CYPHER_DIR, Settings
from kb.db import Store
from kb.derived.full import recompute_all
from kb.lint.rules import check
from kb.repositories import lint as lint_repo
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services.lint import lint, lint_pages
from tests.integration.test_cli import run_kb
from tests.integration.test_seed import _copy_scripts, snapshot

BROKEN = "seed/V900__broken.cypher"

# Two throwaway claims every broken script can use (ids start with `lint-`).
CLAIMS = """
MERGE (a:Claim {id: 'lint-a'}) SET a.text = 'A.', a.type = 'interpretive', a.checkable = false;
MERGE (b:Claim {id: 'lint-b'}) SET b.text = 'B.', b.type = 'interpretive', b.checkable = false;
"""

SUPPORT = (
    "MATCH (a:Claim {{id: '{a}'}}), (b:Claim {{id: '{b}'}}) "
    "MERGE (a)-[r:SUPPORTS {{id: '{id}'}}]->(b) SET r.quote = '{quote}', r.basis = '{basis}', "
    "r.marker = {marker}, r.rationale = 'Test.';\n"
)


def support(a: str, b: str, link_id: str, **kw: str) -> str:
    values = {"quote": "because", "basis": "curator", "marker": "null", **kw}
    return SUPPORT.format(a=a, b=b, id=link_id, **values)


def assertion(claim: str, start: int, end: int, mode: str) -> str:
    return (
        f"MATCH (s:Source {{id: 'article-001'}}), (c:Claim {{id: '{claim}'}}) "
        f"MERGE (s)-[r:ASSERTS {{start: {start}}}]->(c) "
        f"SET r.end = {end}, r.quote = substring(s.text, {start}, {end - start}), "
        f"r.stance = '{mode}';\n"
    )


CASES = {
    "no-cycle": (
        "lint-ab",
        CLAIMS + support("lint-a", "lint-b", "lint-ab") + support("lint-b", "lint-a", "lint-ba"),
    ),
    "restated-support": (
        "lint-ab",
        CLAIMS
        + "MATCH (b:Claim {id: 'lint-b'}) SET b.restates = 'lint-a';\n"
        + support("lint-a", "lint-b", "lint-ab"),
    ),
    "presupposition-premise": (
        "lint-ab",
        CLAIMS
        + assertion("lint-a", 861, 910, "presupposes")
        + support("lint-a", "lint-b", "lint-ab"),
    ),
    "doubled-link": (
        "lint-ab",
        CLAIMS
        + support("lint-a", "lint-b", "lint-ab")
        + "MATCH (a:Claim {id: 'lint-a'}), (b:Claim {id: 'lint-b'}) "
        "MERGE (l:CausalLink {id: 'lint-cl'}) SET l.basis = 'curator', l.rationale = 'Test.' "
        "MERGE (a)-[:CAUSE_OF]->(l) MERGE (l)-[:LEADS_TO]->(b);\n",
    ),
    "link-basis": (
        "lint-ab",
        CLAIMS + support("lint-a", "lint-b", "lint-ab").replace("r.basis = 'curator', ", ""),
    ),
    "connective-marker": (
        "lint-ab",
        CLAIMS + support("lint-a", "lint-b", "lint-ab", basis="connective", marker="'therefore'"),
    ),
    "reported-speech": (
        "lint-a",
        "MERGE (a:Claim {id: 'lint-a'}) "
        "SET a.text = 'Someone said A.', a.type = 'reported_speech', a.checkable = true;\n",
    ),
    "type-checkable": (
        "lint-a",
        "MERGE (a:Claim {id: 'lint-a'}) "
        "SET a.text = 'A.', a.type = 'interpretive', a.checkable = true;\n",
    ),
    "marker-is-connective": (
        "lint-ab",
        CLAIMS
        + support(
            "lint-a",
            "lint-b",
            "lint-ab",
            basis="connective",
            marker="'did not'",
            quote="it did not stop",
        ),
    ),
    "duplicate-link": (
        "lint-ab2",
        CLAIMS + support("lint-a", "lint-b", "lint-ab") + support("lint-a", "lint-b", "lint-ab2"),
    ),
    "span-matches-text": (
        "lint-a",
        # A span whose stored quote is not the text at its offsets (stale offsets).
        CLAIMS
        + assertion("lint-a", 0, 5, "asserts").replace(
            "r.quote = substring(s.text, 0, 5)", "r.quote = 'stale'"
        ),
    ),
    "stance-not-premise": (
        "lint-ab",
        # the article rejects lint-a and argues from it
        CLAIMS
        + assertion("lint-a", 861, 910, "rejects")
        + support("lint-a", "lint-b", "lint-ab").replace(
            "r.rationale = 'Test.'", "r.rationale = 'Test.', r.source_id = 'article-001'"
        ),
    ),
    "stance-consistent": (
        "lint-a",
        # the article both asserts and rejects lint-a, no rationale
        CLAIMS + assertion("lint-a", 861, 910, "asserts") + assertion("lint-a", 0, 5, "rejects"),
    ),
    "rejected-view-not-premise": (
        "lint-ab",
        # lint-a is recorded as a rejected view, yet it supports lint-b
        CLAIMS + "MATCH (a:Claim {id: 'lint-a'}) "
        "SET a.framing = 'rejected_view', a.held_by = 'author-framing';\n"
        + support("lint-a", "lint-b", "lint-ab"),
    ),
    "hedge": (
        "lint-a",
        # "why Trump appears convinced that ..." paraphrased without the hedge
        CLAIMS + assertion("lint-a", 768, 859, "asserts"),
    ),
}


@pytest.fixture()
def restored(seeded_store: Store) -> Iterator[Store]:
    """The seeded store; what a broken script adds (ids `lint-*`) is removed afterwards."""
    before = snapshot(seeded_store)
    yield seeded_store
    seeded_store.run_autocommit(
        "MATCH (n) WHERE n.id STARTS WITH 'lint-' OR n.id = 'seed/V900__broken.cypher' "
        "DETACH DELETE n"
    )
    assert snapshot(seeded_store) == before


def test_the_seeded_graph_passes_every_rule(seeded_store: Store) -> None:
    assert [v.line() for v in lint(seeded_store, CYPHER_DIR)] == []


def test_kb_lint_exits_zero_on_the_seeded_graph(
    seeded_store: Store, neo4j_settings: Settings
) -> None:
    result = run_kb(neo4j_settings, "lint")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("rule", sorted(CASES))
def test_a_script_breaking_a_rule_is_named_with_its_id_and_rule(
    restored: Store, tmp_path: Path, rule: str
) -> None:
    item_id, script = CASES[rule]
    cypher_dir = _copy_scripts(tmp_path)
    (cypher_dir / "seed" / "V900__broken.cypher").write_text(script, encoding="utf-8")
    apply_scripts(restored, discover_scripts(cypher_dir), recompute=recompute_all)
    lines = [v.line() for v in lint(restored, cypher_dir)]
    assert f"{BROKEN}: {item_id}: {rule}:" in "\n".join(lines), lines
    assert all(line.startswith(f"{BROKEN}: lint-") for line in lines), lines
    assert all("\n" not in line for line in lines)
    # Read a few claims a page (the article's pages hold every kind of link), the
    # paged lint finds what the rules find over every row at once.
    whole = restored.read(lambda tx: check(lint_repo.claim_rows(tx), lint_repo.link_rows(tx)))
    assert lint_pages(restored, page=7) == sorted(
        set(whole), key=lambda v: (v.id, v.rule, v.message)
    )


def test_kb_lint_prints_one_line_per_violation_and_fails(
    restored: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    cypher_dir = _copy_scripts(tmp_path)
    (cypher_dir / "seed" / "V900__broken.cypher").write_text(
        CASES["type-checkable"][1], encoding="utf-8"
    )
    apply_scripts(restored, discover_scripts(cypher_dir), recompute=recompute_all)
    result = run_kb(neo4j_settings, "lint", "--cypher-dir", str(cypher_dir))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{BROKEN}: lint-a: type-checkable: interpretive claims are checkable=False, "
        "this one is True with no checkable_reason"
    ]
