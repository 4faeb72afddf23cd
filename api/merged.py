"""URLs of a merged-away claim answer 308 to the survivor's (`kb claims merge`).

A claim merged into another stays as a tombstone, so every service answers
its id with `NotFound("claim", id)`. This handler sits in front of the 404:
for any request whose path names the claim (`/claims/<id>` and its
sub-resources), it asks the merge service where the claim went and answers a
permanent redirect (308, `Location` = the same URL with the survivor's id)
with a problem document that names the survivor. Writes (POST, PUT, PATCH,
DELETE) get the same answer as reads: a 308 keeps the method and body, so a
client that follows it writes to the survivor, and one that does not learns
where the claim went; nothing is written to the tombstone. Anything else stays
a 404.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from flask import Flask, Response, request

from api.common.schemas import ProblemSchema
from api.errors import kb_problem, problem
from api.extensions import get_store
from api.retired import retired_answer
from kb.errors import KbError, NotFound
from kb.services import merges as merge_service

# For `@blp.alt_response(308, **MERGED_REDIRECT)` on every operation under a claim's URL.
MERGED_REDIRECT: dict[str, Any] = {
    "schema": ProblemSchema,
    "content_type": "application/problem+json",
    "headers": {"Location": {"description": "The survivor's URL.", "schema": {"type": "string"}}},
    "description": "The claim was merged into another: `Location` is the same URL with the "
    "survivor's id, `survivor_id` names it.",
}


def _not_found(error: NotFound) -> tuple[Response, int]:
    return _redirect_to_survivor(error) or retired_answer(error) or kb_problem(error)


def _redirect_to_survivor(error: NotFound) -> tuple[Response, int] | None:
    if error.kind != "claim":
        return None
    segment = "/claims/" + error.key
    at = request.path.find(segment)
    rest = request.path[at + len(segment) :] if at >= 0 else None
    if rest is None or (rest and not rest.startswith("/")):
        return None
    try:
        survivor = merge_service.survivor_of(get_store(), error.key)
    except KbError:  # the lookup failed: the plain 404 (or the outage's 503) answers
        return None
    if survivor is None:
        return None
    location = quote(request.path[:at] + "/claims/" + survivor + rest)
    if request.query_string:
        location += "?" + request.query_string.decode("ascii", "replace")
    return problem(
        308,
        f"claim {error.key!r} was merged into {survivor!r}",
        "claim-merged",
        headers={"Location": location},
        merged_id=error.key,
        survivor_id=survivor,
        location=location,
    )


def init_app(app: Flask) -> None:
    """Answer claim 404s of merged-away ids with the redirect (replaces the plain handler)."""
    app.register_error_handler(NotFound, _not_found)
