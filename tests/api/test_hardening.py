"""Regression tests for what an outside client could break (issue: hardening).

Each test is named after the case it reproduces; every answer is a problem
document (never a 500), and a refused write leaves the graph unchanged.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from flask import Flask

from kb.db import Store, records
from tests.api.helpers import auth, evidence
from tests.api.openapi_check import CheckedClient
from tests.api.test_openapi_and_errors import assert_problem

API = "/api/v1"
CLAIM = "c-hostages-not-rescued"
SEEDED_SLOT = f"slot-{CLAIM}-1"


def _raw(client: CheckedClient, method: str, url: str, body: str, **headers: str) -> Any:
    headers.setdefault("Content-Type", "application/json")
    return client.open(
        url, method=method, data=body.encode("utf-8", "surrogatepass"), headers=headers
    )


def _count(store: Store, query: str) -> int:
    return int(store.read(records, query)[0]["n"])  # type: ignore[arg-type]


# --- 500s a client could cause ------------------------------------------------


def test_a_page_beyond_64_bit_offsets_is_422_and_a_far_page_is_empty(
    client: CheckedClient,
) -> None:
    body = assert_problem(client.get(f"{API}/sources?page={2**63}"), 422)
    assert "page" in body["errors"]["query"]
    assert (
        "page" in assert_problem(client.get(f"{API}/sources?page=42949673"), 422)["errors"]["query"]
    )
    far = client.get(f"{API}/sources?page=1000000&limit=200")
    assert far.status_code == 200
    assert far.get_json()["items"] == []
    assert far.get_json()["meta"]["total"] == 1


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", f"/claims/{CLAIM}/slots", '{"question": "x \\ud800"}'),
        (
            "POST",
            f"/claims/{CLAIM}/evidence",
            json.dumps(evidence("https://example.org/s")).replace('"A report"', '"A \\udfff"'),
        ),
        ("PATCH", f"/slots/{SEEDED_SLOT}", '{"status": "open", "question": "\\ud800?"}'),
    ],
)
def test_a_lone_surrogate_in_a_json_string_is_400(
    client: CheckedClient, keys: dict[str, str], method: str, path: str, body: str
) -> None:
    response = _raw(client, method, API + path, body, **auth(keys["admin"]))
    assert "surrogate" in assert_problem(response, 400)["detail"]


def test_json_nested_a_thousand_deep_is_400(client: CheckedClient, keys: dict[str, str]) -> None:
    body = '{"question": ' + "[" * 1000 + "]" * 1000 + "}"
    response = _raw(client, "POST", f"{API}/claims/{CLAIM}/slots", body, **auth(keys["analyst"]))
    assert "nested" in assert_problem(response, 400)["detail"]


def test_a_number_of_five_thousand_digits_is_400(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    body = json.dumps(evidence("https://example.org/n")).replace("0.8", "1" * 5000)
    response = _raw(client, "POST", f"{API}/claims/{CLAIM}/evidence", body, **auth(keys["analyst"]))
    assert "not valid JSON" in assert_problem(response, 400)["detail"]


def test_an_evidence_url_with_a_port_above_65535_is_422(
    client: CheckedClient, keys: dict[str, str], seeded_store: Store
) -> None:
    response = client.post(
        f"{API}/claims/{CLAIM}/evidence",
        json=evidence("https://e.org:99999/x"),
        headers=auth(keys["analyst"]),
    )
    assert "url" in assert_problem(response, 422)["errors"]["json"]
    assert _count(seeded_store, "MATCH (e:Evidence) RETURN count(e) AS n") == 0


def test_two_ipv6_urls_stay_two_evidence_sources_with_brackets(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    urls = {"https://[2001:db8::1]:8443/y", "https://[2001:db8::2]:8443/y"}
    for url in sorted(urls):
        created = client.post(
            f"{API}/claims/{CLAIM}/evidence", json=evidence(url), headers=auth(keys["analyst"])
        )
        assert created.status_code == 201
    stored = client.get(f"{API}/claims/{CLAIM}/evidence").get_json()["items"]
    assert {link["evidence"]["url"] for link in stored} == urls


# --- protocol details ---------------------------------------------------------------


def test_405_names_the_allowed_methods(client: CheckedClient) -> None:
    response = client.put(f"{API}/claims")
    assert_problem(response, 405)
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"


def test_an_over_long_url_is_a_414_problem(client: CheckedClient) -> None:
    assert_problem(client.get(f"{API}/claims?q={'x' * 5000}"), 414)


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/xml", "application/x-www-form-urlencoded"]
)
def test_a_body_that_is_not_json_is_415(
    client: CheckedClient, keys: dict[str, str], content_type: str
) -> None:
    response = client.post(
        f"{API}/claims/{CLAIM}/slots",
        data="question=x",
        headers={"Content-Type": content_type, **auth(keys["analyst"])},
    )
    assert_problem(response, 415)


def test_a_double_slash_is_404_not_a_redirect_built_from_host(client: CheckedClient) -> None:
    response = client.get(f"{API}/claims//{CLAIM}", headers={"Host": "evil.example"})
    assert_problem(response, 404)
    assert "Location" not in response.headers


def test_every_response_says_nosniff(client: CheckedClient) -> None:
    for url in (f"{API}/claims/{CLAIM}", f"{API}/claims/c-nope", "/healthz", "/"):
        assert client.get(url).headers["X-Content-Type-Options"] == "nosniff", url


def test_an_unknown_query_parameter_is_422_naming_it(client: CheckedClient) -> None:
    body = assert_problem(client.get(f"{API}/claims?stauts=refuted"), 422)
    assert "stauts" in body["errors"]["query"]


def test_a_body_over_the_limit_is_413(
    app: Flask, client: CheckedClient, keys: dict[str, str]
) -> None:
    big = json.dumps({"question": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)})
    response = _raw(client, "POST", f"{API}/claims/{CLAIM}/slots", big, **auth(keys["analyst"]))
    assert_problem(response, 413)


# --- audit under races ----------------------------------------------------------------


def test_thirty_racing_retractions_write_one_event(
    app: Flask, client: CheckedClient, keys: dict[str, str]
) -> None:
    link = client.post(
        f"{API}/claims/{CLAIM}/evidence",
        json=evidence("https://example.org/r"),
        headers=auth(keys["analyst"]),
    ).get_json()

    def retract(number: int) -> dict[str, Any]:
        response = app.test_client().delete(
            f"{API}/evidence-links/{link['id']}",
            json={"reason": f"reason {number}"},
            headers=auth(keys["analyst"]),
        )
        assert response.status_code == 200
        return response.get_json()

    with ThreadPoolExecutor(max_workers=30) as pool:
        answers = list(pool.map(retract, range(30)))
    assert len({(a["retracted_at"], a["retraction_reason"]) for a in answers}) == 1
    events = client.get(f"{API}/claims/{CLAIM}/history").get_json()["events"]
    assert [e["kind"] for e in events].count("evidence_retracted") == 1


def test_twenty_racing_posts_with_one_key_and_different_bodies_make_one_link(
    app: Flask, keys: dict[str, str], seeded_store: Store
) -> None:
    def post(number: int) -> int:
        body = evidence(f"https://example.org/idem-{number}")
        headers = {**auth(keys["analyst"]), "Idempotency-Key": "same-key"}
        return (
            app.test_client()
            .post(f"{API}/claims/{CLAIM}/evidence", json=body, headers=headers)
            .status_code
        )

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = sorted(pool.map(post, range(20)))
    assert statuses == [201] + [409] * 19
    assert _count(seeded_store, "MATCH (l:EvidenceLink) RETURN count(l) AS n") == 1


def test_fifty_racing_identical_posts_replay_the_first_answer_byte_for_byte(
    app: Flask, keys: dict[str, str], seeded_store: Store
) -> None:
    def post(_: int) -> tuple[int, bytes]:
        headers = {**auth(keys["analyst"]), "Idempotency-Key": "one-key"}
        response = app.test_client().post(
            f"{API}/claims/{CLAIM}/evidence",
            json=evidence("https://example.org/same"),
            headers=headers,
        )
        return response.status_code, response.get_data()

    with ThreadPoolExecutor(max_workers=25) as pool:
        answers = set(pool.map(post, range(50)))
    assert len(answers) == 1
    assert next(iter(answers))[0] == 201
    assert _count(seeded_store, "MATCH (l:EvidenceLink) RETURN count(l) AS n") == 1


# --- slot edits ---------------------------------------------------------------------


def test_only_the_opener_or_an_admin_rewords_a_slot_and_history_keeps_the_old_words(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    opened = client.post(
        f"{API}/claims/{CLAIM}/slots",
        json={"question": "Old words?"},
        headers=auth(keys["analyst"]),
    ).get_json()
    url = f"{API}/slots/{opened['id']}"
    reword = {"status": "open", "question": "New words?"}
    assert_problem(client.patch(url, json=reword, headers=auth(keys["other_analyst"])), 403)
    assert client.patch(url, json=reword, headers=auth(keys["analyst"])).status_code == 200
    events = client.get(f"{API}/claims/{CLAIM}/history").get_json()["events"]
    assert ("slot_question_changed", "was: Old words?") in {
        (e["kind"], e["detail"]) for e in events
    }
    assert (
        client.patch(
            url, json={"status": "open", "question": "Admin's words?"}, headers=auth(keys["admin"])
        ).status_code
        == 200
    )


def test_a_seeded_slot_is_reworded_by_admins_only(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    url = f"{API}/slots/{SEEDED_SLOT}"
    reword = {"status": "open", "question": "Something else?"}
    assert_problem(client.patch(url, json=reword, headers=auth(keys["analyst"])), 403)
    assert (
        client.patch(url, json={"status": "open"}, headers=auth(keys["analyst"])).status_code == 200
    )
    changed = client.patch(url, json=reword, headers=auth(keys["admin"])).get_json()
    assert changed["question"] == "Something else?"


@pytest.mark.parametrize(
    "key", ["é" * 4000, "k" * 256, "two words", "ключ"], ids=["4k-latin1", "256", "space", "cyr"]
)
def test_an_idempotency_key_too_long_or_not_ascii_is_a_422_and_writes_nothing(
    client: CheckedClient, keys: dict[str, str], seeded_store: Store, key: str
) -> None:
    before = _count(seeded_store, "MATCH (l:EvidenceLink) RETURN count(l) AS n")
    headers = {**auth(keys["analyst"]), "Idempotency-Key": key.encode().decode("latin-1")}
    response = client.post(
        f"{API}/claims/{CLAIM}/evidence", json=evidence("https://example.org/k"), headers=headers
    )
    body = assert_problem(response, 422)
    assert "Idempotency-Key" in body["errors"]["headers"]
    assert _count(seeded_store, "MATCH (l:EvidenceLink) RETURN count(l) AS n") == before


def test_an_idempotency_key_of_255_characters_is_accepted(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    headers = {**auth(keys["analyst"]), "Idempotency-Key": "k" * 255}
    url = f"{API}/claims/{CLAIM}/evidence"
    first = client.post(url, json=evidence("https://example.org/k255"), headers=headers)
    again = client.post(url, json=evidence("https://example.org/k255"), headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.get_json() == again.get_json()
