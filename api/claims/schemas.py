"""Schemas of the claims resource: query arguments and responses."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from api.common.schemas import PageArgsSchema, StrictSchema, one_of, page_of
from api.evidence.schemas import EvidenceLinkSchema
from api.slots.schemas import SlotSchema
from kb.models import (
    DEFAULT_DEPTH,
    MAX_DEPTH,
    ActorRole,
    ClaimType,
    EvidenceStatus,
    SlotFilter,
    Standing,
    choices,
)

STATUS_OR_STANDING = (*choices(EvidenceStatus), *choices(Standing))


class ClaimListArgsSchema(PageArgsSchema):
    type = fields.String(validate=one_of(ClaimType))
    actor = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={"description": "Actor id, name or alias (e.g. `Washington`)."},
    )
    role = fields.String(validate=one_of(ActorRole), metadata={"description": "The actor's role."})
    topic = fields.String(validate=validate.Length(min=1, max=200))
    checkable = fields.Boolean()
    source = fields.String(validate=validate.Length(min=1, max=200))
    slot = fields.String(
        validate=one_of(SlotFilter),
        metadata={"description": "Claims with an open/filled/closed slot, or with none."},
    )
    status = fields.String(
        validate=validate.OneOf(STATUS_OR_STANDING),
        metadata={"description": "Evidence status or standing (see the README's rules)."},
    )
    q = fields.String(
        validate=validate.Length(min=1, max=500),
        metadata={"description": "Full-text search over claim text and quotes, ranked."},
    )


class DepthArgsSchema(StrictSchema):
    depth = fields.Integer(
        load_default=DEFAULT_DEPTH, validate=validate.Range(min=1, max=MAX_DEPTH)
    )


class ClaimSummarySchema(Schema):
    id = fields.String(required=True)
    text = fields.String()
    type = fields.String()
    checkable = fields.Boolean()
    status = fields.String(
        metadata={"description": "Evidence status: " + ", ".join(EvidenceStatus)}
    )
    standing = fields.String(metadata={"description": "Standing: " + ", ".join(Standing)})
    sources = fields.List(fields.String(), metadata={"description": "Ids of asserting sources."})
    score = fields.Float(allow_none=True, metadata={"description": "Full-text relevance."})


ClaimPageSchema = page_of(ClaimSummarySchema, "ClaimPage")


class AssertionSchema(Schema):
    source_id = fields.String()
    source_title = fields.String()
    quote = fields.String()
    start = fields.Integer(metadata={"description": "Code point offset, inclusive."})
    end = fields.Integer(metadata={"description": "Code point offset, exclusive."})
    section = fields.String(allow_none=True)


class ActorRoleSchema(Schema):
    actor_id = fields.String()
    name = fields.String()
    kind = fields.String()
    role = fields.String()


class TopicRefSchema(Schema):
    topic_id = fields.String()
    name = fields.String()


class ArgumentLinkSchema(Schema):
    link_id = fields.String()
    claim_id = fields.String()
    text = fields.String()
    source_id = fields.String()
    quote = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class CausalRefSchema(Schema):
    link_id = fields.String()
    mechanism = fields.String()
    claim_id = fields.String()
    text = fields.String()


class ClaimDetailSchema(ClaimSummarySchema):
    assertions = fields.List(fields.Nested(AssertionSchema))
    actors = fields.List(fields.Nested(ActorRoleSchema))
    topics = fields.List(fields.Nested(TopicRefSchema))
    supports = fields.List(fields.Nested(ArgumentLinkSchema))
    supported_by = fields.List(fields.Nested(ArgumentLinkSchema))
    attacks = fields.List(fields.Nested(ArgumentLinkSchema))
    attacked_by = fields.List(fields.Nested(ArgumentLinkSchema))
    causes = fields.List(fields.Nested(CausalRefSchema), metadata={"description": "As cause."})
    caused_by = fields.List(fields.Nested(CausalRefSchema), metadata={"description": "As effect."})
    slots = fields.List(fields.Nested(SlotSchema))
    evidence = fields.List(
        fields.Nested(EvidenceLinkSchema),
        metadata={"description": "Analysts' evidence links, retracted ones included."},
    )


class PathStepSchema(Schema):
    claim_id = fields.String()
    link_id = fields.String()
    kind = fields.String(metadata={"description": "`supports` or `causal`."})


class ReachedClaimSchema(Schema):
    claim_id = fields.String()
    text = fields.String()
    type = fields.String()
    distance = fields.Integer()
    path = fields.List(
        fields.Nested(PathStepSchema),
        metadata={"description": "One shortest path from the queried claim, step by step."},
    )


class ImpactedClaimSchema(ReachedClaimSchema):
    status = fields.String(metadata={"description": "Current evidence status."})
    standing = fields.String(metadata={"description": "Current standing (before this refutation)."})


class WalkSchema(Schema):
    claim_id = fields.String()
    direction = fields.String()
    depth = fields.Integer()
    claims = fields.List(fields.Nested(ReachedClaimSchema))


class ImpactSchema(Schema):
    claim_id = fields.String()
    loses_all_support = fields.List(fields.Nested(ImpactedClaimSchema))
    keeps_other_support = fields.List(fields.Nested(ImpactedClaimSchema))
