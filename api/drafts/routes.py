"""Routes of drafts (an analyst's key: drafting costs more than a read, and serves annotation)."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, request
from flask.views import MethodView
from werkzeug.exceptions import NotAcceptable

from api.auth import WRITE_SECURITY
from api.common.blueprint import Blueprint
from api.drafts.schemas import (
    DRAFT_RESPONSE_DOC,
    NOT_ACCEPTABLE_DOC,
    DraftInputSchema,
)
from api.extensions import get_store
from kb.services import drafts as draft_service

blp = Blueprint(
    "drafts", __name__, description="Draft annotation files from a source's text, for review."
)


@blp.route("/drafts")
class Drafts(MethodView):
    @blp.doc(
        security=WRITE_SECURITY, responses={"200": DRAFT_RESPONSE_DOC, "406": NOT_ACCEPTABLE_DOC}
    )
    @blp.arguments(DraftInputSchema)
    def post(self, body: dict[str, Any]) -> Response:
        """Draft a `kb-annotation/1` file from a source's text; nothing is written.

        Proposes the claims (quote, type, checkability), attributions, rejected views,
        connective links, actors and topics (resolved against the knowledge base's
        aliases) and, for each claim, the best existing claims; every item is marked
        `draft: true` for the analyst to accept, edit or reject. JSON by default;
        `Accept: application/yaml` answers the annotation file itself, match proposals
        as commented `- ref:` lines. The text is at most 150,000 characters (422
        beyond; a body over the server's limit is a 413).
        """
        media_type = _negotiated()
        document = draft_service.draft_source(get_store(), **body)
        if media_type == draft_service.YAML_MEDIA_TYPE:
            yaml_text = draft_service.as_yaml(document)
            return Response(yaml_text, mimetype=draft_service.YAML_MEDIA_TYPE)
        return jsonify(document)


def _negotiated() -> str:
    """The media type to answer in: JSON unless `Accept` prefers YAML; else 406."""
    if not request.headers.get("Accept"):
        return draft_service.JSON_MEDIA_TYPE
    best = request.accept_mimetypes.best_match(draft_service.MEDIA_TYPES)
    if best is None:
        raise NotAcceptable(
            "a draft is answered as application/json or application/yaml "
            f"(Accept: {request.headers['Accept'][:100]})"
        )
    return best
