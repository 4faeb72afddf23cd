"""Schemas of the causal links and causal chains resources."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from api.claims.schemas import AssertionSchema, BasisArgsSchema, BasisMixin
from api.common.schemas import PageArgsSchema, page_of
from api.evidence.schemas import EvidenceLinkSchema
from api.slots.schemas import SlotSchema


class CausalLinkListArgsSchema(PageArgsSchema):
    claim = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={"description": "Only links with this claim as cause or effect."},
    )


class ChainArgsSchema(BasisArgsSchema):
    from_id = fields.String(
        data_key="from", required=True, validate=validate.Length(min=1, max=200)
    )
    to_id = fields.String(data_key="to", required=True, validate=validate.Length(min=1, max=200))


class ClaimRefSchema(Schema):
    id = fields.String()
    text = fields.String()
    type = fields.String()


class CausalLinkSchema(BasisMixin):
    id = fields.String()
    mechanism = fields.String(metadata={"description": "How the source says the cause works."})
    cause = fields.Nested(ClaimRefSchema)
    effect = fields.Nested(ClaimRefSchema)
    sources = fields.List(fields.String())
    status = fields.String()


class CausalLinkDetailSchema(CausalLinkSchema):
    assertions = fields.List(fields.Nested(AssertionSchema))
    slots = fields.List(fields.Nested(SlotSchema))
    evidence = fields.List(fields.Nested(EvidenceLinkSchema))


class ChainLinkSchema(BasisMixin):
    id = fields.String()
    mechanism = fields.String()


class ChainSchema(Schema):
    claims = fields.List(fields.Nested(ClaimRefSchema), metadata={"description": "In order."})
    links = fields.List(fields.Nested(ChainLinkSchema), metadata={"description": "Between them."})


class ChainsSchema(Schema):
    from_id = fields.String(data_key="from")
    to_id = fields.String(data_key="to")
    chains = fields.List(fields.Nested(ChainSchema))


CausalLinkPageSchema = page_of(CausalLinkSchema, "CausalLinkPage")
