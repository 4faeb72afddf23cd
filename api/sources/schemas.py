"""Schemas of the sources resource."""

from __future__ import annotations

from marshmallow import Schema, fields

from api.common.schemas import page_of
from api.slots.schemas import SlotSchema


class SourceSchema(Schema):
    id = fields.String()
    title = fields.String()
    kind = fields.String()
    language = fields.String()
    sha256 = fields.String()
    length = fields.Integer(metadata={"description": "Length of the text in code points."})
    author = fields.String(allow_none=True)
    publisher = fields.String(allow_none=True)
    published_on = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    claim_count = fields.Integer()


class SpanSchema(Schema):
    kind = fields.String(metadata={"description": "claim, causal_link, supports or attacks."})
    target_id = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    quote = fields.String()
    section = fields.String(allow_none=True)


class SourceDetailSchema(SourceSchema):
    text = fields.String()
    spans = fields.List(fields.Nested(SpanSchema))
    slots = fields.List(fields.Nested(SlotSchema))


class GapSchema(Schema):
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()


class CoverageSchema(Schema):
    source_id = fields.String()
    length = fields.Integer()
    covered = fields.Integer()
    covered_ratio = fields.Float()
    uncovered = fields.List(fields.Nested(GapSchema))


class MapClaimSchema(Schema):
    id = fields.String()
    text = fields.String()
    type = fields.String()
    checkable = fields.Boolean()
    status = fields.String(metadata={"description": "Evidence status."})
    standing = fields.String()
    direct_dependents = fields.Integer(
        metadata={"description": "Claims resting on it directly (support and causal links)."}
    )


class MapLinkSchema(Schema):
    link_id = fields.String()
    kind = fields.String(metadata={"description": "supports, attacks or causal."})
    from_id = fields.String(metadata={"description": "Premise, attacker or cause."})
    to_id = fields.String(metadata={"description": "Conclusion, attacked claim or effect."})
    basis = fields.String(
        allow_none=True,
        metadata={"description": "Where the link comes from: connective, structure or curator."},
    )
    status = fields.String(
        allow_none=True, metadata={"description": "Evidence status of a causal link, else null."}
    )


class ArgumentMapSchema(Schema):
    source_id = fields.String()
    claims = fields.List(fields.Nested(MapClaimSchema))
    links = fields.List(fields.Nested(MapLinkSchema))


SourcePageSchema = page_of(SourceSchema, "SourcePage")
