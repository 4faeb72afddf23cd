"""Routes of the actors resource; `{actor}` is an id, a name or an alias."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from api.actors.schemas import (
    ActorClaimPageSchema,
    ActorClaimsArgsSchema,
    ActorDetailSchema,
    ActorListArgsSchema,
    ActorPageSchema,
)
from api.common.blueprint import Blueprint
from api.extensions import get_store
from kb.models import Page
from kb.services import actors as actor_service

blp = Blueprint("actors", __name__, url_prefix="/actors", description="Who the claims are about.")


@blp.route("")
class Actors(MethodView):
    @blp.arguments(ActorListArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, ActorPageSchema)
    def get(self, page: int, limit: int, kind: str | None = None) -> Page:
        """List actors with their aliases."""
        return actor_service.list_actors(get_store(), kind, page, limit)


@blp.route("/<actor>")
class ActorDetail(MethodView):
    @blp.response(200, ActorDetailSchema)
    def get(self, actor: str) -> dict[str, Any]:
        """An actor by id, name or alias ("Washington" resolves to the United States)."""
        return actor_service.get_actor(get_store(), actor)


@blp.route("/<actor>/claims")
class ActorClaims(MethodView):
    @blp.arguments(ActorClaimsArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, ActorClaimPageSchema)
    def get(self, actor: str, page: int, limit: int, role: str | None = None) -> Page:
        """Claims about an actor, or attributed to it (`role=speaker`)."""
        return actor_service.actor_claims(get_store(), actor, role, page, limit)
