"""Costly reads are bounded: the rate limit per key or address, the cap on concurrent
exports, `KB_EXPORTS_REQUIRE_KEY`, and a claim's evidence capped on its detail."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api import create_app
from api.claims import schemas as claim_schemas
from kb.db import Store
from kb.services import claims as claim_service
from kb.services import keys as key_service
from tests.api.helpers import auth, evidence
from tests.api.openapi_check import CheckedClient
from tests.api.test_openapi_and_errors import assert_problem

API = "/api/v1"
CLAIM = "c-hostages-not-rescued"


@pytest.fixture()
def reader_key(seeded_store: Store) -> Iterator[str]:
    yield key_service.create_key(seeded_store, "limits-reader", "reader")
    key_service.revoke_key(seeded_store, "limits-reader")


def _app(store: Store, **config: Any) -> Any:
    return create_app({"TESTING": True, "KB_STORE": store, **config})


def test_past_the_rate_limit_a_caller_gets_429_with_retry_after(
    seeded_store: Store, reader_key: str
) -> None:
    client = _app(seeded_store, KB_RATE_LIMIT="3/minute").test_client()
    statuses = [client.get(f"{API}/sources").status_code for _ in range(3)]
    refused = client.get(f"{API}/sources")
    assert statuses == [200, 200, 200]
    body = assert_problem(refused, 429)
    assert body["type"].endswith("/rate-limited")
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    # a key counts on its own, and health checks are never limited
    assert client.get(f"{API}/sources", headers=auth(reader_key)).status_code == 200
    assert [client.get("/healthz").status_code for _ in range(5)] == [200] * 5


def test_the_rate_limit_can_be_switched_off(seeded_store: Store) -> None:
    client = _app(seeded_store, KB_RATE_LIMIT=None).test_client()
    assert {client.get(f"{API}/sources").status_code for _ in range(10)} == {200}


def test_one_export_too_many_is_refused_at_once_until_a_slot_frees(seeded_store: Store) -> None:
    client = _app(seeded_store, KB_MAX_CONCURRENT_EXPORTS=1).test_client()
    running = client.get(f"{API}/export/graphml", buffered=False)  # body not yet sent
    assert running.status_code == 200
    refused = client.get(f"{API}/export/aif")
    body = assert_problem(refused, 429)
    assert body["type"].endswith("/too-many-exports")
    assert int(refused.headers["Retry-After"]) >= 1
    running.get_data()
    running.close()  # the body is sent: the slot is free again
    for path, status in (("aif", 200), ("no-such-format", 404), ("aif", 200)):
        with client.get(f"{API}/export/{path}") as answer:  # closed: the slot is free
            assert answer.status_code == status  # a failed export gives its slot back too


def test_exports_need_a_key_when_configured(seeded_store: Store, reader_key: str) -> None:
    client = _app(seeded_store, KB_EXPORTS_REQUIRE_KEY=True).test_client()
    assert_problem(client.get(f"{API}/export/aif"), 401)
    assert client.get(f"{API}/export/aif", headers=auth(reader_key)).status_code == 200
    assert client.get(f"{API}/claims?limit=1").status_code == 200  # other reads stay open


def test_claim_detail_caps_evidence_and_links_to_the_paged_list(
    client: CheckedClient, keys: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claim_service, "DETAIL_EVIDENCE_LIMIT", 2)
    monkeypatch.setattr(claim_schemas, "DETAIL_EVIDENCE_LIMIT", 2)
    for number in range(3):
        answer = client.post(
            f"{API}/claims/{CLAIM}/evidence",
            json=evidence(f"https://example.org/capped-{number}"),
            headers=auth(keys["analyst"]),
        )
        assert answer.status_code == 201
    detail = client.get(f"{API}/claims/{CLAIM}").get_json()
    assert len(detail["evidence"]) == 2
    assert detail["evidence_total"] == 3
    assert detail["evidence_next"] == f"{API}/claims/{CLAIM}/evidence?page=2&limit=2"
    rest = client.get(detail["evidence_next"]).get_json()
    assert rest["meta"]["total"] == 3 and rest["meta"]["next_page"] is None
    first = client.get(f"{API}/claims/{CLAIM}/evidence?limit=2").get_json()
    assert first["items"] == detail["evidence"]
    urls = [link["evidence"]["url"] for link in first["items"] + rest["items"]]
    assert urls == [f"https://example.org/capped-{n}" for n in range(3)]


def test_claim_detail_without_more_evidence_has_no_next_link(client: CheckedClient) -> None:
    detail = client.get(f"{API}/claims/{CLAIM}").get_json()
    assert detail["evidence_total"] == len(detail["evidence"])
    assert detail["evidence_next"] is None
