"""GET /claims and /claims/{id} on the seeded article."""

from __future__ import annotations

from tests.api.openapi_check import CheckedClient

API = "/api/v1"


def all_pages(client: CheckedClient, url: str, limit: int) -> list[dict]:  # type: ignore[type-arg]
    items, page = [], 1
    while page is not None:
        body = client.get(f"{url}{'&' if '?' in url else '?'}limit={limit}&page={page}").get_json()
        items.extend(body["items"])
        page = body["meta"]["next_page"]
    return items


def test_list_defaults_to_fifty_in_id_order_with_total(client: CheckedClient) -> None:
    body = client.get(f"{API}/claims").get_json()
    assert body["meta"]["total"] == 91
    assert body["meta"]["limit"] == 50
    assert body["meta"]["pages"] == 2
    assert body["meta"]["next_page"] == 2
    ids = [claim["id"] for claim in body["items"]]
    assert len(ids) == 50
    assert ids == sorted(ids)


def test_pagination_is_stable_and_complete(client: CheckedClient) -> None:
    first = [c["id"] for c in all_pages(client, f"{API}/claims", limit=7)]
    second = [c["id"] for c in all_pages(client, f"{API}/claims", limit=7)]
    assert first == second
    assert len(first) == len(set(first)) == 91
    assert first == [c["id"] for c in all_pages(client, f"{API}/claims", limit=200)]


def test_page_past_the_end_is_empty_not_an_error(client: CheckedClient) -> None:
    body = client.get(f"{API}/claims?page=99").get_json()
    assert body["items"] == []
    assert body["meta"]["total"] == 91
    assert body["meta"]["next_page"] is None


def test_every_listed_claim_shows_who_asserts_it(client: CheckedClient) -> None:
    for claim in all_pages(client, f"{API}/claims", limit=200):
        assert claim["sources"] == ["article-001"]
        assert claim["status"] == "unverified"
        assert claim["standing"] == "intact"


def test_filter_by_type_and_checkable(client: CheckedClient) -> None:
    # revision 3 of the article: reported statements are their content (`reports` appearances)
    speech = client.get(f"{API}/claims?type=reported_speech").get_json()
    assert [c["id"] for c in speech["items"]] == ["c-some-saw-turning-point-toward-peace"]
    normative = client.get(f"{API}/claims?type=normative&limit=200").get_json()
    assert {c["id"] for c in normative["items"]} >= {
        "c-trump-said-israel-must-finish",
        "c-trump-said-eliminating-hamas-essential",
        "c-trump-demands-calm",
    }
    assert all(c["type"] == "normative" for c in normative["items"])
    checkable = client.get(f"{API}/claims?checkable=true&limit=200").get_json()
    assert checkable["meta"]["total"] == 23  # V005: both causal-motive claims
    assert all(c["checkable"] for c in checkable["items"])


def test_filter_by_actor_alias_and_role(client: CheckedClient) -> None:
    by_alias = client.get(f"{API}/claims?actor=Washington&limit=200").get_json()
    by_id = client.get(f"{API}/claims?actor=united-states&limit=200").get_json()
    assert by_alias["items"] == by_id["items"]
    assert by_id["meta"]["total"] == 16  # V005 adds two rejected views about it
    spoken = client.get(f"{API}/claims?actor=trump&role=speaker").get_json()
    assert {c["id"] for c in spoken["items"]} == {
        "c-trump-said-israel-must-finish",
        "c-trump-said-eliminating-hamas-essential",
        "c-trump-said-hamas-only-obstacle",
        "c-trump-demands-calm",
    }


def test_filter_by_topic_source_and_slot(client: CheckedClient) -> None:
    topic = client.get(f"{API}/claims?topic=second-phase&limit=200").get_json()
    assert "c-netanyahu-froze-second-phase" in {c["id"] for c in topic["items"]}
    assert client.get(f"{API}/claims?source=article-001").get_json()["meta"]["total"] == 91
    assert client.get(f"{API}/claims?source=nope").get_json()["meta"]["total"] == 0
    open_slots = client.get(f"{API}/claims?slot=open&limit=200").get_json()
    assert open_slots["meta"]["total"] == 23  # every checkable claim, and only those
    none = client.get(f"{API}/claims?slot=none&limit=200").get_json()
    assert none["meta"]["total"] == 91 - 23


