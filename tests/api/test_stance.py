"""Issue 19: how each source stands to a claim (`ASSERTS.stance`), and answers across
sources that count commitment (asserts, presupposes), not mentions.

On top of the seeded article and the test wire report (tests/second_source.py), the
wire also *rejects* a claim the article asserts and *reports* Hamas saying a claim the
article asserts (a tests-only statement, values as parameters)."""

from __future__ import annotations

from typing import LiteralString

import pytest

from kb.db import Store
from kb.derived.full import recompute_all
from kb.services.merges import merge
from tests.api.openapi_check import CheckedClient
from tests.second_source import SOURCE_ID

REJECTED = "c-second-phase-deliberately-stopped"  # the article asserts it
REPORTED = "c-second-phase-stopped"  # the article asserts it, the wire reports Hamas saying it

_ADD_STANCES: LiteralString = """
MATCH (s:Source {id: $source}), (rejected:Claim {id: $rejected}), (reported:Claim {id: $reported})
CREATE (s)-[:ASSERTS {quote: 'not deliberately stopped', start: 500, end: 524, section: 'body',
                      stance: 'rejects'}]->(rejected)
CREATE (s)-[:ASSERTS {quote: 'the second phase stopped', start: 600, end: 624, section: 'body',
                      stance: 'reports', speaker: 'hamas', speaker_stance: 'asserts',
                      reporting: 'said'}]->(reported)
"""


@pytest.fixture()
def stances(second_source: Store) -> Store:
    second_source.run_autocommit(
        _ADD_STANCES, source=SOURCE_ID, rejected=REJECTED, reported=REPORTED
    )
    recompute_all(second_source)  # as after any seed: the stored consensus follows
    return second_source


# The article's statements it attributes to Trump or Netanyahu (reports since revision 3).
ARTICLE_REPORTS = (
    "c-netanyahu-declared-goal-eliminate-hamas",
    "c-trump-demands-calm",
    "c-trump-said-eliminating-hamas-essential",
    "c-trump-said-hamas-only-obstacle",
    "c-trump-said-israel-must-finish",
)


def _ids(client: CheckedClient, query: str) -> list[str]:
    body = client.get(f"/api/v1/claims?{query}&limit=200").get_json()
    assert body["meta"]["total"] == len(body["items"])
    return sorted(item["id"] for item in body["items"])


def test_the_seeded_article_keeps_its_stances(client: CheckedClient) -> None:
    mediator = client.get("/api/v1/claims/c-view-us-mediator").get_json()
    assert [a["stance"] for a in mediator["assertions"]] == ["rejects", "rejects"]
    stopped = client.get("/api/v1/claims/c-second-phase-stopped").get_json()
    # "Why did the second phase stop in the first place?" presupposes it (seed V005)
    assert {a["stance"] for a in stopped["assertions"]} == {"asserts", "presupposes"}
    assert all(a["speaker"] is None for a in stopped["assertions"])


def test_asserted_by_min_counts_only_committed_sources(
    client: CheckedClient, stances: Store
) -> None:
    twice = _ids(client, "asserted_by_min=2")
    assert REJECTED not in twice and REPORTED not in twice
    assert twice == sorted(("c-hostages-not-rescued", "c-some-saw-turning-point-toward-peace"))


def test_rejected_by_min_and_contested(client: CheckedClient, stances: Store) -> None:
    assert _ids(client, "contested=true") == [REJECTED]
    rejected = _ids(client, "rejected_by_min=1")
    assert REJECTED in rejected and "c-view-us-mediator" in rejected
    assert len(rejected) == 13  # the article's 12 rejected views and the wire's rejection
    assert _ids(client, "rejected_by_min=2") == []
    assert REJECTED not in _ids(client, "contested=false&asserted_by_min=1")


def test_rejected_by_min_below_one_is_a_422(client: CheckedClient) -> None:
    response = client.get("/api/v1/claims?rejected_by_min=0")
    assert response.status_code == 422
    assert "rejected_by_min" in response.get_json()["errors"]["query"]


