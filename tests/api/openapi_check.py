"""Check every test response against the app's own OpenAPI document.

`CheckedClient` is Flask's test client that, after each request, finds the
operation the URL matched and validates the JSON body against the schema
the OpenAPI document declares for that status (or its `default`). So a view
that drifts from its declared schema fails whichever test calls it.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import jsonschema
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.test import TestResponse

_RULE_ARGUMENT = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


def _nullable_to_json_schema(node: Any) -> Any:
    """OpenAPI 3.0's `nullable: true` becomes JSON Schema's `type: [..., "null"]`."""
    if isinstance(node, dict):
        node = {key: _nullable_to_json_schema(value) for key, value in node.items()}
        if node.pop("nullable", False) and "type" in node:
            node["type"] = [node["type"], "null"]
        return node
    if isinstance(node, list):
        return [_nullable_to_json_schema(item) for item in node]
    return node


class ResponseChecker:
    """Validates responses of `app` against `spec` (the served openapi.json)."""

    def __init__(self, app: Flask, spec: dict[str, Any]) -> None:
        self.app = app
        self.spec = _nullable_to_json_schema(copy.deepcopy(spec))

    def check(self, method: str, path: str, response: TestResponse) -> None:
        if not response.is_json:
            return
        operation = self._operation(method, path)
        if operation is None and path.endswith("/openapi.json"):
            return  # the document itself
        if operation is None:  # unknown route: must be a problem document
            assert response.status_code in (404, 405), (method, path, response.status_code)
            self._validate(response.get_json(), {"$ref": "#/components/schemas/Problem"})
            return
        responses = operation["responses"]
        declared = responses.get(str(response.status_code)) or responses.get("default")
        assert declared is not None, f"{method} {path}: {response.status_code} is not declared"
        if "$ref" in declared:
            declared = self._resolve(declared["$ref"])
        is_error = response.status_code >= 400
        content = declared.get("content", {})
        if is_error:
            media_type = "application/problem+json"
        else:  # application/json, or another JSON type the operation declares (ld+json)
            media_type = response.mimetype if response.mimetype in content else "application/json"
        assert response.mimetype == media_type, (method, path, response.mimetype)
        schema = content.get(media_type, {}).get("schema")
        assert schema is not None, f"{method} {path}: {response.status_code} has no {media_type}"
        self._validate(response.get_json(), schema)

    def _operation(self, method: str, path: str) -> dict[str, Any] | None:
        adapter = self.app.url_map.bind("localhost")
        try:
            rule, _args = adapter.match(path.split("?")[0], method, return_rule=True)
        except (NotFound, MethodNotAllowed):
            return None
        template = _RULE_ARGUMENT.sub(r"{\1}", rule.rule)
        return self.spec["paths"].get(template, {}).get(method.lower())

    def _resolve(self, ref: str) -> dict[str, Any]:
        node: Any = self.spec
        for part in ref.lstrip("#/").split("/"):
            node = node[part]
        return node

    def _validate(self, body: Any, schema: dict[str, Any]) -> None:
        document = {**schema, "components": self.spec.get("components", {})}
        jsonschema.validate(body, document)


class CheckedClient(FlaskClient):
    """A test client whose every JSON response is validated against the spec.

    It keeps its responses and `close_responses()` closes them, as a WSGI server does after
    sending each: a static file's response holds the file open until then (a
    ResourceWarning, an error in this suite, if it were only garbage-collected).
    """

    checker: ResponseChecker | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.responses: list[TestResponse] = []

    def close_responses(self) -> None:
        for response in self.responses:
            response.close()
        self.responses.clear()

    def open(self, *args: Any, **kwargs: Any) -> TestResponse:  # type: ignore[override]
        response = super().open(*args, **kwargs)
        self.responses.append(response)
        if self.checker is not None and args and isinstance(args[0], str):
            method = kwargs.get("method", "GET")
            self.checker.check(method, args[0], response)
        return response
