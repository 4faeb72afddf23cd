"""What depends on what: dependents, dependencies, impact, causal chains."""

from __future__ import annotations

from tests.api.openapi_check import CheckedClient

API = "/api/v1"


def reached(body: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    return {claim["claim_id"]: claim for claim in body["claims"]}


def path_to(body: dict, claim_id: str) -> list[dict]:  # type: ignore[type-arg]
    """The explaining path to `claim_id`, from the queried claim, as steps
    `{claim_id (reached), link_id, kind, ...}`, rebuilt from the `via` parent pointers."""
    found = reached(body)
    steps: list[dict] = []  # type: ignore[type-arg]
    while claim_id != body["claim_id"]:
        via = found[claim_id]["via"]
        steps.insert(0, {**via, "claim_id": claim_id})
        claim_id = via["claim_id"]
    return steps


def test_dependents_reach_the_deliberate_stop_with_a_path(client: CheckedClient) -> None:
    body = client.get(f"{API}/claims/c-netanyahu-survives-on-endless-war/dependents").get_json()
    found = reached(body)
    stop = found["c-second-phase-deliberately-stopped"]
    assert stop["distance"] == 1
    assert stop["via"]["claim_id"] == "c-netanyahu-survives-on-endless-war"
    assert stop["via"]["kind"] == "supports"
    # further down: the closing paragraph rests on the conclusion
    closing = found["c-second-phase-not-stopped-for-technical-reasons"]
    assert closing["distance"] == 2
    assert [s["claim_id"] for s in path_to(body, closing["claim_id"])] == [
        "c-second-phase-deliberately-stopped",
        "c-second-phase-not-stopped-for-technical-reasons",
    ]
    assert "c-ummah-duty" in found


def test_walks_return_distinct_claims_with_consistent_parent_pointers(
    client: CheckedClient,
) -> None:
    body = client.get(f"{API}/claims/c-netanyahu-survives-on-endless-war/dependents").get_json()
    ids = [claim["claim_id"] for claim in body["claims"]]
    assert len(ids) == len(set(ids))
    assert "c-netanyahu-survives-on-endless-war" not in ids
    distances = [claim["distance"] for claim in body["claims"]]
    assert distances == sorted(distances)
    found = reached(body)
    for claim in body["claims"]:
        before = claim["via"]["claim_id"]
        # each claim was reached from one a step nearer the start (or the start itself)
        if claim["distance"] == 1:
            assert before == body["claim_id"]
        else:
            assert found[before]["distance"] == claim["distance"] - 1
        assert len(path_to(body, claim["claim_id"])) == claim["distance"]


def test_depth_limits_the_walk(client: CheckedClient) -> None:
    url = f"{API}/claims/c-netanyahu-survives-on-endless-war/dependents"
    shallow = client.get(f"{url}?depth=1").get_json()
    assert {c["distance"] for c in shallow["claims"]} == {1}
    assert shallow["depth"] == 1
    deep = client.get(url).get_json()
    assert len(deep["claims"]) > len(shallow["claims"])


def test_dependencies_of_the_duty_reach_the_because_answers(client: CheckedClient) -> None:
    # Since V005 the closing paragraph rests on nothing (it gives no premises); the duty
    # of the Ummah rests, through the conclusion bullets, on the sections they sum up.
    body = client.get(f"{API}/claims/c-ummah-duty/dependencies").get_json()
    found = reached(body)
    for because_answer in (
        "c-netanyahu-survives-on-endless-war",  # q1
        "c-us-active-party",  # q2
        "c-killing-part-of-total-victory-doctrine",  # q3
    ):
        assert because_answer in found, because_answer
    # no conclusion bullet takes up the Trump section
    assert "c-trump-netanyahu-believe-military-decisiveness" not in found
    step = path_to(body, "c-netanyahu-survives-on-endless-war")[0]
    assert step["kind"] in ("supports", "causal")
    assert step["basis"] == "structure"


def test_impact_of_a_sole_premise_undermines_its_conclusion(client: CheckedClient) -> None:
    body = client.get(f"{API}/claims/c-second-phase-deliberately-stopped/impact").get_json()
    losing = {c["claim_id"] for c in body["loses_all_support"]}
    keeping = {c["claim_id"] for c in body["keeps_other_support"]}
    assert losing == {"c-second-phase-not-stopped-for-technical-reasons"}
    assert keeping == {"c-ummah-duty"}  # V005: the closing's "because" rests on its own cause
    assert all(c["standing"] == "intact" for c in body["keeps_other_support"])


def test_impact_of_a_leaf_conclusion_is_empty(client: CheckedClient) -> None:
    body = client.get(f"{API}/claims/c-ummah-duty/impact").get_json()
    assert body == {
        "claim_id": "c-ummah-duty",
        "loses_all_support": [],
        "keeps_other_support": [],
    }


def test_unknown_claim_in_walks_is_404(client: CheckedClient) -> None:
    for suffix in ("dependents", "dependencies", "impact"):
        assert client.get(f"{API}/claims/c-nope/{suffix}").status_code == 404


def test_causal_chain_follows_the_asserted_links(client: CheckedClient) -> None:
    url = f"{API}/causal-chains?from=c-investigations-would-open&to=c-second-phase-stopped"
    body = client.get(url).get_json()
    [chain] = body["chains"]
    assert [c["id"] for c in chain["claims"]] == [
        "c-investigations-would-open",
        "c-netanyahu-rejects-second-phase",
        "c-netanyahu-froze-second-phase",
        "c-second-phase-stopped",
    ]
    assert [link["id"] for link in chain["links"]] == [
        "cl-investigations-prompt-rejection",
        "cl-rejection-leads-to-freeze",
        "cl-freeze-halts-second-phase",
    ]


def test_causal_chains_are_shortest_first(client: CheckedClient) -> None:
    url = f"{API}/causal-chains?from=c-second-phase-provisions&to=c-second-phase-stopped"
    chains = client.get(url).get_json()["chains"]
    assert len(chains) == 3
    assert [len(chain["links"]) for chain in chains] == sorted(len(c["links"]) for c in chains)
    assert [link["id"] for link in chains[0]["links"]] == [
        "cl-second-phase-opens-governance-debate",
        "cl-governance-debate-prompts-rejection",
        "cl-rejection-leads-to-freeze",
        "cl-freeze-halts-second-phase",
    ]
    assert chains[0]["links"][0]["basis"] == "curator"
    only_connectives = client.get(f"{url}&basis=connective").get_json()["chains"]
    assert only_connectives == []  # the freeze halting the phase is the curator's reading


def test_no_chain_is_an_empty_list_and_unknown_claims_404(client: CheckedClient) -> None:
    url = f"{API}/causal-chains?from=c-second-phase-stopped&to=c-investigations-would-open"
    assert client.get(url).get_json()["chains"] == []
    assert (
        client.get(f"{API}/causal-chains?from=c-nope&to=c-second-phase-stopped").status_code == 404
    )


def test_causal_links_list_and_detail(client: CheckedClient) -> None:
    page = client.get(f"{API}/causal-links?limit=200").get_json()
    # V005: -5 superseded, +8 the text asserts; V008 (revision 2): +2 ("This is why")
    assert page["meta"]["total"] == 32
    link = client.get(
        f"{API}/causal-links/cl-electoral-fear-drives-support-for-genocide"
    ).get_json()
    assert link["cause"]["id"] == "c-us-presidents-fear-electoral-forces"
    assert link["effect"]["id"] == "c-us-presidents-prefer-supporting-genocide"
    assert link["mechanism"]
    assert (link["basis"], link["marker"]) == ("connective", "therefore")
    assert link["status"] == "unverified"
    assert [slot["status"] for slot in link["slots"]] == ["open"]
    text = client.get(f"{API}/sources/article-001").get_json()["text"]
    for assertion in link["assertions"]:
        assert text[assertion["start"] : assertion["end"]] == assertion["quote"]
    filtered = client.get(f"{API}/causal-links?claim=c-netanyahu-froze-second-phase").get_json()
    assert {item["id"] for item in filtered["items"]} >= {
        "cl-rejection-leads-to-freeze",
        "cl-freeze-halts-second-phase",
    }
    assert client.get(f"{API}/causal-links/cl-nope").status_code == 404


def test_basis_must_name_known_bases(client: CheckedClient) -> None:
    url = f"{API}/claims/c-second-phase-stopped/dependencies"
    for bad in ("gut-feeling", "connective,nope", ","):
        response = client.get(f"{url}?basis={bad}")
        assert response.status_code == 422, bad
        assert "basis" in response.get_json()["errors"]["query"]
    everything = client.get(f"{url}?basis=curator,connective,structure").get_json()
    assert everything["bases"] == ["connective", "structure", "curator"]
    assert everything["claims"] == client.get(url).get_json()["claims"]


def test_superseded_causal_links_are_not_served_or_walked(client: CheckedClient) -> None:
    retired = "cl-military-view-drives-war-language"
    assert client.get(f"{API}/causal-links/{retired}").status_code == 404
    listed = client.get(f"{API}/causal-links?limit=200").get_json()["items"]
    assert retired not in {item["id"] for item in listed}
    body = client.get(f"{API}/claims/c-trump-views-solution-as-military/dependents").get_json()
    steps = {claim["via"]["link_id"] for claim in body["claims"]}
    assert retired not in steps