def test_claim_detail_gives_each_source_its_stance(client: CheckedClient, stances: Store) -> None:
    reported = client.get(f"/api/v1/claims/{REPORTED}").get_json()
    wire = [a for a in reported["assertions"] if a["source_id"] == SOURCE_ID]
    assert [(a["stance"], a["speaker"], a["speaker_stance"], a["reporting"]) for a in wire] == [
        ("reports", "hamas", "asserts", "said")
    ]
    rejected = client.get(f"/api/v1/claims/{REJECTED}").get_json()
    by_source = {(a["source_id"], a["stance"]) for a in rejected["assertions"]}
    assert (SOURCE_ID, "rejects") in by_source and ("article-001", "asserts") in by_source


def test_source_spans_carry_the_stance(client: CheckedClient, stances: Store) -> None:
    article = client.get("/api/v1/sources/article-001").get_json()
    claims = [s for s in article["spans"] if s["kind"] == "claim"]
    mediator = [s["stance"] for s in claims if s["target_id"] == "c-view-us-mediator"]
    assert mediator == ["rejects", "rejects"]
    # the article reports Trump's and Netanyahu's statements (revision 3)
    assert {s["stance"] for s in claims} == {"asserts", "presupposes", "rejects", "reports"}
    assert all(s["stance"] is None for s in article["spans"] if s["kind"] != "claim")
    wire = client.get(f"/api/v1/sources/{SOURCE_ID}").get_json()
    stances = {s["target_id"]: (s["stance"], s["speaker"]) for s in wire["spans"]}
    assert stances[REPORTED] == ("reports", "hamas")
    assert stances[REJECTED] == ("rejects", None)


def test_agreement_sorts_claims_by_commitment(client: CheckedClient, stances: Store) -> None:
    body = client.get(f"/api/v1/sources/article-001/agreement/{SOURCE_ID}").get_json()
    assert "shared" not in body
    assert [c["claim_id"] for c in body["agree"]] == sorted(
        ("c-hostages-not-rescued", "c-some-saw-turning-point-toward-peace")
    )
    [disagree] = body["disagree"]
    assert disagree["claim_id"] == REJECTED
    assert [a["stance"] for a in disagree["b"]] == ["rejects"]
    assert [c["claim_id"] for c in body["reported"]] == [REPORTED]
    # the wire attacks REJECTED, which the article asserts: still a clash
    assert [a["link_id"] for a in body["b_attacks_a"]] == ["att-test-001"]


def test_an_attack_on_a_claim_the_other_rejects_is_no_clash(
    client: CheckedClient, stances: Store
) -> None:
    # The article now only rejects what the wire attacks: the two agree there.
    stances.run_autocommit(
        "MATCH (:Source {id: 'article-001'})-[a:ASSERTS]->(:Claim {id: $claim}) "
        "SET a.stance = 'rejects'",
        claim=REJECTED,
    )
    body = client.get(f"/api/v1/sources/article-001/agreement/{SOURCE_ID}").get_json()
    assert body["b_attacks_a"] == []
    assert REJECTED in [c["claim_id"] for c in body["agree"]]
    assert body["disagree"] == []


def test_appearances_trail_first_known_first(client: CheckedClient, stances: Store) -> None:
    stances.run_autocommit(
        "MATCH (s:Source {id: $source}) SET s.published_on = '2025-11-24'", source=SOURCE_ID
    )
    body = client.get(f"/api/v1/claims/{REPORTED}/appearances").get_json()
    # the dated wire first, then the article (no known date) in text order
    assert [(a["source_id"], a["stance"]) for a in body["items"]][0] == (SOURCE_ID, "reports")
    article = [a for a in body["items"] if a["source_id"] == "article-001"]
    assert [a["start"] for a in article] == sorted(a["start"] for a in article)
    assert body["items"][0]["published_on"] == "2025-11-24"
    assert body["items"][0]["speaker"] == "hamas"
    assert body["meta"]["total"] == len(body["items"]) == 1 + len(article) > 1
    second = client.get(f"/api/v1/claims/{REPORTED}/appearances?limit=1&page=2").get_json()
    assert second["items"] == body["items"][1:2]


