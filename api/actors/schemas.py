"""Schemas of the actors resource."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from api.claims.schemas import ROLES, ClaimSummarySchema, SlotRefSchema
from api.common.schemas import PageArgsSchema, page_of

ACTOR_KINDS = ("person", "state", "organisation", "group", "population", "office")


class ActorListArgsSchema(PageArgsSchema):
    kind = fields.String(validate=validate.OneOf(ACTOR_KINDS))


class ActorClaimsArgsSchema(PageArgsSchema):
    role = fields.String(validate=validate.OneOf(ROLES))


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
    slots = fields.List(fields.Nested(SlotRefSchema))


class ActorClaimSchema(ClaimSummarySchema):
    roles = fields.List(fields.String())


ActorPageSchema = page_of(ActorSchema, "ActorPage")
ActorClaimPageSchema = page_of(ActorClaimSchema, "ActorClaimPage")
