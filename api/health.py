"""`GET /healthz`: is the database reachable and the schema applied?"""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from api.errors import problem
from api.extensions import get_store
from kb.services.health import check_health

blp = Blueprint("health", __name__)


@blp.get("/healthz")
def healthz() -> Any:
    """200 when Neo4j answers and the schema is applied, else a 503 problem."""
    health = check_health(get_store())  # unreachable -> 503 through api.errors
    if not health["schema_applied"]:
        return problem(503, "The schema has not been applied (run `kb seed`).", "schema-missing")
    return health
