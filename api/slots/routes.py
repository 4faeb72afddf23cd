"""Routes of the slots resource: the analysts' work list."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from api.extensions import get_store
from api.slots.schemas import SlotListArgsSchema, SlotPageSchema
from kb.models import Page
from kb.services import slots as slot_service

blp = Blueprint("slots", __name__, url_prefix="/slots", description="Open questions for analysts.")


@blp.route("")
class Slots(MethodView):
    @blp.arguments(SlotListArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, SlotPageSchema)
    def get(
        self,
        page: int,
        limit: int,
        status: str | None = None,
        kind: str | None = None,
        owner: str | None = None,
    ) -> Page:
        """Evidence slots with their claim or causal link and what would settle them."""
        return slot_service.list_slots(get_store(), status, kind, owner, page, limit)
