"""The HTTP API: an app factory that wires blueprints, errors and the store.

Nothing here does I/O at import or in `create_app`: the Neo4j driver opens
its first connection on the first request that needs it.
"""

from __future__ import annotations

from typing import Any

from flask import Flask

from api import auth, docs_policy, errors, extensions, guards, limits, merged, response_cache
from api.config import ApiConfig
from api.fast_json import FastJSONProvider


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask app; `test_config` overrides settings (tests pass a store)."""
    app = Flask(__name__)
    app.config.from_object(ApiConfig.from_env())
    if test_config:
        app.config.update(test_config)
    app.json = FastJSONProvider(app)  # orjson; keeps the schemas' field order
    # "//" in a path is not a route: never redirect to a URL built from the Host header.
    app.url_map.merge_slashes = False
    extensions.init_app(app)
    errors.init_app(app)
    merged.init_app(app)  # after errors: its 404 handler comes first
    limits.init_app(app)  # before auth: callers without a key are counted too
    auth.init_app(app)
    guards.init_app(app)
    docs_policy.init_app(app)
    _register_blueprints(app)
    response_cache.init_app(app)  # last: after the limiter, the key check and the guards
    return app


def _register_blueprints(app: Flask) -> None:
    from api.actors.routes import blp as actors
    from api.causal_links.routes import blp as causal_links
    from api.claims.routes import blp as claims
    from api.drafts.routes import blp as drafts
    from api.evidence.routes import blp as evidence
    from api.export.routes import blp as export
    from api.health import blp as health
    from api.history.routes import blp as history
    from api.slots.routes import blp as slots
    from api.sources.routes import blp as sources
    from api.web import web

    api = extensions.get_api(app)
    resources = (claims, causal_links, actors, sources, slots, evidence, history, export, drafts)
    for blueprint in resources:
        api.register_blueprint(blueprint, url_prefix=f"/api/v1{blueprint.url_prefix or ''}")
    api.register_blueprint(health)
    app.register_blueprint(web)
