"""What every request must satisfy before a view sees it, and what every response carries.

Each guard answers a problem document itself instead of letting a parser fail
deep inside: a body that is too large (413, via Flask's MAX_CONTENT_LENGTH), a
URL that is too long (414), a body that is not JSON (415), JSON nested too
deeply, with numbers too long to convert, or with strings no database can store
(lone surrogates) (400). The limits are documented in the README.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Flask, Response, request
from werkzeug.exceptions import BadRequest, RequestURITooLarge, UnsupportedMediaType

MAX_URL_LENGTH = 4096  # bytes of path plus query string
MAX_JSON_DEPTH = 32  # no request body here needs more than a few levels
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def init_app(app: Flask) -> None:
    """Register the guards (after auth, so a caller without a key learns that first)."""
    app.before_request(_check_url_length)
    app.before_request(_check_json_body)
    app.after_request(_security_headers)


def _check_url_length() -> None:
    if len(request.full_path.encode("utf-8")) > MAX_URL_LENGTH:
        raise RequestURITooLarge(f"the URL is longer than {MAX_URL_LENGTH} bytes")


def _check_json_body() -> None:
    """Bodies of API writes must be JSON that Python and Neo4j can both take."""
    if request.method not in BODY_METHODS or not request.path.startswith("/api/"):
        return
    if request.content_length == 0 or not request.get_data(cache=True):
        return  # no body: the schema says whether one was needed
    if not request.is_json:
        raise UnsupportedMediaType(
            f"send the body as application/json (got {request.mimetype or 'no content type'})"
        )
    try:
        document = json.loads(request.get_data(cache=True))
    except RecursionError:
        raise BadRequest("the JSON body is nested too deeply") from None
    except ValueError as exc:  # malformed, bad UTF-8, or a number too long to convert
        raise BadRequest(f"the body is not valid JSON: {_first_line(exc)}") from None
    if _depth(document) > MAX_JSON_DEPTH:
        raise BadRequest(f"the JSON body is nested more than {MAX_JSON_DEPTH} levels deep")
    if not _encodable(document):  # only reached for shallow documents
        raise BadRequest("the JSON body contains a lone surrogate (\\ud800-\\udfff) in a string")


def _depth(document: Any) -> int:
    """How deeply containers nest in `document` (iterative: the input may be deep)."""
    deepest = 0
    stack = [(document, 0)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | list):
            level += 1
            deepest = max(deepest, level)
            if deepest > MAX_JSON_DEPTH:
                break
            stack.extend((child, level) for child in _children(value))
    return deepest


def _children(container: dict[str, Any] | list[Any]) -> list[Any]:
    return list(container.values()) if isinstance(container, dict) else container


def _encodable(value: Any) -> bool:
    """True when every string (keys included) is valid Unicode that encodes to UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_encodable(k) and _encodable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_encodable(v) for v in value)
    return True


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0][:200]


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response
