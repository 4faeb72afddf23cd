"""Schemas of the slots resource: the one shape of a slot, and its inputs."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from api.common.schemas import PageArgsSchema, StrictSchema, one_of, page_of
from kb.models import SlotKind, SlotStatus

_TEXT = validate.Length(min=1, max=2000)


class SlotListArgsSchema(PageArgsSchema):
    status = fields.String(validate=one_of(SlotStatus))
    kind = fields.String(validate=one_of(SlotKind))
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
    """An evidence slot, wherever it appears (`owner` only where it is not implied)."""

    id = fields.String()
    kind = fields.String(metadata={"description": ", ".join(SlotKind)})
    question = fields.String(metadata={"description": "What external source would settle it."})
    status = fields.String(metadata={"description": ", ".join(SlotStatus)})
    reason = fields.String(allow_none=True, metadata={"description": "Why it was closed."})
    field = fields.String(allow_none=True, metadata={"description": "The metadata field."})
    opened_by = fields.String(allow_none=True)
    opened_at = fields.String(allow_none=True)
    closed_by = fields.String(allow_none=True)
    closed_at = fields.String(allow_none=True)
    active_links = fields.Integer(metadata={"description": "Active evidence links filling it."})
    owner = fields.Nested(SlotOwnerSchema)


class NewSlotSchema(StrictSchema):
    question = fields.String(
        required=True,
        validate=_TEXT,
        metadata={"description": "What external source would settle the claim or link."},
    )


class SlotUpdateSchema(StrictSchema):
    """Reopen a slot, or close it with a reason; its opener (or an admin) may reword it."""

    # "Closing needs a reason", stated in the document as it is checked.
    OPENAPI_EXTRA = {
        "oneOf": [
            {"properties": {"status": {"enum": ["open"]}}},
            {"properties": {"status": {"enum": ["closed"]}}, "required": ["status", "reason"]},
        ]
    }

    status = fields.String(required=True, validate=validate.OneOf(("open", "closed")))
    reason = fields.String(
        validate=_TEXT, metadata={"description": "Required to close (why unresolvable)."}
    )
    question = fields.String(validate=_TEXT)

    @validates_schema
    def _closing_needs_a_reason(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("status") == "closed" and not data.get("reason"):
            raise ValidationError("closing a slot needs a reason", field_name="reason")


SlotPageSchema = page_of(SlotSchema, "SlotPage")
