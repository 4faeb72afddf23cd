"""Schemas of the export resource: its query argument and the documents it streams.

The bodies are streamed, not serialised by marshmallow; the output schemas
describe them for the OpenAPI document (and the tests' response checker).
"""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, validate

from api.common.schemas import StrictSchema
from kb.export.formats import AIF, CLAIMREVIEW, FORMATS, ExportFormat


class ExportArgsSchema(StrictSchema):
    source = fields.String(
        load_default=None,
        validate=validate.Length(min=1, max=200),
        metadata={"description": "Only what this source asserts (a source id)."},
    )


class AifNodeSchema(Schema):
    nodeID = fields.String(required=True)
    text = fields.String(required=True)
    type = fields.String(
        required=True, metadata={"description": "I, RA, CA, L, YA or TA (AIF with IAT)."}
    )
    timestamp = fields.String(metadata={"description": "YYYY-MM-DD HH:mm:ss, the export time."})
    scheme = fields.String()


class AifEdgeSchema(Schema):
    edgeID = fields.String(required=True)
    fromID = fields.String(required=True)
    toID = fields.String(required=True)
    formEdgeID = fields.String(allow_none=True)


class AifLocutionSchema(Schema):
    nodeID = fields.String(required=True)
    personID = fields.String(required=True)
    timestamp = fields.String()
    start = fields.String(allow_none=True)
    end = fields.String(allow_none=True)
    source = fields.String(allow_none=True)


class AifParticipantSchema(Schema):
    participantID = fields.String(required=True)
    firstname = fields.String()
    surname = fields.String()


class AifDocumentSchema(Schema):
    """AIF JSON as AIFdb publishes it."""

    nodes = fields.List(fields.Nested(AifNodeSchema), required=True)
    edges = fields.List(fields.Nested(AifEdgeSchema), required=True)
    locutions = fields.List(fields.Nested(AifLocutionSchema), required=True)
    participants = fields.List(fields.Nested(AifParticipantSchema), required=True)


class ClaimReviewDocumentSchema(Schema):
    """A JSON-LD document: the schema.org context and a graph of ClaimReview items."""

    context = fields.String(data_key="@context", required=True)
    graph = fields.List(fields.Dict(), data_key="@graph", required=True)


# The registered formats' bodies: a documented JSON shape where there is one, else text
# or a binary file as they stream.
_DOCUMENTS: dict[ExportFormat, type[Schema]] = {
    AIF: AifDocumentSchema,
    CLAIMREVIEW: ClaimReviewDocumentSchema,
}
_BODIES: dict[str, dict[str, str]] = {
    "text": {"type": "string"},
    "zip": {"type": "string", "format": "binary"},
}

LOSS_HEADER_DOC: dict[str, Any] = {
    "description": "The loss report: a JSON list of {kind, count, note}, one item per kind "
    "of thing the format could not carry ([] when nothing was lost).",
    "schema": {"type": "string"},
}

FEED_PARAMETERS_DOC: list[dict[str, Any]] = [
    {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "description": "claimreview: the ETag of the copy the reader has; 304 if still current.",
        "schema": {"type": "string"},
    },
    {
        "name": "If-Modified-Since",
        "in": "header",
        "required": False,
        "description": "claimreview: 304 if no review changed since this HTTP date.",
        "schema": {"type": "string"},
    },
]

_VALIDATORS_DOC: dict[str, Any] = {
    "ETag": {
        "description": "claimreview: a strong validator of the document (its hash).",
        "schema": {"type": "string"},
    },
    "Last-Modified": {
        "description": "claimreview: the latest dateModified of its reviews.",
        "schema": {"type": "string"},
    },
}

NOT_MODIFIED_DOC: dict[str, Any] = {
    "description": "claimreview: the reader's copy (If-None-Match) is current; no body.",
    "headers": _VALIDATORS_DOC,
}

EXPORT_RESPONSE_DOC: dict[str, Any] = {
    "description": "The export, streamed as a download (claimreview: whole, with validators).",
    "headers": {
        **_VALIDATORS_DOC,
        "X-Export-Loss": LOSS_HEADER_DOC,
        "Content-Disposition": {
            "description": "attachment, with the file name",
            "schema": {"type": "string"},
        },
    },
    "content": {
        chosen.media_type: {"schema": _DOCUMENTS.get(chosen, _BODIES[chosen.streams])}
        for chosen in FORMATS.values()
    },
}
