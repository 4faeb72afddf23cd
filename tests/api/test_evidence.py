"""Analysts attach evidence: authorisation, validation, idempotency, retraction,
history and derived status, against the seeded article."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from flask import Flask

from kb.config import CYPHER_DIR
from kb.db import Store, records
from kb.derived.full import drift, recompute_all
from kb.seeding.loader import apply_scripts, discover_scripts
from tests.api.helpers import auth, evidence
from tests.api.openapi_check import CheckedClient

API = "/api/v1"
PREMISE = "c-second-phase-deliberately-stopped"
SOLE_DEPENDENT = "c-second-phase-not-stopped-for-technical-reasons"
OTHER_DEPENDENT = "c-ummah-duty"
TRUMP_CLAIM = "c-trump-said-israel-must-finish"
LINK = "cl-electoral-fear-drives-support-for-genocide"


def claim(client: CheckedClient, claim_id: str) -> dict[str, Any]:
    return client.get(f"{API}/claims/{claim_id}").get_json()


# --- authorisation -----------------------------------------------------------


# (method, url, body, status for an allowed caller): the analyst and the admin
# write different links (the analyst is part of the link's identity), so both create.
WRITES = [
    ("post", f"{API}/claims/{TRUMP_CLAIM}/evidence", evidence("https://example.org/matrix"), 201),
    ("post", f"{API}/causal-links/{LINK}/evidence", evidence("https://example.org/matrix"), 201),
    ("post", f"{API}/claims/{TRUMP_CLAIM}/slots", {"question": "Which video shows it?"}, 201),
    ("post", f"{API}/causal-links/{LINK}/slots", {"question": "Which poll shows it?"}, 201),
    ("patch", f"{API}/slots/slot-{TRUMP_CLAIM}-1", {"status": "open"}, 200),
]


@pytest.mark.parametrize(
    ("method", "url", "body", "allowed"), WRITES, ids=[f"{m} {u}" for m, u, _, _ in WRITES]
)
def test_role_matrix_on_write_routes(
    client: CheckedClient,
    keys: dict[str, str],
    method: str,
    url: str,
    body: dict[str, Any],
    allowed: int,
) -> None:
    send = getattr(client, method)
    assert send(url, json=body).status_code == 401
    assert send(url, json=body, headers={"Authorization": "Basic abc"}).status_code == 401
    assert send(url, json=body, headers=auth("kb_not-a-key")).status_code == 401
    assert send(url, json=body, headers=auth(keys["revoked"])).status_code == 401
    assert send(url, json=body, headers=auth(keys["reader"])).status_code == 403
    assert send(url, json=body, headers=auth(keys["analyst"])).status_code == allowed
    assert send(url, json=body, headers=auth(keys["admin"])).status_code == allowed


def test_a_missing_key_is_reported_before_a_bad_body(client: CheckedClient) -> None:
    response = client.post(f"{API}/claims/{TRUMP_CLAIM}/evidence", json={"url": "javascript:x"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_retraction_matrix(client: CheckedClient, keys: dict[str, str]) -> None:
    body = evidence("https://example.org/retract-matrix")
    created = client.post(
        f"{API}/claims/{TRUMP_CLAIM}/evidence", json=body, headers=auth(keys["analyst"])
    ).get_json()
    url = f"{API}/evidence-links/{created['id']}"
    reason = {"reason": "duplicate"}
    assert client.delete(url, json=reason).status_code == 401
    assert client.delete(url, json=reason, headers=auth(keys["revoked"])).status_code == 401
    assert client.delete(url, json=reason, headers=auth(keys["reader"])).status_code == 403
    # an analyst may retract only their own links; an admin any
    assert client.delete(url, json=reason, headers=auth(keys["other_analyst"])).status_code == 403
    assert client.delete(url, json=reason, headers=auth(keys["admin"])).status_code == 200
    assert (
        client.delete(
            f"{API}/evidence-links/evl-nope", json=reason, headers=auth(keys["admin"])
        ).status_code
        == 404
    )


def test_writes_record_the_key_name(client: CheckedClient, keys: dict[str, str]) -> None:
    response = client.post(
        f"{API}/claims/{TRUMP_CLAIM}/evidence",
        json=evidence("https://example.org/who"),
        headers=auth(keys["analyst"]),
    )
    assert response.status_code == 201
    link = response.get_json()
    assert link["added_by"] == "analyst-tester"
    assert link["evidence"]["added_by"] == "analyst-tester"


# --- validation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": "data:text/html,hi"}, "url"),
        ({"url": "file:///etc/passwd"}, "url"),
        ({"url": "not a url"}, "url"),
        ({"confidence": 1.5}, "confidence"),
        ({"confidence": -0.1}, "confidence"),
        ({"stance": "maybe"}, "stance"),
        ({"published_on": "yesterday"}, "published_on"),
        ({"title": "x" * 301}, "title"),
        ({"rationale": ""}, "rationale"),
        ({"added_by": "someone-else"}, "added_by"),
        ({"id": "evl-mine"}, "id"),
    ],
)
def test_invalid_evidence_is_422_naming_the_field(
    client: CheckedClient, keys: dict[str, str], overrides: dict[str, Any], field: str
) -> None:
    response = client.post(
        f"{API}/claims/{TRUMP_CLAIM}/evidence",
        json={**evidence("https://example.org/invalid"), **overrides},
        headers=auth(keys["analyst"]),
    )
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert field in response.get_json()["errors"]["json"]


def test_missing_required_fields_are_named(client: CheckedClient, keys: dict[str, str]) -> None:
    response = client.post(
        f"{API}/claims/{TRUMP_CLAIM}/evidence", json={}, headers=auth(keys["analyst"])
    )
    assert response.status_code == 422
    assert {"url", "stance", "confidence", "rationale"} <= set(
        response.get_json()["errors"]["json"]
    )


def test_unknown_target_is_404(client: CheckedClient, keys: dict[str, str]) -> None:
    for url in (f"{API}/claims/c-nope/evidence", f"{API}/causal-links/{TRUMP_CLAIM}/evidence"):
        response = client.post(url, json=evidence(), headers=auth(keys["analyst"]))
        assert response.status_code == 404, url


# --- idempotency -----------------------------------------------------------------


def test_same_evidence_again_returns_the_existing_link(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    url = f"{API}/claims/{TRUMP_CLAIM}/evidence"
    first = client.post(
        url, json=evidence("https://Example.org/same/#top"), headers=auth(keys["analyst"])
    )
    again = client.post(
        url, json=evidence("https://example.org:443/same/"), headers=auth(keys["analyst"])
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json()["id"] == again.get_json()["id"]
    assert first.get_json()["evidence"]["url"] == "https://example.org/same/"
    refuting = client.post(
        url,
        json=evidence("https://example.org/same/", stance="refutes"),
        headers=auth(keys["analyst"]),
    )
    assert refuting.status_code == 201  # another stance is another link
    assert refuting.get_json()["evidence"]["id"] == first.get_json()["evidence"]["id"]


def test_twenty_concurrent_identical_writes_leave_one_link(
    app: Flask, seeded_store: Store, keys: dict[str, str]
) -> None:
    def post(_: int) -> tuple[int, str]:
        response = app.test_client().post(
            f"{API}/causal-links/{LINK}/evidence",
            json=evidence("https://example.org/concurrent"),
            headers=auth(keys["analyst"]),
        )
        return response.status_code, response.get_json()["id"]

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(post, range(20)))
    assert sorted(status for status, _ in results) == [200] * 19 + [201]
    assert len({link_id for _, link_id in results}) == 1
    rows = seeded_store.read(
        records,
        "MATCH (l:EvidenceLink)-[:CITES]->(:Evidence {url: 'https://example.org/concurrent'}) "
        "RETURN count(l) AS links",
    )
    assert rows == [{"links": 1}]


def test_idempotency_key_replays_and_refuses_a_different_body(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    url = f"{API}/claims/{TRUMP_CLAIM}/evidence"
    headers = {**auth(keys["analyst"]), "Idempotency-Key": "attempt-42"}
    first = client.post(url, json=evidence("https://example.org/idem"), headers=headers)
    replay = client.post(url, json=evidence("https://example.org/idem"), headers=headers)
    assert (first.status_code, replay.status_code) == (201, 201)
    assert first.get_json()["id"] == replay.get_json()["id"]
    other = client.post(url, json=evidence("https://example.org/other"), headers=headers)
    assert other.status_code == 409
    assert other.mimetype == "application/problem+json"


# --- retraction, history, slots ----------------------------------------------------


def test_retraction_marks_and_history_keeps_everything(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    target = "c-hostages-not-rescued"
    [slot] = claim(client, target)["slots"]
    created = client.post(
        f"{API}/claims/{target}/evidence",
        json=evidence("https://example.org/hostages", slot_id=slot["id"]),
        headers=auth(keys["analyst"]),
    ).get_json()
    assert created["slot_id"] == slot["id"]
    assert claim(client, target)["slots"][0]["status"] == "filled"

    retracted = client.delete(
        f"{API}/evidence-links/{created['id']}",
        json={"reason": "wrong report"},
        headers=auth(keys["analyst"]),
    ).get_json()
    assert retracted["retracted_by"] == "analyst-tester"
    assert retracted["retraction_reason"] == "wrong report"
    assert retracted["retracted_at"] >= created["added_at"]
    again = client.delete(
        f"{API}/evidence-links/{created['id']}",
        json={"reason": "again"},
        headers=auth(keys["analyst"]),
    ).get_json()
    assert again["retracted_at"] == retracted["retracted_at"]  # the first retraction stands

    detail = claim(client, target)
    assert [link["id"] for link in detail["evidence"]] == [created["id"]]  # kept, marked
    assert detail["slots"][0]["status"] == "open"  # its only evidence was retracted
    history = client.get(f"{API}/claims/{target}/history").get_json()["events"]
    assert [event["kind"] for event in history] == [
        "evidence_attached",
        "evidence_retracted",
        "slot_reopened",
    ]
    assert [event["at"] for event in history] == sorted(event["at"] for event in history)
    # the same analyst may attach the same evidence again: a new link
    renewed = client.post(
        f"{API}/claims/{target}/evidence",
        json=evidence("https://example.org/hostages"),
        headers=auth(keys["analyst"]),
    )
    assert renewed.status_code == 201
    assert renewed.get_json()["id"] != created["id"]


def test_a_write_failing_midway_leaves_nothing(
    client: CheckedClient, seeded_store: Store, keys: dict[str, str]
) -> None:
    foreign_slot = f"slot-{TRUMP_CLAIM}-1"
    response = client.post(
        f"{API}/claims/c-hostages-not-rescued/evidence",
        json=evidence("https://example.org/half-written", slot_id=foreign_slot),
        headers=auth(keys["analyst"]),
    )
    assert response.status_code == 422
    assert "slot_id" in response.get_json()["errors"]["json"]
    rows = seeded_store.read(
        records,
        "OPTIONAL MATCH (e:Evidence {url: 'https://example.org/half-written'}) "
        "RETURN count(e) AS evidence, "
        "COUNT { (l:EvidenceLink)-[:CITES]->(e) } AS links",
    )
    assert rows == [{"evidence": 0, "links": 0}]


def test_analysts_open_and_close_slots(client: CheckedClient, keys: dict[str, str]) -> None:
    opened = client.post(
        f"{API}/claims/{PREMISE}/slots",
        json={"question": "Minutes of the phase-two negotiation rounds"},
        headers=auth(keys["analyst"]),
    )
    assert opened.status_code == 201
    slot = opened.get_json()
    assert slot["id"] == f"slot-{PREMISE}-1"
    assert (slot["status"], slot["opened_by"]) == ("open", "analyst-tester")
    url = f"{API}/slots/{slot['id']}"
    no_reason = client.patch(url, json={"status": "closed"}, headers=auth(keys["analyst"]))
    assert no_reason.status_code == 422
    assert "reason" in no_reason.get_json()["errors"]["json"]
    closed = client.patch(
        url,
        json={"status": "closed", "reason": "minutes are secret"},
        headers=auth(keys["analyst"]),
    ).get_json()
    assert (closed["status"], closed["reason"], closed["closed_by"]) == (
        "closed",
        "minutes are secret",
        "analyst-tester",
    )
    refused = client.post(
        f"{API}/claims/{PREMISE}/evidence",
        json=evidence("https://example.org/minutes", slot_id=slot["id"]),
        headers=auth(keys["analyst"]),
    )
    assert refused.status_code == 409
    kinds = [e["kind"] for e in client.get(f"{API}/claims/{PREMISE}/history").get_json()["events"]]
    assert kinds == ["slot_opened", "slot_closed"]
    assert (
        client.patch(
            f"{API}/slots/slot-nope", json={"status": "open"}, headers=auth(keys["analyst"])
        ).status_code
        == 404
    )


def _slot_listed(client: CheckedClient, claim_id: str) -> dict[str, bool]:
    """Whether `claim_id` is in the `slot=none` and `slot=open` lists (read from the
    stored slot state, kb/derived/rules.py slot_state)."""
    found = {}
    for value in ("none", "open"):
        body = client.get(f"{API}/claims?slot={value}&limit=200").get_json()
        assert body["meta"]["total"] == len(body["items"])  # one page holds them all
        found[value] = claim_id in {item["id"] for item in body["items"]}
    return found


def test_every_slot_write_keeps_the_stored_slot_state(
    client: CheckedClient, keys: dict[str, str], seeded_store: Store
) -> None:
    """Opening, closing, reopening, filling and unfilling (a retraction) a claim's slot
    each move it between the `slot=none` and `slot=open` lists, and leave no drift."""
    claim_id = "c-hostages-not-rescued"
    before = _slot_listed(client, claim_id)
    opened = client.post(
        f"{API}/claims/{claim_id}/slots",
        json={"question": "Who was freed in the second phase?"},
        headers=auth(keys["analyst"]),
    ).get_json()
    assert _slot_listed(client, claim_id) == {"none": False, "open": True}
    url = f"{API}/slots/{opened['id']}"
    closing = {"status": "closed", "reason": "no record"}
    client.patch(url, json=closing, headers=auth(keys["analyst"]))
    state = seeded_store.read(
        records, "MATCH (c:Claim {id: $id}) RETURN c.slot AS slot", id=claim_id
    )[0]["slot"]
    assert state == ("open" if before["open"] else "settled")
    client.patch(url, json={"status": "open"}, headers=auth(keys["analyst"]))
    assert _slot_listed(client, claim_id)["open"]
    link = client.post(
        f"{API}/claims/{claim_id}/evidence",
        json=evidence("https://example.org/slot-state", slot_id=opened["id"]),
        headers=auth(keys["analyst"]),
    ).get_json()
    assert _slot_listed(client, claim_id) == {"none": False, "open": before["open"]}
    client.delete(
        f"{API}/evidence-links/{link['id']}",
        json={"reason": "wrong report"},
        headers=auth(keys["analyst"]),
    )
    assert _slot_listed(client, claim_id) == {"none": False, "open": True}
    drifted = [d for d in drift(seeded_store) if d.field == "slot"]
    assert drifted == []


# --- derived status ----------------------------------------------------------------


def test_status_and_standing_follow_evidence(client: CheckedClient, keys: dict[str, str]) -> None:
    url = f"{API}/claims/{PREMISE}/evidence"
    assert claim(client, PREMISE)["status"] == "unverified"

    refuting = client.post(
        url,
        json=evidence("https://example.org/refutes", stance="refutes", confidence=0.9),
        headers=auth(keys["analyst"]),
    ).get_json()
    assert claim(client, PREMISE)["status"] == "refuted"
    assert claim(client, SOLE_DEPENDENT)["standing"] == "undermined"
    assert claim(client, OTHER_DEPENDENT)["standing"] == "weakened"
    undermined = client.get(f"{API}/claims?status=undermined&limit=200").get_json()
    assert SOLE_DEPENDENT in {c["id"] for c in undermined["items"]}
    assert PREMISE in {
        c["id"] for c in client.get(f"{API}/claims?status=refuted").get_json()["items"]
    }
    impact = client.get(f"{API}/claims/{PREMISE}/impact").get_json()
    assert {c["claim_id"]: c["standing"] for c in impact["loses_all_support"]} == {
        SOLE_DEPENDENT: "undermined"
    }

    supporting = client.post(
        url,
        json=evidence("https://example.org/supports", confidence=0.8),
        headers=auth(keys["other_analyst"]),
    ).get_json()
    assert claim(client, PREMISE)["status"] == "contested"
    assert claim(client, SOLE_DEPENDENT)["standing"] == "intact"

    client.delete(
        f"{API}/evidence-links/{refuting['id']}",
        json={"reason": "misread"},
        headers=auth(keys["analyst"]),
    )
    assert claim(client, PREMISE)["status"] == "supported"
    client.delete(
        f"{API}/evidence-links/{supporting['id']}",
        json={"reason": "misread"},
        headers=auth(keys["other_analyst"]),
    )
    assert claim(client, PREMISE)["status"] == "unverified"
    assert claim(client, SOLE_DEPENDENT)["standing"] == "intact"


def test_a_refuted_causal_link_changes_its_effect(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    link_id = "cl-freeze-halts-second-phase"
    response = client.post(
        f"{API}/causal-links/{link_id}/evidence",
        json=evidence("https://example.org/no-freeze", stance="refutes", confidence=1.0),
        headers=auth(keys["admin"]),
    )
    assert response.status_code == 201
    assert client.get(f"{API}/causal-links/{link_id}").get_json()["status"] == "refuted"
    effect = claim(client, "c-second-phase-stopped")
    assert effect["standing"] == "weakened"  # its other reasons still hold it up
    client.delete(
        f"{API}/evidence-links/{response.get_json()['id']}",
        json={"reason": "test"},
        headers=auth(keys["admin"]),
    )
    assert claim(client, "c-second-phase-stopped")["standing"] == "intact"


def test_evidence_and_filled_slots_survive_a_reseed(
    client: CheckedClient, seeded_store: Store, keys: dict[str, str]
) -> None:
    target = "c-us-blocks-un-condemnation"
    slot_id = f"slot-{target}-1"
    link = client.post(
        f"{API}/claims/{target}/evidence",
        json=evidence("https://example.org/un-votes", slot_id=slot_id),
        headers=auth(keys["analyst"]),
    ).get_json()
    apply_scripts(
        seeded_store, discover_scripts(CYPHER_DIR), reapply_all=True, recompute=recompute_all
    )
    detail = claim(client, target)
    assert [e["id"] for e in detail["evidence"]] == [link["id"]]
    assert {s["id"]: s["status"] for s in detail["slots"]}[slot_id] == "filled"
