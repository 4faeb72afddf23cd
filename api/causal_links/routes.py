"""Routes of causal links and causal chains."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from api.causal_links.schemas import (
    CausalLinkDetailSchema,
    CausalLinkListArgsSchema,
    CausalLinkPageSchema,
    ChainArgsSchema,
    ChainsSchema,
)
from api.common.blueprint import Blueprint
from api.extensions import get_store
from kb.models import Page
from kb.services import causal_links as causal_link_service

blp = Blueprint("causal_links", __name__, description="Cause -> effect links sources assert.")


@blp.route("/causal-links")
class CausalLinks(MethodView):
    @blp.arguments(CausalLinkListArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, CausalLinkPageSchema)
    def get(self, page: int, limit: int, claim: str | None = None) -> Page:
        """List causal links with cause, effect and mechanism."""
        return causal_link_service.list_causal_links(get_store(), claim, page, limit)


@blp.route("/causal-links/<link_id>")
class CausalLinkDetail(MethodView):
    @blp.response(200, CausalLinkDetailSchema)
    def get(self, link_id: str) -> dict[str, Any]:
        """A causal link, who asserts it and where, and its evidence slots."""
        return causal_link_service.get_causal_link(get_store(), link_id)


@blp.route("/causal-chains")
class CausalChains(MethodView):
    @blp.arguments(ChainArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, ChainsSchema)
    def get(self, from_id: str, to_id: str, basis: list[str] | None) -> dict[str, Any]:
        """The causal chains the sources assert from one claim to another, shortest first."""
        return causal_link_service.causal_chains(get_store(), from_id, to_id, basis)
