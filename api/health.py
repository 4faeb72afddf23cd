"""`GET /healthz`: is the database reachable and the schema applied?"""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from marshmallow import Schema, fields

from api.common.blueprint import Blueprint
from api.extensions import get_store
from kb.services.health import check_health

blp = Blueprint("health", __name__, description="Liveness and readiness.")


class HealthSchema(Schema):
    status = fields.String(metadata={"description": "`ok` when ready."})
    database = fields.String()
    schema_applied = fields.Boolean()


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, description="Neo4j is unreachable or the schema is not applied.")
    def get(self) -> Any:
        """200 when Neo4j answers and the schema is applied, else a 503 problem."""
        return check_health(get_store())
