"""Schemas of the sources resource."""

from __future__ import annotations

from marshmallow import Schema, fields

from api.common.schemas import page_of
from api.common.stance import STANCE_DESCRIPTION, StanceSchema
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


class SpanSchema(StanceSchema):
    kind = fields.String(metadata={"description": "claim, causal_link, supports or attacks."})
    target_id = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    quote = fields.String()
    section = fields.String(allow_none=True)
    stance = fields.String(
        allow_none=True,
        metadata={"description": STANCE_DESCRIPTION + " Null for links."},
    )


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


class SourceRefSchema(Schema):
    id = fields.String()
    title = fields.String()


class SideAssertionSchema(StanceSchema):
    quote = fields.String()
    start = fields.Integer(metadata={"description": "Code point offset, inclusive."})
    end = fields.Integer(metadata={"description": "Code point offset, exclusive."})
    section = fields.String(allow_none=True)
    mode = fields.String(metadata={"description": "Deprecated: the same as `stance`."})


class SharedClaimSchema(Schema):
    claim_id = fields.String()
    text = fields.String()
    type = fields.String()
    a = fields.List(fields.Nested(SideAssertionSchema), metadata={"description": "Source a's."})
    b = fields.List(fields.Nested(SideAssertionSchema), metadata={"description": "Source b's."})


class AttackAcrossSchema(Schema):
    link_id = fields.String()
    source_id = fields.String(metadata={"description": "The source that argues the attack."})
    target_source_id = fields.String(metadata={"description": "The source asserting the target."})
    attacker_id = fields.String()
    attacker_text = fields.String()
    target_id = fields.String()
    target_text = fields.String()
    target_assertions = fields.List(
        fields.Nested(SideAssertionSchema),
        metadata={"description": "Where the other source asserts the attacked claim."},
    )
    quote = fields.String(allow_none=True)
    start = fields.Integer(allow_none=True)
    end = fields.Integer(allow_none=True)
    basis = fields.String(allow_none=True)
    marker = fields.String(allow_none=True)
    rationale = fields.String(allow_none=True)


class AgreementSchema(Schema):
    source_a = fields.Nested(SourceRefSchema)
    source_b = fields.Nested(SourceRefSchema)
    agree = fields.List(
        fields.Nested(SharedClaimSchema),
        metadata={"description": "Claims both are committed to, or both reject, by id."},
    )
    disagree = fields.List(
        fields.Nested(SharedClaimSchema),
        metadata={"description": "Claims one is committed to and the other rejects, by id."},
    )
    reported = fields.List(
        fields.Nested(SharedClaimSchema),
        metadata={"description": "Claims both state where one only reports a speaker, by id."},
    )
    a_attacks_b = fields.List(
        fields.Nested(AttackAcrossSchema),
        metadata={"description": "Attack links of source a on claims source b commits to."},
    )
    b_attacks_a = fields.List(
        fields.Nested(AttackAcrossSchema),
        metadata={"description": "Attack links of source b on claims source a commits to."},
    )


class AgreementCountsSchema(Schema):
    source = fields.Nested(SourceRefSchema, metadata={"description": "The other source."})
    agree = fields.Integer(metadata={"description": "Claims both commit to, or both reject."})
    disagree = fields.Integer(metadata={"description": "Claims one commits to, the other rejects."})
    reported = fields.Integer(metadata={"description": "Claims both state, one only reporting."})
    a_attacks_b = fields.Integer(
        metadata={"description": "Its attacks on claims the other commits to."}
    )
    b_attacks_a = fields.Integer(metadata={"description": "The other's attacks on this one's."})


AgreementCountsPageSchema = page_of(AgreementCountsSchema, "AgreementCountsPage")


class RevisionSummarySchema(Schema):
    number = fields.Integer()
    sha256 = fields.String()
    at = fields.String(allow_none=True, metadata={"description": "Null for revision 1."})
    why = fields.String()
    annotation_sha256 = fields.String(
        allow_none=True, metadata={"description": "SHA-256 of the annotation file applied."}
    )
    script = fields.String(allow_none=True, metadata={"description": "The seed script."})


class RevisionListSchema(Schema):
    source_id = fields.String()
    current = fields.Integer()
    revised = fields.Boolean(metadata={"description": "True once the source has a revision 2."})
    revisions = fields.List(fields.Nested(RevisionSummarySchema))


class RevisionSpanSchema(Schema):
    kind = fields.String(metadata={"description": "claim, causal or link."})
    id = fields.String()
    quote = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    prefix = fields.String(metadata={"description": "Up to 32 characters before the quote."})
    suffix = fields.String(metadata={"description": "Up to 32 characters after the quote."})


class RevisionSchema(RevisionSummarySchema):
    source_id = fields.String()
    current = fields.Boolean()
    text = fields.String()
    spans = fields.List(fields.Nested(RevisionSpanSchema))


class SpanPlaceSchema(Schema):
    start = fields.Integer()
    end = fields.Integer()
    quote = fields.String()


class SpanFateSchema(Schema):
    kind = fields.String()
    id = fields.String()
    outcome = fields.String(metadata={"description": "kept, moved, changed, added or removed."})
    from_ = fields.Nested(SpanPlaceSchema, allow_none=True, data_key="from")
    to = fields.Nested(SpanPlaceSchema, allow_none=True)


class TextChangeSchema(Schema):
    start = fields.Integer(metadata={"description": "Where the change starts in the older text."})
    end = fields.Integer()
    new_start = fields.Integer()
    new_end = fields.Integer()
    removed = fields.String()
    added = fields.String()


class RevisionDiffSchema(Schema):
    source_id = fields.String()
    from_revision = fields.Integer()
    to_revision = fields.Integer()
    text_changes = fields.List(fields.Nested(TextChangeSchema))
    spans = fields.List(fields.Nested(SpanFateSchema))
