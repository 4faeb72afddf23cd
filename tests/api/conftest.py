"""API fixtures: the seeded graph -> the app -> a schema-checking client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from api import create_app
from kb.db import Store
from kb.services import keys as key_service
from tests.api.openapi_check import CheckedClient, ResponseChecker


@pytest.fixture(scope="session")
def app(seeded_store: Store) -> Flask:
    application = create_app({"TESTING": True, "KB_STORE": seeded_store})
    application.test_client_class = CheckedClient
    return application


@pytest.fixture(scope="session")
def response_checker(app: Flask) -> ResponseChecker:
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    return ResponseChecker(app, spec)


@pytest.fixture()
def client(app: Flask, response_checker: ResponseChecker) -> Iterator[CheckedClient]:
    test_client = app.test_client()
    assert isinstance(test_client, CheckedClient)
    test_client.checker = response_checker
    yield test_client
    test_client.close_responses()


@pytest.fixture()
def keys(seeded_store: Store) -> dict[str, str]:
    """One key per role, another analyst's and a revoked one (undone after the test)."""
    created = {
        role: key_service.create_key(seeded_store, f"{role}-tester", role)
        for role in ("reader", "analyst", "admin")
    }
    created["other_analyst"] = key_service.create_key(seeded_store, "other-analyst", "analyst")
    created["revoked"] = key_service.create_key(seeded_store, "revoked-tester", "admin")
    key_service.revoke_key(seeded_store, "revoked-tester")
    return created
