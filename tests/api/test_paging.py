"""Pages that cost a page, and walks whose answers stay small (issue 8).

The caps are module constants; lowering them here makes the seeded article
(91 claims) behave as a large graph would past them.
"""

from __future__ import annotations

import pytest

from kb.repositories import claims as claim_repo
from kb.repositories import paging
from tests.api.openapi_check import CheckedClient

API = "/api/v1"
HUB = "c-netanyahu-survives-on-endless-war"


def ids(body: dict) -> list[str]:  # type: ignore[type-arg]
    return [item["id"] for item in body["items"]]


def test_an_unfiltered_total_is_exact(
    client: CheckedClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paging, "COUNT_CAP", 10)  # the count store answers, not a capped count
    meta = client.get(f"{API}/claims?limit=5").get_json()["meta"]
    assert meta == {
        "page": 1,
        "limit": 5,
        "total": 91,
        "total_is_estimate": False,
        "pages": 19,
        "next_page": 2,
        "next_after": meta["next_after"],
    }


def test_a_count_past_the_cap_is_flagged_and_pages_go_on(
    client: CheckedClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = client.get(f"{API}/claims?checkable=false&limit=5&page=3").get_json()
    assert exact["meta"]["total"] == 68
    assert exact["meta"]["total_is_estimate"] is False
    monkeypatch.setattr(paging, "COUNT_CAP", 10)
    first = client.get(f"{API}/claims?checkable=false&limit=5").get_json()
    assert first["meta"]["total_is_estimate"] is True
    assert first["meta"]["total"] == 10  # a lower bound: counting stopped there
    assert first["meta"]["next_page"] == 2
    # a page past the count is still served, the same as without the cap
    third = client.get(f"{API}/claims?checkable=false&limit=5&page=3").get_json()
    assert ids(third) == ids(exact)
    assert third["meta"]["total"] >= 15
    assert third["meta"]["next_page"] == 4
    # past the last match: an empty page, and no next one
    end = client.get(f"{API}/claims?checkable=false&limit=5&page=15").get_json()
    assert end["items"] == []
    assert end["meta"]["next_page"] is None


def test_other_lists_flag_their_capped_counts(
    client: CheckedClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paging, "COUNT_CAP", 3)
    for url in ("/actors", "/slots", "/causal-links", "/actors/united-states/claims"):
        meta = client.get(f"{API}{url}?limit=2").get_json()["meta"]
        assert meta["total_is_estimate"] is True, url
        assert meta["next_page"] == 2, url


def test_a_search_counts_within_its_window(
    client: CheckedClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"{API}/claims?q=second+phase&limit=3"
    whole = client.get(url).get_json()
    assert whole["meta"]["total_is_estimate"] is False
    assert whole["meta"]["total"] > 3
    monkeypatch.setattr(claim_repo, "PAGE_SEARCH_WINDOW", 1)
    # another URL: the same one may be answered from the response cache of the first
    windowed = client.get(f"{url}&page=1").get_json()
    assert windowed["meta"]["total_is_estimate"] is True
    # each index answers its best skip + limit hits: the best hit is still first, and the
    # page holds only true matches (a claim quoted twice may crowd out a third one)
    assert len(windowed["items"]) == 3
    assert windowed["items"][0]["score"] == whole["items"][0]["score"]
    everything = client.get(f"{API}/claims?q=second+phase&limit=200").get_json()
    assert set(ids(windowed)) <= set(ids(everything))
    # a filtered search keeps the wide window (its filter looks among the best 1,000)
    checkable = client.get(f"{API}/claims?q=second+phase&checkable=true&limit=200").get_json()
    expected = {item["id"] for item in everything["items"] if item["checkable"]}
    assert checkable["meta"]["total_is_estimate"] is False
    assert set(ids(checkable)) == expected and expected


def test_walks_page_nearest_first_and_count_every_claim_reached(client: CheckedClient) -> None:
    url = f"{API}/claims/{HUB}/dependents"
    whole = client.get(url).get_json()
    total = whole["meta"]["total"]
    assert total == len(whole["claims"]) > 3
    assert whole["meta"]["limit"] == 200
    joined, page = [], 1
    while page:
        body = client.get(f"{url}?limit=2&page={page}").get_json()
        assert len(body["claims"]) <= 2
        assert body["meta"]["total"] == total
        joined += body["claims"]
        page = body["meta"]["next_page"]
    assert joined == whole["claims"]
    assert client.get(f"{url}?limit=1001").status_code == 422
    assert client.get(f"{API}/claims/{HUB}/dependencies?limit=0").status_code == 422


def test_a_walk_answer_grows_with_the_claims_reached_not_their_paths(
    client: CheckedClient,
) -> None:
    body = client.get(f"{API}/claims/{HUB}/dependents?depth=50").get_json()
    assert max(claim["distance"] for claim in body["claims"]) >= 2
    for claim in body["claims"]:
        assert "path" not in claim
        assert set(claim["via"]) == {"claim_id", "link_id", "kind", "basis", "marker", "rationale"}


def test_a_search_page_past_the_ranked_window_is_empty(client: CheckedClient) -> None:
    body = client.get("/api/v1/claims?q=second+phase&page=999999&limit=50").get_json()
    assert body["items"] == []
    assert body["meta"]["total"] > 0  # the count still answers


def test_a_cursor_walks_the_same_claims_as_page_numbers(client: CheckedClient) -> None:
    by_page: list[str] = []
    for page in range(1, 11):
        by_page += ids(client.get(f"{API}/claims?checkable=false&limit=7&page={page}").get_json())
    by_cursor: list[str] = []
    url = f"{API}/claims?checkable=false&limit=7"
    while True:
        body = client.get(url).get_json()
        by_cursor += ids(body)
        # the total counts from the cursor: the matches not yet seen
        assert body["meta"]["total"] == 68 - len(by_cursor) + len(ids(body))
        if body["meta"]["next_after"] is None:
            break
        assert body["meta"]["next_after"] == ids(body)[-1]
        url = f"{API}/claims?checkable=false&limit=7&after={body['meta']['next_after']}"
    assert by_cursor == by_page == sorted(by_page)
    assert len(by_cursor) == 68


def test_a_cursor_with_a_page_number_pages_on_from_the_cursor(client: CheckedClient) -> None:
    everything = ids(client.get(f"{API}/claims?limit=100").get_json())
    third = client.get(f"{API}/claims?limit=5&page=3&after={everything[9]}").get_json()
    assert ids(third) == everything[20:25]
    assert third["meta"]["total"] == len(everything) - 10


def test_a_cursor_past_every_id_is_an_empty_last_page(client: CheckedClient) -> None:
    body = client.get(f"{API}/claims?after=zzz&limit=5").get_json()
    assert body["items"] == []
    assert body["meta"]["total"] == 0
    assert body["meta"]["next_after"] is None


def test_a_search_filters_by_the_cursor_and_offers_none(client: CheckedClient) -> None:
    hits = ids(client.get(f"{API}/claims?q=hostages&limit=100").get_json())
    assert len(hits) >= 2
    cut = sorted(hits)[0]
    after = client.get(f"{API}/claims?q=hostages&limit=100&after={cut}").get_json()
    assert sorted(ids(after)) == sorted(hit for hit in hits if hit > cut)
    assert client.get(f"{API}/claims?q=hostages&limit=1").get_json()["meta"]["next_after"] is None
