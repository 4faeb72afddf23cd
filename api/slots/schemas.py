"""Schemas of the slots resource."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from api.common.schemas import PageArgsSchema, page_of

SLOT_STATUSES = ("open", "filled", "closed")
SLOT_KINDS = ("claim", "causal_link", "source_metadata", "external_id")


class SlotListArgsSchema(PageArgsSchema):
    status = fields.String(validate=validate.OneOf(SLOT_STATUSES))
    kind = fields.String(validate=validate.OneOf(SLOT_KINDS))
    owner = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={"description": "Only slots of this claim, causal link, source or actor."},
    )


class SlotOwnerSchema(Schema):
    id = fields.String()
    label = fields.String(
        metadata={
            "description": "Claim, CausalLink, SupersededCausalLink (retired by a review), "
            "Source or Actor."
        }
    )
    text = fields.String(allow_none=True)
    type = fields.String(allow_none=True)


class SlotSchema(Schema):
    id = fields.String()
    kind = fields.String()
    question = fields.String(metadata={"description": "What external source would settle it."})
    status = fields.String()
    field = fields.String(allow_none=True)
    reason = fields.String(allow_none=True)
    owner = fields.Nested(SlotOwnerSchema)
    evidence_count = fields.Integer()


SlotPageSchema = page_of(SlotSchema, "SlotPage")
