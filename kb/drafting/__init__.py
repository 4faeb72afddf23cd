"""Draft annotations: raw text in, a `kb-annotation/1` proposal out (docs/annotation.md).

`draft_annotation` needs no database: it reads a `KnownGraph` snapshot, which
`load_known` fills from a store (or `known_from_annotations` from files).
"""

from kb.drafting.engine import DraftInputError, draft_annotation
from kb.drafting.known import KnownClaim, KnownEntity, KnownGraph, load_known
from kb.drafting.render import to_yaml

__all__ = [
    "DraftInputError",
    "KnownClaim",
    "KnownEntity",
    "KnownGraph",
    "draft_annotation",
    "load_known",
    "to_yaml",
]
