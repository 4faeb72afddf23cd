"""Schemas of the claims resource: query arguments and responses."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from marshmallow import Schema, ValidationError, fields, validate

from api.common.schemas import (
    KeysetPageMetaSchema,
    PageArgsSchema,
    PageMetaSchema,
    StrictSchema,
    one_of,
    page_of,
)
from api.common.stance import StanceSchema
from api.evidence.schemas import EvidenceLinkSchema
from api.slots.schemas import SlotSchema
from kb.models import (
    BASES,
    DEFAULT_DEPTH,
    DEFAULT_WALK_PAGE_SIZE,
    MAX_DEPTH,
    MAX_PAGE,
    MAX_WALK_PAGE_SIZE,
    ActorRole,
    ClaimType,
    EvidenceStatus,
    SlotFilter,
    Standing,
    choices,
)
from kb.services.claims import CONSENSUS_VALUES, DETAIL_EVIDENCE_LIMIT

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
    asserted_by_min = fields.Integer(
        validate=validate.Range(min=1, max=1_000_000),
        metadata={
            "description": "Claims at least this many distinct sources commit to (stance "
            "`asserts` or `presupposes`; a source that rejects or only reports it does not count)."
        },
    )
    rejected_by_min = fields.Integer(
        validate=validate.Range(min=1, max=1_000_000),
        metadata={"description": "Claims at least this many distinct sources reject."},
    )
    contested = fields.Boolean(
        metadata={
            "description": "`true`: claims one party commits to and another rejects (a party "
            "is a source, or a speaker a source reports asserting or rejecting it); "
            "`false`: the others."
        }
    )
    reported_by_min = fields.Integer(
        validate=validate.Range(min=1, max=1_000_000),
        metadata={
            "description": "Claims sources report at least this many distinct speakers saying."
        },
    )
    consensus = fields.String(
        validate=validate.OneOf(CONSENSUS_VALUES),
        metadata={
            "description": "The claim's stored consensus: `single` (one party), `agreed` "
            "(several, none against), `contested` (one commits, another rejects)."
        },
    )
    after = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={
            "description": "Only claims whose id sorts after this one. As a keyset cursor (a "
            "page's `meta.next_after`) it costs one page at any depth; `total` and `page` "
            "then count from the cursor."
        },
    )


_ONE_BASIS = "(?:" + "|".join(BASES) + ")"
BASIS_PATTERN = f"^{_ONE_BASIS}(?:,{_ONE_BASIS})*$"  # documented and checked alike


class BasisField(fields.Field):
    """A comma-separated subset of the link bases, e.g. `connective,structure`."""

    def _deserialize(
        self, value: object, attr: object, data: object, **kwargs: object
    ) -> list[str]:
        if not isinstance(value, str) or not re.fullmatch(BASIS_PATTERN, value):
            raise ValidationError(f"Comma-separated subset of {', '.join(BASES)}.")
        return sorted(set(value.split(",")), key=BASES.index)


BASIS_DESCRIPTION = (
    "Only links of these bases, comma-separated (default: all): `connective` (a connective "
    "in the text), `structure` (the text's layout), `curator` (the analyst's inference)."
)


class BasisArgsSchema(StrictSchema):
    basis = BasisField(
        load_default=None,
        metadata={
            "description": BASIS_DESCRIPTION,
            "type": "string",
            "pattern": BASIS_PATTERN,
            "example": "connective,structure",
        },
    )


class DepthArgsSchema(BasisArgsSchema):
    depth = fields.Integer(
        load_default=DEFAULT_DEPTH, validate=validate.Range(min=1, max=MAX_DEPTH)
    )
    source = fields.String(
        load_default=None,
        validate=validate.Length(min=1, max=200),
        metadata={
            "description": "Only the links this source argues (its support links and the "
            "causal links it asserts); default: every source's."
        },
    )


class WalkArgsSchema(DepthArgsSchema):
    """A walk's depth and bases, and which page of the claims it reached."""

    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE))
    limit = fields.Integer(
        load_default=DEFAULT_WALK_PAGE_SIZE,
        validate=validate.Range(min=1, max=MAX_WALK_PAGE_SIZE),
        metadata={"description": "Reached claims per page, nearest first."},
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


ClaimPageSchema = page_of(ClaimSummarySchema, "ClaimPage", KeysetPageMetaSchema)


class AssertionSchema(StanceSchema):
    source_id = fields.String()
    source_title = fields.String()
    quote = fields.String()
    start = fields.Integer(metadata={"description": "Code point offset, inclusive."})
    end = fields.Integer(metadata={"description": "Code point offset, exclusive."})
    section = fields.String(allow_none=True)
    mode = fields.String(metadata={"description": "Deprecated: the same as `stance`."})


class SourceStanceSchema(Schema):
    source_id = fields.String()
    source_title = fields.String()
    position = fields.String(
        metadata={
            "description": "`commits` (asserts or presupposes it somewhere), else `rejects`, "
            "else `reports` (only reports others saying it)."
        }
    )
    stances = fields.List(fields.String(), metadata={"description": "Its stances, distinct."})
    quotes = fields.List(fields.String(), metadata={"description": "Its quotes, in text order."})


class ReportSchema(Schema):
    source_id = fields.String()
    quote = fields.String()
    reporting = fields.String(allow_none=True)


class ReportedSpeakerSchema(Schema):
    speaker = fields.String(metadata={"description": "The actor id of the speaker."})
    speaker_stance = fields.String(metadata={"description": "`asserts` or `rejects`."})
    reported_by = fields.List(
        fields.Nested(ReportSchema), metadata={"description": "The sources that report it."}
    )


class ActorRoleSchema(Schema):
    actor_id = fields.String()
    name = fields.String()
    kind = fields.String()
    role = fields.String()


class TopicRefSchema(Schema):
    topic_id = fields.String()
    name = fields.String()


class BasisMixin(Schema):
    """Where an argument link comes from (docs/curation.md)."""

    basis = fields.String(
        allow_none=True, metadata={"description": "`connective`, `structure` or `curator`."}
    )
    marker = fields.String(
        allow_none=True, metadata={"description": "The connective's words as in the text."}
    )
    rationale = fields.String(
        allow_none=True, metadata={"description": "Why the link holds (required for curator)."}
    )


class ArgumentLinkSchema(BasisMixin):
    link_id = fields.String()
    claim_id = fields.String()
    text = fields.String()
    source_id = fields.String()
    quote = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class CausalRefSchema(BasisMixin):
    link_id = fields.String()
    mechanism = fields.String()
    claim_id = fields.String()
    text = fields.String()


class ClaimDetailSchema(ClaimSummarySchema):
    checkable_reason = fields.String(
        allow_none=True, metadata={"description": "Why checkable departs from its type's rule."}
    )
    framing = fields.String(
        allow_none=True,
        metadata={"description": "`rejected_view`: a view the source states only to reject it."},
    )
    held_by = fields.String(
        allow_none=True,
        metadata={"description": "Who holds a rejected view: an actor id, or `author-framing`."},
    )
    unattributed = fields.Boolean(
        allow_none=True, metadata={"description": "Reported speech whose speaker is not named."}
    )
    restates = fields.String(
        allow_none=True, metadata={"description": "The claim this one restates with a cause."}
    )
    restates_link = fields.String(
        allow_none=True, metadata={"description": "The causal link this claim states as one."}
    )
    consensus = fields.String(
        metadata={
            "description": "Stored, kept current like status: `single` (one party), `agreed` "
            "(several parties, none against), `contested` (one commits, another rejects); a "
            "party is a source or a speaker a source reports."
        }
    )
    assertions = fields.List(fields.Nested(AssertionSchema))
    by_source = fields.List(
        fields.Nested(SourceStanceSchema),
        metadata={"description": "Per source: its position, stances and quotes."},
    )
    reported_speakers = fields.List(
        fields.Nested(ReportedSpeakerSchema),
        metadata={"description": "Per reported speaker and stance: the sources reporting it."},
    )
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
        metadata={
            "description": "Analysts' evidence links, retracted ones included, oldest first: "
            f"the first {DETAIL_EVIDENCE_LIMIT}; `evidence_next` pages on."
        },
    )
    evidence_total = fields.Integer(metadata={"description": "Evidence links on the claim."})
    evidence_next = fields.Method(
        "_evidence_next",
        allow_none=True,
        metadata={
            "description": "When the claim has more evidence links than `evidence` holds: the "
            "URL of the next page of `/claims/{id}/evidence`.",
            "type": "string",
            "nullable": True,
        },
    )

    def _evidence_next(self, claim: dict[str, Any]) -> str | None:
        if claim.get("evidence_total", 0) <= DETAIL_EVIDENCE_LIMIT:
            return None
        return (
            f"/api/v1/claims/{quote(claim['id'], safe='')}/evidence"
            f"?page=2&limit={DETAIL_EVIDENCE_LIMIT}"
        )


