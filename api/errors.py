"""Every error leaves the API as an RFC 9457 problem document.

One mapping from exception family to status: the knowledge base's own
errors (`kb.errors`; `kb.db` already turned the driver's into these:
unreachable -> 503, constraint -> 409, busy -> 503, an answer too large for
Neo4j's transaction memory -> 422 `query-too-large`) and Flask's HTTP errors
(404 for unknown routes, 422 from the schemas).
Views never catch and abort; they let these handlers answer.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from kb import errors as kb_errors

log = logging.getLogger(__name__)

PROBLEM_TYPE_BASE = "https://claim-kb.invalid/problems/"
PROBLEM_JSON = "application/problem+json"

# kb error family -> (status, problem type slug)
STATUS_BY_ERROR: list[tuple[type[Exception], int, str]] = [
    (kb_errors.NotFound, 404, "not-found"),
    (kb_errors.InvalidRequest, 422, "invalid-request"),
    (kb_errors.QueryTooLarge, 422, "query-too-large"),
    (kb_errors.Unauthorized, 401, "unauthorized"),
    (kb_errors.Forbidden, 403, "forbidden"),
    (kb_errors.Conflict, 409, "conflict"),
    (kb_errors.DatabaseUnavailable, 503, "database-unavailable"),
    (kb_errors.SchemaMissing, 503, "schema-missing"),
    (kb_errors.DatabaseBusy, 503, "database-busy"),
]

TITLES = {
    308: "Permanent redirect",
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    410: "Gone",
    413: "Content too large",
    414: "URI too long",
    415: "Unsupported media type",
    422: "Invalid input",
    500: "Internal server error",
    503: "Service unavailable",
}


def problem(
    status: int,
    detail: str,
    slug: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> tuple[Response, int]:
    """A problem+json response for `status` with a human `detail` (and extra headers)."""
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + (slug or str(status)),
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": request.path,
        **extra,
    }
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_JSON
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="claim-kb"'
    if status == 503:  # the database is down, frozen or busy: clients may retry shortly
        response.headers["Retry-After"] = "1"
    response.headers.update(headers or {})
    return response, status


def http_problem(error: HTTPException) -> tuple[Response, int]:
    """Flask/webargs HTTP errors; 422s carry webargs' messages as `errors`."""
    status = error.code or 500
    if isinstance(error.response, Response):  # built by its raiser (the rate limit's 429)
        return error.response, status
    data = getattr(error, "data", None) or {}
    messages = data.get("messages")
    if status == 422 and messages:
        fields = _field_names(messages)
        detail = f"Invalid value for {', '.join(fields)}" if fields else "Invalid input"
        return problem(status, detail, "invalid-request", errors=messages)
    headers = {}
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        headers["Allow"] = ", ".join(sorted(error.valid_methods))  # RFC 9110 15.5.6
    return problem(status, error.description or TITLES.get(status, "Error"), headers=headers)


def _field_names(messages: dict[str, Any]) -> list[str]:
    """Field names from webargs' `{location: {field: [messages]}}`."""
    names: list[str] = []
    for per_location in messages.values():
        if isinstance(per_location, dict):
            names.extend(str(name) for name in per_location)
    return names


def kb_problem(error: Exception) -> tuple[Response, int]:
    """The problem document for a `KbError` (or a driver error) by its family's status."""
    for family, status, slug in STATUS_BY_ERROR:
        if isinstance(error, family):
            if status == 503:
                log.warning("%s: %s", slug, error)
            extra: dict[str, Any] = {}
            if isinstance(error, kb_errors.InvalidRequest) and error.field:
                extra["errors"] = {error.location: {error.field: [str(error)]}}
            return problem(status, _public_detail(error, status), slug, **extra)
    return _unexpected(error)


def _public_detail(error: Exception, status: int) -> str:
    if isinstance(error, kb_errors.SchemaMissing):
        return "The schema is not applied (run `kb seed`)."
    if isinstance(error, kb_errors.DatabaseBusy):
        # alive but slow (or every connection in use): not "unavailable"
        return "The graph database is busy; try again shortly."
    if status == 503:
        return "The graph database is unavailable; try again shortly."
    return str(error)


def _unexpected(error: Exception) -> tuple[Response, int]:
    log.exception("unhandled error", exc_info=error)
    return problem(500, "An unexpected error occurred; it has been logged.")


def init_app(app: Flask) -> None:
    """Register the handlers (flask-smorest's `Api` routes HTTP errors to `http_problem`)."""
    for family, _status, _slug in STATUS_BY_ERROR:
        app.register_error_handler(family, kb_problem)
    app.register_error_handler(HTTPException, http_problem)
    app.register_error_handler(Exception, _unexpected)
