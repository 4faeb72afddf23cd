"""Questions that only exist with several sources, over the article plus a small
second source written by the test (tests/second_source.py)."""

from __future__ import annotations

from kb.db import Store
from tests.api.openapi_check import CheckedClient
from tests.second_source import ATTACKED, OWN_CLAIM, PREMISE, SHARED, SOURCE_ID, TEXT

ARTICLE = "article-001"


def test_asserted_by_min_keeps_claims_of_several_sources(
    client: CheckedClient, second_source: Store
) -> None:
    body = client.get("/api/v1/claims?asserted_by_min=2&limit=200").get_json()
    assert sorted(item["id"] for item in body["items"]) == sorted(SHARED)
    assert body["meta"]["total"] == 2
    assert all(set(item["sources"]) == {ARTICLE, SOURCE_ID} for item in body["items"])
    one = client.get("/api/v1/claims?asserted_by_min=1&limit=1").get_json()
    everything = client.get("/api/v1/claims?limit=1").get_json()
    # A claim no source commits to (the article's 12 rejected views, and the 5 statements
    # it only reports since its revision 3) is asserted by none.
    only_rejected = client.get("/api/v1/claims?rejected_by_min=1&contested=false").get_json()
    assert only_rejected["meta"]["total"] == 12
    only_reported = client.get("/api/v1/claims?reported_by_min=1&limit=1").get_json()
    assert only_reported["meta"]["total"] == 5
    assert one["meta"]["total"] + 12 + 5 == everything["meta"]["total"]


def test_asserted_by_min_combines_with_other_filters_and_pages(
    client: CheckedClient, second_source: Store
) -> None:
    body = client.get("/api/v1/claims?asserted_by_min=2&type=factual").get_json()
    assert [item["id"] for item in body["items"]] == ["c-hostages-not-rescued"]
    first = client.get("/api/v1/claims?asserted_by_min=2&limit=1&page=1").get_json()
    second = client.get("/api/v1/claims?asserted_by_min=2&limit=1&page=2").get_json()
    assert first["meta"] == {
        "page": 1,
        "limit": 1,
        "total": 2,
        "pages": 2,
        "next_page": 2,
        "total_is_estimate": False,
        "next_after": first["items"][0]["id"],
    }
    assert [first["items"][0]["id"], second["items"][0]["id"]] == sorted(SHARED)
    searched = client.get("/api/v1/claims?asserted_by_min=2&q=hostages").get_json()
    assert [item["id"] for item in searched["items"]] == ["c-hostages-not-rescued"]
    assert client.get("/api/v1/claims?asserted_by_min=3").get_json()["meta"]["total"] == 0


def test_asserted_by_min_below_one_is_a_422(client: CheckedClient) -> None:
    for value in ("0", "-1", "two"):
        response = client.get(f"/api/v1/claims?asserted_by_min={value}")
        assert response.status_code == 422
        assert "asserted_by_min" in response.get_json()["errors"]["query"]


def test_a_claim_lists_every_asserting_source_in_order(
    client: CheckedClient, second_source: Store
) -> None:
    claim = client.get("/api/v1/claims/c-hostages-not-rescued").get_json()
    assertions = claim["assertions"]
    assert [a["source_id"] for a in assertions] == [ARTICLE, SOURCE_ID]
    wire = assertions[1]
    assert wire["source_title"] == "Wire report (test sample)"
    assert TEXT[wire["start"] : wire["end"]] == wire["quote"]
    assert wire["section"] == "body"
    assert claim["sources"] == [ARTICLE, SOURCE_ID]


