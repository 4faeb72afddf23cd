"""Document error responses as `application/problem+json`, as `api.errors` sends them.

flask-smorest documents its default error responses as `application/json`.
This apispec plugin (passed through flask-smorest's public `extra_plugins`
spec option) moves every response whose schema is the problem schema to the
problem media type, without touching flask-smorest's internals.
"""

from __future__ import annotations

from typing import Any

from apispec import BasePlugin

JSON = "application/json"
PROBLEM_JSON = "application/problem+json"
PROBLEM_SCHEMA_NAME = "Problem"


class ProblemJsonPlugin(BasePlugin):
    """Rewrites the media type of responses that carry the problem schema."""

    def response_helper(self, response: dict[str, Any], **kwargs: Any) -> dict[str, Any] | None:
        content = (response or {}).get("content") or {}
        if JSON not in content or not _is_problem(content[JSON].get("schema")):
            return None
        return {"content": {PROBLEM_JSON: content[JSON]}}


def _is_problem(schema: Any) -> bool:
    if isinstance(schema, dict):
        return str(schema.get("$ref", "")).endswith("/" + PROBLEM_SCHEMA_NAME)
    name = getattr(schema, "__name__", None) or type(schema).__name__
    return name == PROBLEM_SCHEMA_NAME + "Schema"
