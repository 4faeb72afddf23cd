"""URLs of a retired claim answer 410 Gone, saying it is retired, since when and why.

A claim no source asserts any more is retired by a source revision (`kb
import`), never deleted: its node keeps its text, slots and evidence under the
`RetiredClaim` label, so every service answers its id with `NotFound`. The
merge handler (api/merged.py) asks here before its plain 404.
"""

from __future__ import annotations

from typing import Any

from flask import Response, request

from api.common.schemas import ProblemSchema
from api.errors import problem
from api.extensions import get_store
from kb.errors import KbError, NotFound
from kb.services import revisions as revision_service

# For `@blp.alt_response(410, **RETIRED_GONE)` on the claim's own URL.
RETIRED_GONE: dict[str, Any] = {
    "schema": ProblemSchema,
    "content_type": "application/problem+json",
    "description": "The claim is retired (no source asserts it any more): `retired_in` is the "
    "revision, `retired_reason` why; its text and evidence slots stay in the answer.",
}


def retired_answer(error: NotFound) -> tuple[Response, int] | None:
    """410 with the retired claim's text, revision and reason, or None (not retired)."""
    if error.kind != "claim" or "/claims/" + error.key not in request.path:
        return None
    try:
        claim = revision_service.retired_claim(get_store(), error.key)
    except KbError:  # the lookup failed: the plain 404 (or the outage's 503) answers
        return None
    if claim is None:
        return None
    return problem(
        410,
        f"claim {error.key!r} is retired: {claim['retired_reason']}",
        "claim-retired",
        claim_id=error.key,
        retired=True,
        text=claim["text"],
        claim_type=claim["type"],
        retired_in=claim["retired_in"],
        retired_reason=claim["retired_reason"],
        retired_source=claim["retired_source"],
        slots=claim["slots"],
    )
