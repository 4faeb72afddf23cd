"""`POST /api/v1/drafts`: a text in, a `kb-annotation/1` draft out, as JSON or YAML.

The answer is the drafting engine's own draft against the seeded graph (so the
route adds nothing and loses nothing); nothing is written; bad input, an
oversized text or body, a missing key and an unsupported `Accept` are problem
documents.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from kb.db import Store
from kb.drafting import draft_annotation, load_known
from kb.services.drafts import MAX_DRAFT_CHARACTERS
from tests.api.helpers import auth
from tests.api.openapi_check import CheckedClient
from tests.api.test_openapi_and_errors import assert_problem

URL = "/api/v1/drafts"
SOURCE_ID = "wire-draft-test"
TEXT = (
    "GAZA CITY — Hamas said on Tuesday that Israel had stopped the second phase of the "
    "ceasefire. Netanyahu denied that the talks had failed. The crossing will reopen next "
    "week because the mediators insisted on it. Washington must press for the second phase."
)


def post(client: CheckedClient, key: str | None, body: Any, **headers: str) -> Any:
    if key is not None:
        headers.update(auth(key))
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(URL, data=data, headers={"Content-Type": "application/json", **headers})


def test_a_text_is_drafted_as_the_engine_drafts_it(
    client: CheckedClient, keys: dict[str, str], seeded_store: Store
) -> None:
    body = {"text": TEXT, "source_id": SOURCE_ID, "title": "A wire report"}
    response = post(client, keys["analyst"], body)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    draft = response.get_json()
    assert draft["format"] == "kb-annotation/1"
    assert draft["source"]["id"] == SOURCE_ID
    assert draft["source"]["title"] == "A wire report"
    assert draft["claims"], "a text of four assertive sentences drafts some claims"
    for claim in draft["claims"]:
        assert claim["draft"] is True
        assert claim["quote"] in TEXT
    expected = draft_annotation(
        TEXT, SOURCE_ID, title="A wire report", known=load_known(seeded_store)
    )
    assert draft == json.loads(json.dumps(expected))


def test_drafting_writes_nothing(client: CheckedClient, keys: dict[str, str]) -> None:
    before = client.get("/api/v1/sources?limit=100").get_json()["meta"]["total"]
    assert post(client, keys["analyst"], {"text": TEXT, "source_id": SOURCE_ID}).status_code == 200
    assert client.get("/api/v1/sources?limit=100").get_json()["meta"]["total"] == before
    assert_problem(client.get(f"/api/v1/sources/{SOURCE_ID}"), 404)


def test_accept_yaml_answers_the_annotation_file(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    body = {"text": TEXT, "source_id": SOURCE_ID}
    as_json = post(client, keys["analyst"], body).get_json()
    response = post(client, keys["analyst"], body, Accept="application/yaml")
    assert response.status_code == 200
    assert response.mimetype == "application/yaml"
    for claim in as_json["claims"]:  # the match proposals are comments in the file
        claim.pop("matches", None)
    assert yaml.safe_load(response.get_data(as_text=True)) == as_json


def test_accept_prefers_by_quality_and_defaults_to_json(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    body = {"text": TEXT, "source_id": SOURCE_ID}
    preferred = "application/json;q=0.5, application/yaml"
    assert post(client, keys["analyst"], body, Accept=preferred).mimetype == "application/yaml"
    assert post(client, keys["analyst"], body, Accept="*/*").mimetype == "application/json"


def test_an_accept_naming_neither_json_nor_yaml_is_406(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    response = post(
        client, keys["analyst"], {"text": TEXT, "source_id": SOURCE_ID}, Accept="text/csv"
    )
    problem = assert_problem(response, 406)
    assert "application/yaml" in problem["detail"]


def test_bad_input_is_422_naming_each_field(client: CheckedClient, keys: dict[str, str]) -> None:
    cases = {
        "text": {"source_id": SOURCE_ID},
        "source_id": {"text": TEXT, "source_id": "Wire 002!"},
        "title": {"text": TEXT, "source_id": SOURCE_ID, "title": ""},
        "colour": {"text": TEXT, "source_id": SOURCE_ID, "colour": "red"},
    }
    for field, body in cases.items():
        problem = assert_problem(post(client, keys["analyst"], body), 422)
        assert field in problem["errors"]["json"], (field, problem)
    blank = assert_problem(post(client, keys["analyst"], {"text": "  \n ", "source_id": "w"}), 422)
    assert blank["errors"]["json"]["text"] == ["the text is blank: paste the source's text"]


def test_a_text_over_the_limit_is_422_saying_the_limit(
    client: CheckedClient, keys: dict[str, str]
) -> None:
    body = {"text": "a" * (MAX_DRAFT_CHARACTERS + 1), "source_id": SOURCE_ID}
    problem = assert_problem(post(client, keys["analyst"], body), 422)
    assert f"{MAX_DRAFT_CHARACTERS}" in " ".join(problem["errors"]["json"]["text"])


def test_a_body_over_the_server_limit_is_413(
    client: CheckedClient, keys: dict[str, str], app: Any
) -> None:
    body = {"text": "a" * (app.config["MAX_CONTENT_LENGTH"] + 1), "source_id": SOURCE_ID}
    assert_problem(post(client, keys["analyst"], body), 413)


def test_a_body_that_is_not_json_is_415(client: CheckedClient, keys: dict[str, str]) -> None:
    response = client.post(
        URL, data=TEXT, headers={"Content-Type": "text/plain", **auth(keys["analyst"])}
    )
    assert_problem(response, 415)


def test_drafting_needs_an_analysts_key(client: CheckedClient, keys: dict[str, str]) -> None:
    body = {"text": TEXT, "source_id": SOURCE_ID}
    assert_problem(post(client, None, body), 401)
    assert_problem(post(client, keys["revoked"], body), 401)
    assert_problem(post(client, keys["reader"], body), 403)
    assert post(client, keys["admin"], body).status_code == 200
