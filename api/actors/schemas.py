"""Schemas of the actors resource."""

from __future__ import annotations

from marshmallow import Schema, fields

from api.claims.schemas import ClaimSummarySchema
from api.common.schemas import PageArgsSchema, one_of, page_of
from api.slots.schemas import SlotSchema
from kb.models import ActorKind, ActorRole


class ActorListArgsSchema(PageArgsSchema):
    kind = fields.String(validate=one_of(ActorKind))


class ActorClaimsArgsSchema(PageArgsSchema):
    role = fields.String(validate=one_of(ActorRole))


class ActorSchema(Schema):
    id = fields.String()
    name = fields.String()
    kind = fields.String()
    aliases = fields.List(fields.String())
    wikidata_qid = fields.String(allow_none=True)
    claim_count = fields.Integer()


class ActorDetailSchema(ActorSchema):
    roles = fields.Dict(
        keys=fields.String(), values=fields.Integer(), metadata={"description": "Claims by role."}
    )
    slots = fields.List(fields.Nested(SlotSchema))


class ActorClaimSchema(ClaimSummarySchema):
    roles = fields.List(fields.String())


ActorPageSchema = page_of(ActorSchema, "ActorPage")
ActorClaimPageSchema = page_of(ActorClaimSchema, "ActorClaimPage")
