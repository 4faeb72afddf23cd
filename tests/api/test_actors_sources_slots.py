"""Actors (with aliases), sources (text, spans, coverage) and the slot work list."""

from __future__ import annotations

from tests.api.openapi_check import CheckedClient

API = "/api/v1"


def test_actors_are_listed_with_aliases(client: CheckedClient) -> None:
    body = client.get(f"{API}/actors").get_json()
    assert body["meta"]["total"] == 14
    actors = {actor["id"]: actor for actor in body["items"]}
    assert "Washington" in actors["united-states"]["aliases"]
    assert all(actor["claim_count"] > 0 for actor in actors.values())
    people = client.get(f"{API}/actors?kind=person").get_json()["items"]
    assert {"netanyahu", "trump"} <= {actor["id"] for actor in people}


def test_an_alias_resolves_to_its_actor(client: CheckedClient) -> None:
    for alias in ("Washington", "america", "the US", "united-states"):
        body = client.get(f"{API}/actors/{alias}").get_json()
        assert body["id"] == "united-states", alias
    assert client.get(f"{API}/actors/Atlantis").status_code == 404


def test_claims_attributed_to_an_actor(client: CheckedClient) -> None:
    body = client.get(f"{API}/actors/trump/claims?role=speaker").get_json()
    assert {claim["id"] for claim in body["items"]} == {
        "c-trump-said-israel-must-finish",
        "c-trump-said-eliminating-hamas-essential",
        "c-trump-said-hamas-only-obstacle",
        "c-trump-demands-calm",
    }
    assert all("speaker" in claim["roles"] for claim in body["items"])
    everything = client.get(f"{API}/actors/trump/claims").get_json()
    assert everything["meta"]["total"] > body["meta"]["total"]


def test_source_has_text_null_metadata_open_slots_and_spans(client: CheckedClient) -> None:
    listed = client.get(f"{API}/sources").get_json()
    assert [source["id"] for source in listed["items"]] == ["article-001"]
    source = client.get(f"{API}/sources/article-001").get_json()
    assert (source["author"], source["publisher"], source["published_on"], source["url"]) == (
        None,
        None,
        None,
        None,
    )
    assert {slot["field"] for slot in source["slots"] if slot["status"] == "open"} == {
        "author",
        "publisher",
        "published_on",
        "url",
    }
    assert len(source["text"]) == source["length"] == 6649
    claims = [span for span in source["spans"] if span["kind"] == "claim"]
    assert len(claims) == 107  # V005: 13 rejected-view spans (the hedged intro moved)
    for span in source["spans"]:
        assert source["text"][span["start"] : span["end"]] == span["quote"]
    assert client.get(f"{API}/sources/nope").status_code == 404


def test_coverage_shows_what_carries_no_claim(client: CheckedClient) -> None:
    body = client.get(f"{API}/sources/article-001/coverage").get_json()
    gaps = {gap["text"] for gap in body["uncovered"]}
    footer = [gap for gap in body["uncovered"] if gap["text"].startswith("Our Website")]
    assert footer and footer[0]["start"] == 6485
    assert "The key question" in gaps
    assert 0.9 < body["covered_ratio"] < 1.0
    text = client.get(f"{API}/sources/article-001").get_json()["text"]
    for gap in body["uncovered"]:
        assert text[gap["start"] : gap["end"]] == gap["text"]


def test_open_slots_work_list(client: CheckedClient) -> None:
    body = client.get(f"{API}/slots?status=open&limit=200").get_json()
    # V005: +1 claim, +8 causal link, -5 superseded; V008 (revision 2): +2 causal links
    assert body["meta"]["total"] == 74
    kinds = {slot["kind"] for slot in body["items"]}
    assert kinds == {"claim", "causal_link", "external_id", "source_metadata"}
    trump = [s for s in body["items"] if s["owner"]["id"] == "c-trump-said-israel-must-finish"]
    assert trump[0]["owner"]["label"] == "Claim"
    assert "primary record" in trump[0]["question"].lower()
    links = client.get(f"{API}/slots?kind=causal_link&limit=200").get_json()
    assert links["meta"]["total"] == 37
    labels = [slot["owner"]["label"] for slot in links["items"]]
    assert labels.count("CausalLink") == 32 and labels.count("SupersededCausalLink") == 5
    retired = [s for s in links["items"] if s["owner"]["label"] == "SupersededCausalLink"]
    assert {s["status"] for s in retired} == {"closed"}
    own = client.get(f"{API}/slots?owner=c-us-blocks-un-condemnation").get_json()
    assert own["meta"]["total"] == 2


def test_argument_map_holds_every_claim_and_link_of_the_source(client: CheckedClient) -> None:
    """The graph view's one request: all claims of the source, every link between them."""
    body = client.get(f"{API}/sources/article-001/argument-map").get_json()
    claims = {claim["id"]: claim for claim in body["claims"]}
    listed = client.get(f"{API}/claims?source=article-001&limit=200").get_json()
    assert set(claims) == {claim["id"] for claim in listed["items"]}
    kinds = {link["kind"] for link in body["links"]}
    assert kinds == {"supports", "attacks", "causal"}
    # every link says where it comes from, so the graph can draw the curator's apart
    assert {link["basis"] for link in body["links"]} == {"connective", "structure", "curator"}
    by_id = {link["link_id"]: link for link in body["links"]}
    assert by_id["cl-unmet-goal-drives-systematic-killing"]["basis"] == "curator"
    assert all(link["from_id"] in claims and link["to_id"] in claims for link in body["links"])
    detail = client.get(f"{API}/claims/c-netanyahu-survives-on-endless-war").get_json()
    direct = len(detail["supports"]) + len(detail["causes"])
    assert claims["c-netanyahu-survives-on-endless-war"]["direct_dependents"] == direct > 0
    assert all(c["status"] == "unverified" and c["standing"] == "intact" for c in claims.values())
    assert client.get(f"{API}/sources/nope/argument-map").status_code == 404
