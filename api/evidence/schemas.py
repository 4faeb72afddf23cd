"""Schemas of analysts' evidence: strict inputs, server-set fields dump-only."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from api.common.schemas import StrictSchema, one_of
from kb.models import Stance

_TEXT = validate.Length(min=1, max=2000)
_LINE = validate.Length(min=1, max=300)


class EvidenceInputSchema(StrictSchema):
    url = fields.Url(
        required=True,
        schemes={"http", "https"},
        validate=validate.Length(max=2000),
        metadata={
            "description": "http or https only (javascript:, data:, file: are refused); "
            "normalised, one external source per URL."
        },
    )
    title = fields.String(validate=_LINE)
    publisher = fields.String(validate=_LINE)
    published_on = fields.Date(metadata={"description": "ISO date, e.g. 2025-03-02."})
    retrieved_on = fields.Date()
    excerpt = fields.String(validate=validate.Length(min=1, max=5000))
    archive_url = fields.Url(schemes={"http", "https"}, validate=validate.Length(max=2000))
    stance = fields.String(required=True, validate=one_of(Stance))
    confidence = fields.Float(required=True, validate=validate.Range(min=0.0, max=1.0))
    rationale = fields.String(required=True, validate=_TEXT)
    slot_id = fields.String(validate=_LINE, metadata={"description": "The slot this fills."})


class EvidenceSourceSchema(Schema):
    id = fields.String()
    url = fields.String()
    title = fields.String(allow_none=True)
    publisher = fields.String(allow_none=True)
    published_on = fields.String(allow_none=True)
    retrieved_on = fields.String(allow_none=True)
    excerpt = fields.String(allow_none=True)
    archive_url = fields.String(allow_none=True)
    added_by = fields.String()
    added_at = fields.String()


class EvidenceLinkSchema(Schema):
    id = fields.String(dump_only=True)
    target_id = fields.String(dump_only=True)
    stance = fields.String()
    confidence = fields.Float()
    rationale = fields.String()
    slot_id = fields.String(allow_none=True)
    added_by = fields.String(dump_only=True)
    added_at = fields.String(dump_only=True)
    retracted_by = fields.String(allow_none=True, dump_only=True)
    retracted_at = fields.String(allow_none=True, dump_only=True)
    retraction_reason = fields.String(allow_none=True, dump_only=True)
    evidence = fields.Nested(EvidenceSourceSchema, dump_only=True)


class RetractionSchema(StrictSchema):
    reason = fields.String(required=True, validate=_TEXT)
