"""The researchers' queries (`cypher/browser/`), the guide built from them, and where it is served.

Every query file runs against the seeded graph and must give the answer the
API's own services give (or, for questions about evidence and several sources,
the answer after the test adds what the article alone lacks).
"""

from __future__ import annotations

import os
import urllib.request
from typing import Any

import pytest

from kb.config import Settings
from kb.db import Store
from kb.models import Role
from kb.research import BROWSER_DIR, QueryFile, load_query_file, query_files, render_guide
from kb.services import actors as actor_service
from kb.services import graph as graph_service
from kb.services.adhoc import run_read_only
from kb.services.evidence import EvidenceInput, attach_evidence
from kb.services.keys import Principal
from tests.conftest import seed_fresh
from tests.integration.test_cli import run_kb

QUESTIONS = 9  # "Questions the graph must answer" in the domain notes
FILES = {query.path.name: query for query in query_files()}


def rows(store: Store, name: str, **params: Any) -> list[dict[str, Any]]:
    query = FILES[name]
    columns, values = run_read_only(store, query.statement, 1000, {**query.params, **params})
    return [dict(zip(columns, row, strict=True)) for row in values]


def test_one_file_per_question_each_with_title_question_and_comments() -> None:
    questions = [q for q in FILES.values() if q.question and not q.path.name.startswith("00")]
    assert len(questions) == QUESTIONS
    for query in FILES.values():
        assert query.title and query.notes, query.path.name
        assert "$" in query.statement or not query.params, query.path.name


def test_overview_counts_every_claim_by_type(seeded_store: Store) -> None:
    found = rows(seeded_store, "00_overview.cypher")
    assert sum(row["claims"] for row in found) == 91  # after the argument review
    assert {row["type"] for row in found} == {
        "factual",
        "causal",
        "interpretive",
        "predictive",
        "normative",
        "reported_speech",
    }


@pytest.mark.parametrize(
    ("name", "direction", "column"),
    [
        ("01_dependents.cypher", "downstream", "dependent"),
        ("02_premises.cypher", "upstream", "premise"),
    ],
)
def test_walks_match_the_api(seeded_store: Store, name: str, direction: Any, column: str) -> None:
    claim = FILES[name].params["claim"]
    for depth in (1, 10):
        found = rows(seeded_store, name, depth=depth)
        walk = graph_service.walk(seeded_store, str(claim), direction, depth)
        assert found, (name, depth)
        assert {(r[column], r["distance"]) for r in found} == {
            (c.claim_id, c.distance) for c in walk.claims
        }


def test_if_refuted_matches_the_api_impact(seeded_store: Store) -> None:
    found = rows(seeded_store, "03_if_refuted.cypher")
    impact = graph_service.impact(seeded_store, str(FILES["03_if_refuted.cypher"].params["claim"]))
    loses = {r["dependent"] for r in found if r["if_refuted"] == "loses all support"}
    keeps = {r["dependent"] for r in found if r["if_refuted"] == "keeps other support"}
    assert loses == {c.claim_id for c in impact.loses_all_support} != set()
    assert keeps == {c.claim_id for c in impact.keeps_other_support} != set()


def test_causal_chain_is_the_asserted_one(seeded_store: Store) -> None:
    [first, *_] = rows(seeded_store, "04_causal_chain.cypher")
    assert first["links"] == [
        "cl-investigations-prompt-rejection",
        "cl-rejection-leads-to-freeze",
        "cl-freeze-halts-second-phase",
    ]
    assert all(first["mechanisms"])


def test_actor_claims_resolve_an_alias(seeded_store: Store) -> None:
    found = rows(seeded_store, "05_actor_claims.cypher")
    assert {r["actor"] for r in found} == {"United States"}
    page = actor_service.actor_claims(seeded_store, "united-states", None, 1, 200)
    assert {r["claim"] for r in found} == {item["id"] for item in page.items}


def test_open_slots_of_checkable_claims_and_links(seeded_store: Store) -> None:
    found = rows(seeded_store, "06_open_slots.cypher")
    assert {r["kind"] for r in found} == {"claim", "causal link"}
    assert "slot-c-first-phase-announced-1" in {r["slot"] for r in found}


