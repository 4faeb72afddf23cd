"""apispec plugins that make the OpenAPI document say exactly what the API does.

Both are passed through flask-smorest's public `extra_plugins` spec option,
so nothing of flask-smorest's internals is copied:
- `ProblemJsonPlugin`: flask-smorest documents its default error responses as
  `application/json`; every response whose schema is the problem schema is
  moved to `application/problem+json`, as `api.errors` sends it.
- `SchemaExtrasPlugin`: a marshmallow schema may carry `OPENAPI_EXTRA`, JSON
  Schema keywords added to its component (e.g. a `oneOf` for a rule that spans
  fields, such as "closing a slot needs a reason").
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


class SchemaExtrasPlugin(BasePlugin):
    """Adds a schema class's `OPENAPI_EXTRA` keywords to its component."""

    def schema_helper(
        self, name: str, definition: dict[str, Any], **kwargs: Any
    ) -> dict[str, Any] | None:
        schema = kwargs.get("schema")
        extra = getattr(schema, "OPENAPI_EXTRA", None)
        return dict(extra) if extra else None
