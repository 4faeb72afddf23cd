"""Routes of the history resource (append-only; nothing here writes)."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from api.common.blueprint import Blueprint
from api.common.targets import CAUSAL_LINK, CLAIM
from api.extensions import get_store
from api.history.schemas import HistorySchema
from api.merged import MERGED_REDIRECT
from kb.models import TargetKind
from kb.services import history as history_service

blp = Blueprint("history", __name__, description="Who changed what about a claim or link.")


@blp.route("/claims/<target_id>/history", endpoint="claim_history", defaults=CLAIM)
@blp.route(
    "/causal-links/<target_id>/history", endpoint="causal_link_history", defaults=CAUSAL_LINK
)
class TargetHistory(MethodView):
    @blp.response(200, HistorySchema)
    @blp.alt_response(308, **MERGED_REDIRECT)
    def get(self, kind: TargetKind, target_id: str) -> dict[str, Any]:
        """Every evidence, slot and merge event on the claim or causal link, oldest first."""
        events = history_service.history(get_store(), kind, target_id)
        return {"target_id": target_id, "events": events}
