"""Schemas of drafts: the text to draft (strict input) and the draft it answers.

The draft is a `kb-annotation/1` document (docs/annotation.md), sent as it is
built, not serialised by marshmallow; `DraftDocumentSchema` describes it for the
OpenAPI document (and the tests' response checker).
"""

from __future__ import annotations

from typing import Any

from marshmallow import INCLUDE, Schema, fields, validate

from api.common.schemas import StrictSchema
from kb.services.drafts import (
    MAX_DRAFT_CHARACTERS,
    MAX_SOURCE_ID_CHARACTERS,
    MAX_TITLE_CHARACTERS,
    SOURCE_ID_PATTERN,
    YAML_MEDIA_TYPE,
)


class DraftInputSchema(StrictSchema):
    text = fields.String(
        required=True,
        validate=validate.Length(
            min=1,
            max=MAX_DRAFT_CHARACTERS,
            error=f"The text must be 1 to {MAX_DRAFT_CHARACTERS} characters; "
            "draft a longer source in parts.",
        ),
        metadata={"description": "The source's text, exactly as the annotation will quote it."},
    )
    source_id = fields.String(
        required=True,
        validate=[
            validate.Length(min=1, max=MAX_SOURCE_ID_CHARACTERS),
            validate.Regexp(
                SOURCE_ID_PATTERN,
                error="A source id is lower-case letters, digits and hyphens (e.g. wire-002).",
            ),
        ],
        metadata={"description": "The id the new source will have (a slug, e.g. `wire-002`)."},
    )
    title = fields.String(
        validate=validate.Length(min=1, max=MAX_TITLE_CHARACTERS),
        metadata={"description": "The source's title (else the draft proposes one)."},
    )


class DraftSourceSchema(Schema):
    class Meta:
        unknown = INCLUDE  # the format's other source fields (fictional, sections, ...)

    id = fields.String(required=True)
    title = fields.String(required=True)
    kind = fields.String()
    language = fields.String()
    text = fields.String(metadata={"description": "The text, inline."})


_ITEMS = "Each proposed item carries `draft: true` until the analyst accepts it."


class DraftDocumentSchema(Schema):
    """A `kb-annotation/1` document (docs/annotation.md, docs/annotation.schema.json)."""

    class Meta:
        unknown = INCLUDE

    format = fields.String(required=True, metadata={"description": "`kb-annotation/1`."})
    source = fields.Nested(DraftSourceSchema, required=True)
    actors = fields.List(fields.Dict(), metadata={"description": _ITEMS})
    topics = fields.List(fields.Dict(), metadata={"description": _ITEMS})
    claims = fields.List(fields.Dict(), metadata={"description": _ITEMS})
    links = fields.List(fields.Dict(), metadata={"description": _ITEMS})
    causal_links = fields.List(fields.Dict(), metadata={"description": _ITEMS})


# The draft as JSON (the default) or, for `Accept: application/yaml`, as the annotation file.
DRAFT_RESPONSE_DOC: dict[str, Any] = {
    "description": "The draft; nothing was written.",
    "content": {
        "application/json": {"schema": DraftDocumentSchema},
        YAML_MEDIA_TYPE: {
            "schema": {
                "type": "string",
                "description": "The annotation file to edit, with the best existing claims "
                "for each drafted one as commented `- ref:` lines.",
            }
        },
    },
}
NOT_ACCEPTABLE_DOC: dict[str, Any] = {
    "description": "The `Accept` header names neither application/json nor application/yaml.",
    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
}
