"""Who is calling: Bearer API keys, checked before anything else about a request.

Every write under `/api/v1` needs at least an analyst's key, and with
`KB_READS_REQUIRE_KEY` every read needs at least a reader's
(`KB_EXPORTS_REQUIRE_KEY`: exports only). The check runs
before the body is validated, so a caller without a key learns that first
(401), not what was wrong with their JSON. Finer rules (an analyst may only
retract their own evidence) belong to the services.
"""

from __future__ import annotations

from flask import Flask, g, request

from api.extensions import get_store
from kb.models import Role
from kb.services.keys import Principal, authenticate, authorise

EXPORT_PATH = "/api/v1/export/"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# What write routes declare in the OpenAPI document.
WRITE_SECURITY: list[dict[str, list[str]]] = [{"bearerAuth": []}]


def require(role: Role) -> Principal:
    """The caller's principal if its key reaches `role`; else 401 or 403 via `api.errors`."""
    principal = authenticate(get_store(), request.headers.get("Authorization"))
    authorise(principal, role)
    return principal


def current_principal() -> Principal:
    """The principal the request was authorised as (write routes always have one)."""
    principal: Principal = g.principal
    return principal


def init_app(app: Flask) -> None:
    """Authorise every API request by method before it reaches its view."""

    @app.before_request
    def _authorise() -> None:
        # Unknown routes and methods answer 404/405 whoever asks.
        if request.routing_exception is not None or not request.path.startswith("/api/v1/"):
            return
        if request.method in WRITE_METHODS:
            g.principal = require(Role.analyst)
        elif app.config.get("KB_READS_REQUIRE_KEY") and not request.path.endswith("/openapi.json"):
            g.principal = require(Role.reader)
        elif app.config.get("KB_EXPORTS_REQUIRE_KEY") and request.path.startswith(EXPORT_PATH):
            g.principal = require(Role.reader)
