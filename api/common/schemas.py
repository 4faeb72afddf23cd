"""Schemas shared by every resource: problem details and pagination."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Any

from marshmallow import Schema, fields, validate

from kb.models import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, choices


def one_of(vocabulary: type[StrEnum] | type[IntEnum]) -> validate.OneOf:
    """A validator for the words of one of the domain's vocabularies (`kb.models`)."""
    return validate.OneOf(choices(vocabulary))


class StrictSchema(Schema):
    """Input schemas reject unknown fields (marshmallow's default, made explicit)."""

    class Meta:
        unknown = "raise"


class ProblemSchema(Schema):
    """RFC 9457 problem details: the one shape of every error response."""

    type = fields.String(metadata={"description": "A URI reference that names the problem type."})
    title = fields.String(metadata={"description": "Short summary of the problem type."})
    status = fields.Integer()
    detail = fields.String(metadata={"description": "What went wrong in this occurrence."})
    instance = fields.String()
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.Raw(),
        metadata={"description": "Invalid fields by location, each with its messages."},
    )
    merged_id = fields.String(metadata={"description": "308: the merged-away claim asked for."})
    survivor_id = fields.String(metadata={"description": "308: the claim it was merged into."})
    location = fields.String(metadata={"description": "308: the survivor's URL (as `Location`)."})
    claim_id = fields.String(metadata={"description": "410: the retired claim asked for."})
    retired = fields.Boolean(metadata={"description": "410: true, the claim is retired."})
    text = fields.String(metadata={"description": "410: the retired claim's text."})
    claim_type = fields.String(metadata={"description": "410: the retired claim's type."})
    retired_in = fields.Integer(metadata={"description": "410: the revision that retired it."})
    retired_reason = fields.String(metadata={"description": "410: why (the revision's why)."})
    retired_source = fields.String(metadata={"description": "410: the source revised."})
    slots = fields.List(
        fields.Dict(keys=fields.String(), values=fields.Raw()),
        metadata={"description": "410: its evidence slots (id, status, question), kept."},
    )


class PageArgsSchema(StrictSchema):
    """`page` and `limit` query arguments."""

    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE))
    limit = fields.Integer(
        load_default=DEFAULT_PAGE_SIZE, validate=validate.Range(min=1, max=MAX_PAGE_SIZE)
    )


class PageMetaSchema(Schema):
    page = fields.Integer()
    limit = fields.Integer()
    total = fields.Integer(
        metadata={"description": "Matching items; a lower bound when `total_is_estimate`."}
    )
    total_is_estimate = fields.Boolean(
        metadata={
            "description": "True when counting stopped at 10,000 matches (1,000 for a "
            "filtered claim list; a count never reads "
            "every match): `total` and `pages` are then lower bounds, and `next_page` is set "
            "whenever this page is full. Narrow the filters for an exact total."
        }
    )
    pages = fields.Integer()
    next_page = fields.Integer(allow_none=True)


class KeysetPageMetaSchema(PageMetaSchema):
    """Page meta of a list read in id order, which can also be paged by cursor."""

    next_after = fields.String(
        allow_none=True,
        metadata={
            "description": "Cursor of the next page when this one is full (id order only, "
            "not a search): pass it as `after`. A cursor costs one page at any depth; a deep "
            "`page` number costs the pages before it."
        },
    )


def page_of(
    item_schema: type[Schema], name: str, meta: type[Schema] = PageMetaSchema
) -> type[Schema]:
    """A schema for `{items: [...], meta: {page, limit, total, ...}}` of `item_schema`."""
    attrs: dict[str, Any] = {
        "items": fields.List(fields.Nested(item_schema)),
        "meta": fields.Nested(meta),
    }
    return Schema.from_dict(attrs, name=name)