class ViaSchema(BasisMixin):
    claim_id = fields.String(
        metadata={
            "description": "The claim one step nearer the queried claim (the queried claim "
            "itself at distance 1)."
        }
    )
    link_id = fields.String(metadata={"description": "The link between the two."})
    kind = fields.String(metadata={"description": "`supports` or `causal`."})


class ReachedClaimSchema(Schema):
    claim_id = fields.String()
    text = fields.String()
    type = fields.String()
    distance = fields.Integer()
    via = fields.Nested(
        ViaSchema,
        metadata={
            "description": "The step that reached this claim: a parent pointer. Following "
            "`via.claim_id` back to the queried claim spells one shortest explaining path."
        },
    )


class ImpactedClaimSchema(ReachedClaimSchema):
    status = fields.String(metadata={"description": "Current evidence status."})
    standing = fields.String(metadata={"description": "Current standing (before this refutation)."})


class WalkSchema(Schema):
    claim_id = fields.String()
    direction = fields.String()
    depth = fields.Integer()
    bases = fields.List(fields.String(), metadata={"description": "The link bases walked."})
    source = fields.String(
        allow_none=True, metadata={"description": "The source whose links were walked, or null."}
    )
    claims = fields.List(
        fields.Nested(ReachedClaimSchema),
        metadata={"description": "One page of the claims reached, nearest first."},
    )
    meta = fields.Nested(PageMetaSchema, metadata={"description": "`total`: every claim reached."})


class ImpactSchema(Schema):
    claim_id = fields.String()
    loses_all_support = fields.List(fields.Nested(ImpactedClaimSchema))
    keeps_other_support = fields.List(fields.Nested(ImpactedClaimSchema))


class AppearanceSchema(AssertionSchema):
    published_on = fields.String(
        allow_none=True, metadata={"description": "The source's publication date, if known."}
    )


AppearancePageSchema = page_of(AppearanceSchema, "AppearancePage")
