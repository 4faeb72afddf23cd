"""Who is calling: Bearer API keys, checked against the role a route needs."""

from __future__ import annotations

from flask import Flask, request

from api.extensions import get_store
from kb.services.keys import Principal, Role, authenticate, authorise


def require(role: Role) -> Principal:
    """The caller's principal if its key reaches `role`; else 401 or 403 via `api.errors`."""
    principal = authenticate(get_store(), request.headers.get("Authorization"))
    authorise(principal, role)
    return principal


def init_app(app: Flask) -> None:
    """With `KB_READS_REQUIRE_KEY`, every API read needs at least a reader's key."""

    @app.before_request
    def _reads_need_a_key() -> None:
        if not app.config.get("KB_READS_REQUIRE_KEY"):
            return
        if request.method in ("GET", "HEAD") and request.path.startswith("/api/v1/"):
            if not request.path.endswith("/openapi.json"):
                require(Role.reader)
