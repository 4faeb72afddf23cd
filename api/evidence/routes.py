"""Routes of the analysts' write API (Bearer key with the analyst role or above)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from api.auth import current_principal
from api.evidence.schemas import (
    EvidenceInputSchema,
    EvidenceLinkSchema,
    HistorySchema,
    NewSlotSchema,
    RetractionSchema,
    SlotDetailSchema,
    SlotUpdateSchema,
)
from api.extensions import get_store
from kb.services import evidence as evidence_service
from kb.services.evidence import EvidenceInput, TargetKind

blp = Blueprint("evidence", __name__, description="Analysts attach evidence and manage slots.")
WRITE_SECURITY: list[dict[str, list[str]]] = [{"bearerAuth": []}]
CLAIM: dict[str, TargetKind] = {"kind": "claim"}
CAUSAL_LINK: dict[str, TargetKind] = {"kind": "causal_link"}


def _evidence_input(body: dict[str, Any]) -> EvidenceInput:
    dates = {k: v.isoformat() for k, v in body.items() if isinstance(v, date)}
    return EvidenceInput(**{**body, **dates})


@blp.route("/claims/<target_id>/evidence", endpoint="claim_evidence", defaults=CLAIM)
@blp.route(
    "/causal-links/<target_id>/evidence", endpoint="causal_link_evidence", defaults=CAUSAL_LINK
)
class TargetEvidence(MethodView):
    @blp.response(200, EvidenceLinkSchema(many=True))
    def get(self, kind: TargetKind, target_id: str) -> list[dict[str, Any]]:
        """Every evidence link on the claim or causal link, retracted ones included."""
        return evidence_service.evidence_for(get_store(), kind, target_id)

    @blp.doc(security=WRITE_SECURITY)
    @blp.arguments(EvidenceInputSchema)
    @blp.response(201, EvidenceLinkSchema)
    @blp.alt_response(200, schema=EvidenceLinkSchema, description="The existing identical link.")
    def post(self, body: dict[str, Any], kind: TargetKind, target_id: str) -> Any:
        """Attach external evidence (supports, refutes or context), optionally filling a slot.

        The same target, URL and stance by the same analyst answers 200 with the
        existing link; an `Idempotency-Key` header replays the first answer.
        """
        principal = current_principal()
        link, created = evidence_service.attach_evidence(
            get_store(),
            kind,
            target_id,
            _evidence_input(body),
            principal,
            request.headers.get("Idempotency-Key"),
        )
        return link, 201 if created else 200


@blp.route("/evidence-links/<link_id>")
class EvidenceLink(MethodView):
    @blp.doc(security=WRITE_SECURITY)
    @blp.arguments(RetractionSchema)
    @blp.response(200, EvidenceLinkSchema)
    def delete(self, body: dict[str, Any], link_id: str) -> dict[str, Any]:
        """Retract an evidence link: it is marked (who, when, why), never deleted."""
        principal = current_principal()
        return evidence_service.retract_evidence(get_store(), link_id, body["reason"], principal)


@blp.route("/claims/<target_id>/slots", endpoint="claim_slots", defaults=CLAIM)
@blp.route("/causal-links/<target_id>/slots", endpoint="causal_link_slots", defaults=CAUSAL_LINK)
class TargetSlots(MethodView):
    @blp.doc(security=WRITE_SECURITY)
    @blp.arguments(NewSlotSchema)
    @blp.response(201, SlotDetailSchema)
    def post(self, body: dict[str, Any], kind: TargetKind, target_id: str) -> dict[str, Any]:
        """Open a new evidence slot saying what would settle the claim or link."""
        principal = current_principal()
        return evidence_service.open_slot(get_store(), kind, target_id, body["question"], principal)


@blp.route("/slots/<slot_id>")
class Slot(MethodView):
    @blp.doc(security=WRITE_SECURITY)
    @blp.arguments(SlotUpdateSchema)
    @blp.response(200, SlotDetailSchema)
    def patch(self, body: dict[str, Any], slot_id: str) -> dict[str, Any]:
        """Close a slot as unresolvable (with a reason), or reopen it."""
        principal = current_principal()
        return evidence_service.update_slot(
            get_store(),
            slot_id,
            body["status"],
            body.get("reason"),
            body.get("question"),
            principal,
        )


@blp.route("/claims/<target_id>/history", endpoint="claim_history", defaults=CLAIM)
@blp.route(
    "/causal-links/<target_id>/history", endpoint="causal_link_history", defaults=CAUSAL_LINK
)
class TargetHistory(MethodView):
    @blp.response(200, HistorySchema)
    def get(self, kind: TargetKind, target_id: str) -> dict[str, Any]:
        """Every evidence and slot event on the claim or causal link, oldest first."""
        events = evidence_service.history(get_store(), kind, target_id)
        return {"target_id": target_id, "events": events}
