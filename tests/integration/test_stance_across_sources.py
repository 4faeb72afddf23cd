"""Issue 19 across three sources: the samples and a third invented source full of
attributed statements and denials (tests/fixtures/stance/dispatch-001.*, fictional).

Imported through the import service on top of the seeded article, exactly as
`kb import --apply` does, into a copy of `cypher/`. The module imports once and
puts the seeded graph back at the end, so other tests never see these sources.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kb.config import CORPUS_DIR, CYPHER_DIR, Settings
from kb.db import Store, records
from kb.derived import full
from kb.services.agreement import agreement, agreement_counts
from kb.services.annotation import apply_import, plan_import
from kb.services.claims import ClaimFilters, get_claim, list_claims
from kb.services.lint import lint
from tests.graph_snapshot import GraphSnapshot

SAMPLES = CORPUS_DIR / "samples"
DISPATCH = Path(__file__).resolve().parents[1] / "fixtures" / "stance" / "dispatch-001.yaml"
IMPORT_READ_TIMEOUT_SECONDS = 120.0

DELIBERATELY = "c-second-phase-deliberately-stopped"  # article asserts, statement rejects
COMMITTED_SOURCES_QUERY = """
MATCH (s:Source)-[a:ASSERTS]->(c:Claim)
WHERE a.stance IN ['asserts', 'presupposes']
WITH c, count(DISTINCT s) AS committed
WHERE committed >= 2
RETURN c.id AS id ORDER BY id
"""


@pytest.fixture(scope="module")
def three(
    neo4j_settings: Settings,
    seeded_snapshot: GraphSnapshot,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Store]:
    """The seeded article, then wire-001, statement-001 and dispatch-001."""
    store = Store.connect(replace(neo4j_settings, read_timeout_seconds=IMPORT_READ_TIMEOUT_SECONDS))
    if GraphSnapshot.take(store).content != seeded_snapshot.content:
        seeded_snapshot.restore(store)
    cypher_dir = tmp_path_factory.mktemp("stance") / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    try:
        for path in (SAMPLES / "wire-001.yaml", SAMPLES / "statement-001.yaml", DISPATCH):
            apply_import(store, plan_import(store, path, cypher_dir), cypher_dir)
        yield store
    finally:
        seeded_snapshot.restore(store)
        store.close()


def _ids(store: Store, filters: ClaimFilters) -> list[str]:
    page = list_claims(store, filters, 1, 200)
    assert page.total == len(page.items)
    return sorted(item["id"] for item in page.items)


def test_asserted_by_min_lists_only_claims_two_sources_commit_to(three: Store) -> None:
    twice = _ids(three, ClaimFilters(asserted_by_min=2))
    assert twice == [row["id"] for row in three.read(records, COMMITTED_SOURCES_QUERY)]
    # rejected by the statement, only reported by the dispatch: one committed source
    assert DELIBERATELY not in twice
    assert "c-us-active-party" not in twice
    # the article and the wire assert it; the dispatch's denial does not count
    assert "c-second-phase-stopped" in twice


def test_article_and_statement_disagree_on_the_deliberate_stop(three: Store) -> None:
    body = agreement(three, "article-001", "statement-001")
    assert DELIBERATELY in [c["claim_id"] for c in body["disagree"]]
    assert DELIBERATELY not in [c["claim_id"] for c in body["agree"]]


def test_a_reported_speaker_disagrees_for_the_source_that_names_them(three: Store) -> None:
    # statement-001 rejects it; dispatch-001 reports the mediators asserting it
    body = agreement(three, "statement-001", "dispatch-001")
    assert DELIBERATELY in [c["claim_id"] for c in body["disagree"]]
    # the article asserts it and the dispatch only reports it: no disagreement
    article = agreement(three, "article-001", "dispatch-001")
    assert DELIBERATELY in [c["claim_id"] for c in article["reported"]]
    # the dispatch itself rejects what the article asserts
    assert "c-second-phase-stopped" in [c["claim_id"] for c in article["disagree"]]
    # and the spokesperson it reports rejects what the article asserts
    assert "c-us-active-party" in [c["claim_id"] for c in article["disagree"]]


def test_an_attributed_statement_meets_the_claim_asserted_elsewhere(three: Store) -> None:
    claim = get_claim(three, "c-hamas-goals")
    by_source = {s["source_id"]: s for s in claim["by_source"]}
    assert by_source["article-001"]["position"] == "commits"
    assert by_source["dispatch-001"]["position"] == "reports"
    assert by_source["dispatch-001"]["stances"] == ["reports"]
    assert {a["stance"] for a in claim["assertions"]} >= {"asserts", "reports"}
    [hamas] = claim["reported_speakers"]
    assert (hamas["speaker"], hamas["speaker_stance"]) == ("hamas", "asserts")
    assert [r["source_id"] for r in hamas["reported_by"]] == ["dispatch-001"]
    assert hamas["reported_by"][0]["reporting"] == "said"
    assert claim["consensus"] == "agreed"


def test_consensus_is_stored_and_drift_free(three: Store) -> None:
    assert get_claim(three, DELIBERATELY)["consensus"] == "contested"
    assert get_claim(three, "c-us-active-party")["consensus"] == "contested"
    assert get_claim(three, "c-first-phase-comfortable-for-israel")["consensus"] == "single"
    contested = _ids(three, ClaimFilters(consensus="contested"))
    assert contested == _ids(three, ClaimFilters(contested=True))
    assert {DELIBERATELY, "c-us-active-party", "c-second-phase-stopped"} <= set(contested)
    assert list(full.drift(three)) == []


def test_reported_by_min_counts_distinct_speakers(three: Store) -> None:
    reported = _ids(three, ClaimFilters(reported_by_min=1))
    assert {DELIBERATELY, "c-hostages-not-rescued", "c-hamas-goals", "c-us-active-party"} <= set(
        reported
    )
    assert "c-second-phase-stopped" not in reported
    assert _ids(three, ClaimFilters(reported_by_min=2)) == []


def test_agreement_counts_against_every_other_source(three: Store) -> None:
    page = agreement_counts(three, "dispatch-001", 1, 50)
    assert [item["source"]["id"] for item in page.items] == [
        "article-001",
        "statement-001",
        "wire-001",
    ]
    for item in page.items:
        pair = agreement(three, "dispatch-001", item["source"]["id"])
        for key in ("agree", "disagree", "reported", "a_attacks_b", "b_attacks_a"):
            assert item[key] == len(pair[key]), (item, key)
    assert page.total == 3


def test_the_three_sources_break_no_curation_rule(three: Store) -> None:
    assert [v.line() for v in lint(three)] == []
