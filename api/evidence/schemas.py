"""Schemas of analysts' evidence: strict inputs, server-set fields dump-only."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from api.common.schemas import StrictSchema, one_of, page_of
from kb.models import Stance

_TEXT = validate.Length(min=1, max=2000)
_LINE = validate.Length(min=1, max=300)

# What an evidence URL may look like, stated in the OpenAPI document exactly as
# it is checked: http(s), a host name, IPv4 or bracketed IPv6 address, a port
# from 1 to 65535 or none, a path and fragment without spaces.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_H = r"[0-9A-Fa-f]{1,4}"
_IPV6 = (
    r"(?:(?:H:){7}H|(?:H:){1,7}:|(?:H:){1,6}:H|(?:H:){1,5}(?::H){1,2}|(?:H:){1,4}(?::H){1,3}"
    r"|(?:H:){1,3}(?::H){1,4}|(?:H:){1,2}(?::H){1,5}|H:(?::H){1,6}|:(?:(?::H){1,7}|:))"
).replace("H", _H)
_HOST = rf"(?:{_LABEL}(?:\.{_LABEL})*|\[{_IPV6}\])"
_PORT = r"(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"
_CHARS = r"[A-Za-z0-9._~%!$&'()*+,;=:@/?-]"
URL_PATTERN = rf"^https?://{_HOST}(?::{_PORT})?(?:/{_CHARS}*)?(?:#{_CHARS}*)?$"


def _url_field(description: str, required: bool = False) -> fields.String:
    return fields.String(
        required=required,
        validate=[validate.Length(min=10, max=2000), validate.Regexp(URL_PATTERN)],
        metadata={"description": description, "format": "uri"},
    )


class EvidenceInputSchema(StrictSchema):
    url = _url_field(
        "http or https only (javascript:, data:, file: are refused); "
        "normalised, one external source per URL.",
        required=True,
    )
    title = fields.String(validate=_LINE)
    publisher = fields.String(validate=_LINE)
    published_on = fields.Date(metadata={"description": "ISO date, e.g. 2025-03-02."})
    retrieved_on = fields.Date()
    excerpt = fields.String(validate=validate.Length(min=1, max=5000))
    archive_url = _url_field("An archived copy (e.g. a web archive snapshot).")
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


EvidenceLinkPageSchema = page_of(EvidenceLinkSchema, "EvidenceLinkPage")
