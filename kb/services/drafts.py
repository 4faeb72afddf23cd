"""Drafting an annotation file for a caller of the API: the knowledge base's known actors,
topics and claims (read through `kb.drafting.load_known`), then the draft of the text.

Nothing is written: a draft is a proposal the analyst reviews, edits and imports
with `kb import`. The limits keep one request's cost bounded: the rules run in
time linear in the text, and `MAX_DRAFT_CHARACTERS` is about 25,000 words.
"""

from __future__ import annotations

import re
from typing import Any

from kb import drafting
from kb.db import Store
from kb.errors import InvalidRequest

MAX_DRAFT_CHARACTERS = 150_000
MAX_TITLE_CHARACTERS = 300
# A source id as the annotation format spells one (docs/annotation.schema.json).
SOURCE_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
MAX_SOURCE_ID_CHARACTERS = 60

# What a draft can be answered as: JSON (the default) or the annotation file's YAML.
JSON_MEDIA_TYPE = "application/json"
YAML_MEDIA_TYPE = "application/yaml"
MEDIA_TYPES = (JSON_MEDIA_TYPE, YAML_MEDIA_TYPE)


def draft_source(
    store: Store, text: str, source_id: str, title: str | None = None
) -> dict[str, Any]:
    """A `kb-annotation/1` document for `text`, every proposed item marked `draft: true`.

    Raises `InvalidRequest` for a text that is blank or too long, or a malformed id.
    """
    _check(text, source_id)
    known = drafting.load_known(store)
    try:
        return drafting.draft_annotation(text, source_id, title=title, known=known)
    except drafting.DraftInputError as exc:  # the engine's own checks, should ours drift
        raise InvalidRequest(str(exc), None, "json") from exc


def as_yaml(document: dict[str, Any]) -> str:
    """The draft as the annotation file an analyst edits (match proposals as comments)."""
    return drafting.to_yaml(document)


def _check(text: str, source_id: str) -> None:
    if not text.strip():
        raise InvalidRequest("the text is blank: paste the source's text", "text", "json")
    if len(text) > MAX_DRAFT_CHARACTERS:
        raise InvalidRequest(
            f"the text has {len(text)} characters, more than {MAX_DRAFT_CHARACTERS}: "
            "draft it in parts",
            "text",
            "json",
        )
    if len(source_id) > MAX_SOURCE_ID_CHARACTERS or not re.match(SOURCE_ID_PATTERN, source_id):
        raise InvalidRequest(
            "a source id is lower-case letters, digits and hyphens, starting with a letter or "
            f"digit, at most {MAX_SOURCE_ID_CHARACTERS} characters (e.g. wire-002)",
            "source_id",
            "json",
        )
