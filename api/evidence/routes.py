"""Routes of analysts' evidence (writes need a Bearer key with the analyst role or above)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import request
from flask.views import MethodView

from api.auth import WRITE_SECURITY, current_principal
from api.common import links
from api.common.blueprint import Blueprint
from api.common.schemas import PageArgsSchema
from api.common.targets import CAUSAL_LINK, CLAIM
from api.evidence.schemas import (
    EvidenceInputSchema,
    EvidenceLinkPageSchema,
    EvidenceLinkSchema,
    RetractionSchema,
)
from api.extensions import get_store
from api.merged import MERGED_REDIRECT
from kb.models import Page, TargetKind
from kb.services import evidence as evidence_service
from kb.services import validation
from kb.services.evidence import EvidenceInput

blp = Blueprint("evidence", __name__, description="Analysts attach and retract evidence.")


def _evidence_input(body: dict[str, Any]) -> EvidenceInput:
    fields: dict[str, Any] = {
        key: value.isoformat() if isinstance(value, date) else value for key, value in body.items()
    }
    return EvidenceInput(**fields)


@blp.route("/claims/<target_id>/evidence", endpoint="claim_evidence", defaults=CLAIM)
@blp.route(
    "/causal-links/<target_id>/evidence", endpoint="causal_link_evidence", defaults=CAUSAL_LINK
)
class TargetEvidence(MethodView):
    @blp.arguments(PageArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, EvidenceLinkPageSchema)
    @blp.alt_response(308, **MERGED_REDIRECT)
    def get(self, page: int, limit: int, kind: TargetKind, target_id: str) -> Page:
        """The evidence links on the claim or causal link, oldest first, retracted ones
        included, a page at a time."""
        request_ = validation.page_request(page, limit)
        return evidence_service.evidence_page(get_store(), kind, target_id, request_)

    @blp.doc(security=WRITE_SECURITY, responses={201: {"links": links.AFTER_ATTACH}})
    @blp.arguments(EvidenceInputSchema)
    @blp.response(201, EvidenceLinkSchema)
    @blp.alt_response(308, **MERGED_REDIRECT)
    @blp.alt_response(200, schema=EvidenceLinkSchema, description="The existing identical link.")
    def post(self, body: dict[str, Any], kind: TargetKind, target_id: str) -> Any:
        """Attach external evidence (supports, refutes or context), optionally filling a slot.

        The same target, URL and stance by the same analyst answers 200 with the
        existing link; an `Idempotency-Key` header replays the first answer.
        """
        link, created = evidence_service.attach_evidence(
            get_store(),
            kind,
            target_id,
            _evidence_input(body),
            current_principal(),
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
        return evidence_service.retract_evidence(
            get_store(), link_id, body["reason"], current_principal()
        )
