"""Reads are open by default; `KB_READS_REQUIRE_KEY` makes them need any key."""

from __future__ import annotations

from api import create_app
from kb.db import Store
from kb.services import keys as key_service


def test_reads_need_a_key_when_configured(seeded_store: Store) -> None:
    key = key_service.create_key(seeded_store, "locked-reader-2", "reader")
    try:
        app = create_app({"TESTING": True, "KB_STORE": seeded_store, "KB_READS_REQUIRE_KEY": True})
        client = app.test_client()
        denied = client.get("/api/v1/claims")
        assert denied.status_code == 401
        assert denied.mimetype == "application/problem+json"
        assert denied.headers["WWW-Authenticate"].startswith("Bearer")
        allowed = client.get("/api/v1/claims", headers={"Authorization": f"Bearer {key}"})
        assert allowed.status_code == 200
        assert client.get("/api/v1/openapi.json").status_code == 200  # the contract stays public
        assert client.get("/healthz").status_code == 200
    finally:
        key_service.revoke_key(seeded_store, "locked-reader-2")


def test_reads_are_open_by_default(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/v1/claims?limit=1").status_code == 200