def test_appearances_of_an_unknown_claim_is_a_404(client: CheckedClient) -> None:
    response = client.get("/api/v1/claims/c-no-such-claim/appearances")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_claim_detail_groups_by_source_and_reported_speaker(
    client: CheckedClient, stances: Store
) -> None:
    reported = client.get(f"/api/v1/claims/{REPORTED}").get_json()
    by_source = {s["source_id"]: s for s in reported["by_source"]}
    assert by_source[SOURCE_ID]["position"] == "reports"
    assert by_source[SOURCE_ID]["quotes"] == ["the second phase stopped"]
    assert by_source["article-001"]["position"] == "commits"
    assert reported["reported_speakers"] == [
        {
            "speaker": "hamas",
            "speaker_stance": "asserts",
            "reported_by": [
                {"source_id": SOURCE_ID, "quote": "the second phase stopped", "reporting": "said"}
            ],
        }
    ]
    assert reported["consensus"] == "agreed"  # the article and Hamas
    assert client.get(f"/api/v1/claims/{REJECTED}").get_json()["consensus"] == "contested"


def test_consensus_and_reported_by_min_filter_the_list(
    client: CheckedClient, stances: Store
) -> None:
    assert _ids(client, "consensus=contested") == [REJECTED]
    # the article's own reported statements (revision 3) and the wire's report
    assert _ids(client, "reported_by_min=1") == sorted([REPORTED, *ARTICLE_REPORTS])
    assert _ids(client, "reported_by_min=2") == []
    assert REPORTED in _ids(client, "consensus=agreed")
    for bad in ("consensus=maybe", "reported_by_min=0"):
        response = client.get(f"/api/v1/claims?{bad}")
        assert response.status_code == 422, bad
        assert response.mimetype == "application/problem+json"


def test_a_reported_speaker_rejecting_makes_a_claim_contested(
    client: CheckedClient, stances: Store
) -> None:
    stances.run_autocommit(
        "MATCH (:Source {id: $source})-[a:ASSERTS {stance: 'reports'}]->(:Claim {id: $claim}) "
        "SET a.speaker_stance = 'rejects'",
        source=SOURCE_ID,
        claim=REPORTED,
    )
    recompute_all(stances)
    assert _ids(client, "contested=true") == sorted((REJECTED, REPORTED))
    body = client.get(f"/api/v1/sources/article-001/agreement/{SOURCE_ID}").get_json()
    # the wire names Hamas rejecting what the article asserts: a disagreement
    assert sorted(c["claim_id"] for c in body["disagree"]) == sorted((REJECTED, REPORTED))
    assert body["reported"] == []


def test_agreement_counts_against_every_other_source(client: CheckedClient, stances: Store) -> None:
    body = client.get("/api/v1/sources/article-001/agreement").get_json()
    assert body["meta"]["total"] == 1
    [counts] = body["items"]
    assert counts["source"]["id"] == SOURCE_ID
    assert (counts["agree"], counts["disagree"], counts["reported"]) == (2, 1, 1)
    pair = client.get(f"/api/v1/sources/article-001/agreement/{SOURCE_ID}").get_json()
    assert (counts["a_attacks_b"], counts["b_attacks_a"]) == (
        len(pair["a_attacks_b"]),
        len(pair["b_attacks_a"]),
    )
    assert counts["b_attacks_a"] == 1  # att-test-001
    missing = client.get("/api/v1/sources/no-such-source/agreement")
    assert missing.status_code == 404


def test_a_merge_keeps_the_consensus_current(client: CheckedClient, stances: Store) -> None:
    survivor = "c-hostages-not-rescued"  # the article and the wire assert it
    assert client.get(f"/api/v1/claims/{survivor}").get_json()["consensus"] == "agreed"
    # the wire's rejection moves with the merged claim's appearances
    merge(stances, survivor, REJECTED, "Test: the same proposition.", "test-admin")
    assert client.get(f"/api/v1/claims/{survivor}").get_json()["consensus"] == "contested"
    assert survivor in _ids(client, "contested=true")
