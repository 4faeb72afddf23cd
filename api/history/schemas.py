"""Schemas of the history resource."""

from __future__ import annotations

from marshmallow import Schema, fields


class EventSchema(Schema):
    id = fields.String()
    kind = fields.String(
        metadata={
            "description": "evidence_attached, evidence_retracted, slot_opened, "
            "slot_closed, slot_reopened, claim_merged or claim_unmerged."
        }
    )
    at = fields.String()
    by = fields.String()
    target_id = fields.String()
    link_id = fields.String(allow_none=True)
    slot_id = fields.String(allow_none=True)
    detail = fields.String(allow_none=True)


class HistorySchema(Schema):
    target_id = fields.String()
    events = fields.List(fields.Nested(EventSchema))