def test_full_text_search_finds_words_of_quotes_ranked(client: CheckedClient) -> None:
    body = client.get(f"{API}/claims?q=hostages").get_json()
    ids = [c["id"] for c in body["items"]]
    assert ids[0] == "c-hostages-not-rescued"
    scores = [c["score"] for c in body["items"]]
    assert scores == sorted(scores, reverse=True)
    # "rubble" occurs only in a quote ("a peace built over rubble"), not in paraphrases
    quote_only = client.get(f"{API}/claims?q=rubble").get_json()
    assert "c-peace-built-over-rubble" in [c["id"] for c in quote_only["items"]]


def test_search_text_with_lucene_operators_is_plain_text(client: CheckedClient) -> None:
    response = client.get(f"{API}/claims?q=%22total%20victory%22%20AND%20(OR")
    assert response.status_code == 200
    assert response.get_json()["meta"]["total"] >= 1


def test_claim_detail_has_assertions_actors_links_and_slots(client: CheckedClient) -> None:
    claim = client.get(f"{API}/claims/c-trump-said-israel-must-finish").get_json()
    assert claim["text"] == "Israel must finish the problem in Gaza."
    assert claim["type"] == "normative"
    assert claim["checkable"] is True  # what can be checked is that Trump said it
    [assertion] = claim["assertions"]
    assert assertion["source_id"] == "article-001"
    assert (assertion["stance"], assertion["speaker"], assertion["reporting"]) == (
        "reports",
        "trump",
        "has openly stated",
    )
    assert "Israel must finish the problem in Gaza" in assertion["quote"]
    assert {"actor_id": "trump", "role": "speaker"}.items() <= {
        **next(a for a in claim["actors"] if a["actor_id"] == "trump")
    }.items()
    assert [slot["status"] for slot in claim["slots"]] == ["open"]
    assert claim["evidence"] == []


def test_claim_detail_quotes_match_the_source_text(client: CheckedClient) -> None:
    text = client.get(f"{API}/sources/article-001").get_json()["text"]
    claim = client.get(f"{API}/claims/c-second-phase-stopped-because-cost-to-israel").get_json()
    assert len(claim["assertions"]) == 2  # introduction and conclusions
    for assertion in claim["assertions"]:
        assert text[assertion["start"] : assertion["end"]] == assertion["quote"]


def test_claim_detail_shows_support_attack_and_causal_links(client: CheckedClient) -> None:
    believed = client.get(f"{API}/claims/c-some-saw-turning-point-toward-peace").get_json()
    attackers = {link["claim_id"] for link in believed["attacked_by"]}
    assert attackers == {"c-agreement-designed-to-keep-war-open"}  # "The reality, however"
    assert {link["basis"] for link in believed["attacked_by"]} == {"connective"}
    assert believed["unattributed"] is True  # "some believed"
    mediator = client.get(f"{API}/claims/c-view-us-mediator").get_json()
    assert (mediator["framing"], mediator["held_by"]) == ("rejected_view", "author-framing")
    assert [a["mode"] for a in mediator["assertions"]] == ["rejects", "rejects"]
    assert [(link["claim_id"], link["marker"]) for link in mediator["attacked_by"]] == [
        # "Because it is not a mediator but ..."; the conclusion's "... not a guarantor
        # of peace." doubled it (att-013, retired in revision 2)
        ("c-us-active-party", "not a mediator but"),
    ]
    froze = client.get(f"{API}/claims/c-netanyahu-froze-second-phase").get_json()
    assert "cl-rejection-leads-to-freeze" in {link["link_id"] for link in froze["caused_by"]}
    assert "cl-freeze-halts-second-phase" in {link["link_id"] for link in froze["causes"]}
    conclusion = client.get(f"{API}/claims/c-second-phase-not-stopped-for-technical-reasons")
    [premise] = conclusion.get_json()["supported_by"]
    assert premise["claim_id"] == "c-second-phase-deliberately-stopped"
    assert premise["basis"] == "curator" and premise["rationale"]
    assert {link["basis"] for link in froze["caused_by"]} == {"connective"}
    assert {link["marker"] for link in froze["caused_by"]} == {"For this reason"}
