"""Routes of evidence slots: the analysts' work list, opening, closing, reopening."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from api.auth import WRITE_SECURITY, current_principal
from api.common import links
from api.common.blueprint import Blueprint
from api.common.targets import CAUSAL_LINK, CLAIM
from api.extensions import get_store
from api.merged import MERGED_REDIRECT
from api.slots.schemas import (
    NewSlotSchema,
    SlotListArgsSchema,
    SlotPageSchema,
    SlotSchema,
    SlotUpdateSchema,
)
from kb.models import Page, TargetKind
from kb.services import slots as slot_service

blp = Blueprint("slots", __name__, description="Open questions for analysts.")


@blp.route("/slots")
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


@blp.route("/slots/<slot_id>")
class Slot(MethodView):
    @blp.doc(security=WRITE_SECURITY)
    @blp.arguments(SlotUpdateSchema)
    @blp.response(200, SlotSchema)
    def patch(self, body: dict[str, Any], slot_id: str) -> dict[str, Any]:
        """Close a slot as unresolvable (with a reason), or reopen it."""
        return slot_service.update_slot(
            get_store(),
            slot_id,
            body["status"],
            body.get("reason"),
            body.get("question"),
            current_principal(),
        )


@blp.route("/claims/<target_id>/slots", endpoint="claim_slots", defaults=CLAIM)
@blp.route("/causal-links/<target_id>/slots", endpoint="causal_link_slots", defaults=CAUSAL_LINK)
class TargetSlots(MethodView):
    @blp.doc(security=WRITE_SECURITY, responses={201: {"links": links.AFTER_OPEN_SLOT}})
    @blp.arguments(NewSlotSchema)
    @blp.response(201, SlotSchema)
    @blp.alt_response(308, **MERGED_REDIRECT)
    def post(self, body: dict[str, Any], kind: TargetKind, target_id: str) -> dict[str, Any]:
        """Open a new evidence slot saying what would settle the claim or link."""
        return slot_service.open_slot(
            get_store(), kind, target_id, body["question"], current_principal()
        )
