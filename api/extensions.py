"""The app's extensions: flask-smorest's `Api`, the Neo4j store, Swagger UI assets."""

from __future__ import annotations

import atexit
from pathlib import Path
from typing import Any

import flask_swagger_ui
from flask import Blueprint, Flask, current_app, send_from_directory
from flask_smorest import Api
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from api.common.schemas import ProblemSchema
from api.errors import http_problem
from api.openapi_docs import OperationDocsPlugin, register_components
from api.spec_plugins import ProblemJsonPlugin, SchemaExtrasPlugin
from kb.db import Store

SWAGGER_ASSETS = Path(flask_swagger_ui.__file__).parent / "dist"


class KbApi(Api):
    """flask-smorest's Api with RFC 9457 problem details as the one error shape."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error: HTTPException) -> tuple[Response, int]:  # pyright: ignore[reportIncompatibleMethodOverride]
        """flask-smorest's documented hook for HTTP errors: answer a problem document."""
        return http_problem(error)


def init_app(app: Flask) -> None:
    """Attach the API and the asset route; the store is opened lazily."""
    api = KbApi(
        app,
        spec_kwargs={
            "info": {"description": _DESCRIPTION},
            # errors documented as problem+json; cross-field rules as JSON Schema
            # operationIds, 414/429/503 and Idempotency-Key on every operation
            "extra_plugins": [ProblemJsonPlugin(), SchemaExtrasPlugin(), OperationDocsPlugin()],
        },
    )
    assert api.spec is not None  # created by Api(app)
    register_components(api.spec)
    api.spec.components.security_scheme(
        "bearerAuth", {"type": "http", "scheme": "bearer", "description": "kb keys create"}
    )
    app.extensions["kb_api"] = api
    assets = Blueprint("swagger_assets", __name__)
    assets.add_url_rule("/api/docs/assets/<path:filename>", view_func=_swagger_asset)
    app.register_blueprint(assets)


def get_api(app: Flask) -> KbApi:
    api: KbApi = app.extensions["kb_api"]
    return api


def get_store() -> Store:
    """The app's one store: passed in by tests as `KB_STORE`, else opened on first use."""
    store: Store | None = current_app.extensions.get("kb_store")
    if store is None:
        # Requests fail fast (503 within 2 s) rather than wait out an outage.
        store = current_app.config.get("KB_STORE") or Store.connect(
            current_app.config["KB_SETTINGS"].for_requests()
        )
        if "KB_STORE" not in current_app.config:
            atexit.register(store.close)  # the driver's pool closes when the worker exits
        current_app.extensions["kb_store"] = store
    return store


def _swagger_asset(filename: str) -> Any:
    return send_from_directory(SWAGGER_ASSETS, filename)


_DESCRIPTION = (
    "A neutral knowledge base of what sources assert: claims with their exact quotes "
    "and offsets, the support, attack and causal links the sources draw between them, "
    "the actors they are about, and the evidence slots analysts fill. Every claim is "
    "shown with who asserted it; nothing is stored as bare fact."
)