def test_contested_or_refuted_after_analysts_disagree(seeded_store: Store) -> None:
    assert rows(seeded_store, "07_contested_or_refuted.cypher") == []
    alice = Principal("alice", Role.analyst)
    target = "c-second-phase-deliberately-stopped"
    try:
        for url, stance in (
            ("https://example.org/a", "refutes"),
            ("https://example.org/b", "supports"),
        ):
            data = EvidenceInput(url=url, stance=stance, confidence=0.8, rationale="test")
            attach_evidence(seeded_store, "claim", target, data, alice)
        [row] = rows(seeded_store, "07_contested_or_refuted.cypher")
        assert (row["target"], row["status"]) == (target, "contested")
        assert len(row["evidence"]) == 2
    finally:
        seed_fresh(seeded_store)


def test_text_coverage_anchors_every_claim_and_finds_the_footer(seeded_store: Store) -> None:
    found = rows(seeded_store, "08_text_coverage.cypher")
    claims = [r for r in found if r["kind"] == "claim"]
    gaps = [r for r in found if r["kind"] == "no claim"]
    assert len(claims) == 107  # every assertion, the review's rejected views included
    footer = max(gaps, key=lambda gap: gap["start"])  # the donation footer carries no claim
    assert footer["end"] == 6649 and footer["start"] >= 6480 and len(footer["text"]) > 100


def test_across_sources_finds_agreement_and_dispute(seeded_store: Store) -> None:
    assert rows(seeded_store, "09_across_sources.cypher") == []
    try:
        seeded_store.run_autocommit(
            "CREATE (s:Source {id: 'test-second-source', title: 't', text: 'x'}) "
            "WITH s MATCH (a:Claim {id: 'c-hostages-not-rescued'}), "
            "(b:Claim {id: 'c-second-phase-deliberately-stopped'}) "
            "CREATE (s)-[:ASSERTS {quote: 'x', start: 0, end: 1}]->(a) "
            "CREATE (a)-[:ATTACKS {id: 'att-test', source_id: s.id}]->(b)"
        )
        found = {(r["finding"], r["claim"]) for r in rows(seeded_store, "09_across_sources.cypher")}
        assert found == {
            ("asserted by several", "c-hostages-not-rescued"),
            ("disputed across sources", "c-second-phase-deliberately-stopped"),
        }
    finally:
        seed_fresh(seeded_store)


def test_guide_has_a_slide_per_file_with_its_query(tmp_path: Any) -> None:
    guide = render_guide(list(FILES.values()))
    assert guide.count("<slide") == len(FILES) + 1  # the intro, then one per file
    assert guide.count('class="code runnable') >= len(FILES)
    assert ":params {claim: &#x27;c-netanyahu-survives-on-endless-war&#x27;, depth: 10}" in guide
    assert "<script" not in guide


def test_kb_query_file_takes_params(neo4j_settings: Settings, seeded_store: Store) -> None:
    path = BROWSER_DIR / "01_dependents.cypher"
    done = run_kb(
        neo4j_settings,
        "query",
        "--file",
        str(path),
        "--param",
        "depth=1",
        "--param",
        "claim=c-second-phase-provisions",
    )
    assert done.returncode == 0, done.stderr
    expected = graph_service.walk(seeded_store, "c-second-phase-provisions", "downstream", 1).claims
    assert done.stdout.strip().endswith(f"{len(expected)} row(s)")
    bad = run_kb(neo4j_settings, "query", "--file", str(path), "--param", "nonsense")
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1 and "name=value" in bad.stderr


def test_a_query_file_without_a_statement_is_refused(tmp_path: Any) -> None:
    empty = tmp_path / "empty.cypher"
    empty.write_text("// title: nothing\n")
    with pytest.raises(Exception, match="no Cypher statement"):
        load_query_file(empty)
    assert isinstance(FILES["00_overview.cypher"], QueryFile)


@pytest.mark.skipif(
    bool(os.environ.get("KB_TEST_NEO4J_URI") or os.environ.get("KB_TEST_DOCKER")),
    reason="the guide is served by the project's own launcher, not by an external server",
)
def test_the_local_server_serves_guide_and_style_and_opens_them_on_login(
    neo4j_settings: Settings,
) -> None:
    base = f"http://127.0.0.1:{neo4j_settings.local.http_port}"
    with urllib.request.urlopen(f"{base}/kb/guide.html") as response:
        guide = response.read().decode()
    assert guide == render_guide(list(FILES.values()))
    with urllib.request.urlopen(f"{base}/kb/style.grass") as response:
        assert "node.Claim" in response.read().decode()
    with urllib.request.urlopen(f"{base}/browser/") as response:
        assert response.status == 200
    # The Browser reads its settings from the discovery document after login.
    with urllib.request.urlopen(f"{base}/") as response:
        assert response.status == 200