def test_agreement_lists_shared_claims_and_attacks_both_ways(
    client: CheckedClient, second_source: Store
) -> None:
    response = client.get(f"/api/v1/sources/{ARTICLE}/agreement/{SOURCE_ID}")
    assert response.status_code == 200
    body = response.get_json()
    assert body["source_a"]["id"] == ARTICLE
    assert body["source_b"] == {"id": SOURCE_ID, "title": "Wire report (test sample)"}
    assert [c["claim_id"] for c in body["agree"]] == sorted(SHARED)
    hostages = body["agree"][0]
    assert hostages["a"][0]["quote"] == "Why were the hostages not rescued?"
    assert hostages["b"][0]["quote"] == "The hostages held in Gaza were not rescued"
    # the wire attacks a claim the article asserts
    [wire_attack] = body["b_attacks_a"]
    assert wire_attack["link_id"] == "att-test-001"
    assert (wire_attack["attacker_id"], wire_attack["target_id"]) == (OWN_CLAIM, ATTACKED)
    assert wire_attack["target_source_id"] == ARTICLE
    assert wire_attack["target_assertions"][0]["section"] == "conclusions"
    # the article attacks the view of "some", which the wire asserts too
    assert "att-001" in [a["link_id"] for a in body["a_attacks_b"]]
    assert {(a["source_id"], a["target_id"]) for a in body["a_attacks_b"]} == {(ARTICLE, SHARED[1])}
    # the same, seen from the other side
    mirrored = client.get(f"/api/v1/sources/{SOURCE_ID}/agreement/{ARTICLE}").get_json()
    assert mirrored["a_attacks_b"] == body["b_attacks_a"]
    assert mirrored["b_attacks_a"] == body["a_attacks_b"]


def test_agreement_of_an_unknown_source_is_a_404_and_of_itself_its_claims(
    client: CheckedClient, second_source: Store
) -> None:
    response = client.get(f"/api/v1/sources/{ARTICLE}/agreement/no-such-source")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert "no-such-source" in response.get_json()["detail"]
    assert client.get(f"/api/v1/sources/nope/agreement/{ARTICLE}").status_code == 404
    assert client.get("/api/v1/sources/nope/agreement/nope").status_code == 404
    same = client.get(f"/api/v1/sources/{SOURCE_ID}/agreement/{SOURCE_ID}").get_json()
    assert len(same["agree"]) == 3  # all its claims
    assert [a["link_id"] for a in same["a_attacks_b"]] == []  # its attack is on the article


def test_dependents_restricted_to_one_source(client: CheckedClient, second_source: Store) -> None:
    url = f"/api/v1/claims/{PREMISE}/dependents"
    every = {c["claim_id"] for c in client.get(url).get_json()["claims"]}
    wire = client.get(f"{url}?source={SOURCE_ID}").get_json()
    article = {c["claim_id"] for c in client.get(f"{url}?source={ARTICLE}").get_json()["claims"]}
    assert wire["source"] == SOURCE_ID
    assert [(c["claim_id"], c["via"]["link_id"]) for c in wire["claims"]] == [
        (OWN_CLAIM, "sup-test-001")
    ]
    assert OWN_CLAIM not in article
    assert article  # the article's own dependents of its claim
    assert every == article | {OWN_CLAIM}
    upstream = client.get(f"/api/v1/claims/{OWN_CLAIM}/dependencies?source={ARTICLE}")
    assert upstream.get_json()["claims"] == []
    upstream = client.get(f"/api/v1/claims/{OWN_CLAIM}/dependencies?source={SOURCE_ID}")
    assert [c["claim_id"] for c in upstream.get_json()["claims"]] == [PREMISE]


def test_dependents_of_an_article_causal_chain_follow_its_causal_links(
    client: CheckedClient, seeded_store: Store
) -> None:
    url = "/api/v1/claims/c-netanyahu-survives-on-endless-war/dependents?depth=1"
    every = client.get(url).get_json()["claims"]
    article = client.get(f"{url}&source={ARTICLE}").get_json()["claims"]
    assert any(step["via"]["kind"] == "causal" for step in every)
    assert article == every  # one source: its links are all the links


def test_dependents_of_an_unknown_source_is_a_404(client: CheckedClient) -> None:
    response = client.get(f"/api/v1/claims/{PREMISE}/dependents?source=nope")
    assert response.status_code == 404
    assert "source 'nope' not found" in response.get_json()["detail"]
