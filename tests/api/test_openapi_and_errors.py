"""The OpenAPI document, Swagger UI, health, and the one error shape."""

from __future__ import annotations

import base64
import hashlib
import re

from flask import Flask
from openapi_spec_validator import validate

from api import create_app
from kb.config import Settings
from tests.api.openapi_check import CheckedClient

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def, type-arg]
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert PROBLEM_KEYS <= set(body)
    assert body["status"] == status
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def test_openapi_document_is_valid(client: CheckedClient) -> None:
    spec = client.get("/api/v1/openapi.json").get_json()
    validate(spec)
    for path in (
        "/api/v1/claims",
        "/api/v1/claims/{claim_id}/dependents",
        "/api/v1/claims/{claim_id}/impact",
        "/api/v1/causal-chains",
        "/api/v1/actors/{actor}",
        "/api/v1/sources/{source_id}/coverage",
        "/api/v1/slots",
    ):
        assert path in spec["paths"]


def test_swagger_ui_is_served_without_a_cdn(client: CheckedClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/api/docs/assets/swagger-ui-bundle.js" in html
    assert "//cdn" not in html
    assert client.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200


def test_swagger_ui_cannot_be_framed_and_runs_only_its_own_scripts(client: CheckedClient) -> None:
    page = client.get("/api/docs")
    policy = page.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert page.headers["X-Frame-Options"] == "DENY"
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    html = page.get_data(as_text=True)
    # The page's own template runs no inline script: scripts come from 'self' only
    # (an inline one, if a template brought it back, would be allowed by its hash).
    inline = re.findall(r"<script>(.*?)</script>", html, re.S)
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in inline
    ]
    assert script_src.split() == ["script-src", "'self'", *hashes]
    assert "unsafe-inline" not in script_src and "http" not in policy
    asset = client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert "frame-ancestors 'none'" in asset.headers["Content-Security-Policy"]


def test_healthz_reports_database_and_schema(client: CheckedClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "up", "schema_applied": True}


def test_unknown_route_is_a_json_404(client: CheckedClient) -> None:
    assert_problem(client.get("/api/v1/nothing-here"), 404)


def test_unknown_claim_is_a_404_naming_it(client: CheckedClient) -> None:
    body = assert_problem(client.get("/api/v1/claims/c-does-not-exist"), 404)
    assert "c-does-not-exist" in body["detail"]


def test_wrong_method_is_a_json_405(client: CheckedClient) -> None:
    assert_problem(client.delete("/api/v1/claims"), 405)


def test_out_of_range_parameters_are_422_naming_the_field(client: CheckedClient) -> None:
    for url, field in (
        ("/api/v1/claims?limit=201", "limit"),
        ("/api/v1/claims?page=0", "page"),
        ("/api/v1/claims?type=rumour", "type"),
        ("/api/v1/claims?checkable=perhaps", "checkable"),
        ("/api/v1/claims/c-x/dependents?depth=51", "depth"),
        ("/api/v1/claims/c-x/dependencies?depth=0", "depth"),
        ("/api/v1/slots?status=maybe", "status"),
        ("/api/v1/causal-chains?from=c-a", "to"),
    ):
        body = assert_problem(client.get(url), 422)
        assert field in body["errors"]["query"], url
        assert field in body["detail"]


def test_database_down_is_a_503_not_a_500() -> None:
    unreachable = Settings(
        neo4j_uri="bolt://127.0.0.1:1", neo4j_password="x", neo4j_max_retry_seconds=0.2
    )
    app: Flask = create_app({"TESTING": True, "KB_SETTINGS": unreachable})
    response = app.test_client().get("/api/v1/claims")
    body = assert_problem(response, 503)
    assert "unavailable" in body["detail"]
    assert assert_problem(app.test_client().get("/healthz"), 503)
