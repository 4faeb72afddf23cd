"""What the OpenAPI document says of every operation, for client generators.

Generators name a client's methods after `operationId` (without one they fall
back to the path: `get_api_v1_claims_claim_id_dependents`), and retry only
what the document says may be retried. So `OperationDocsPlugin` (passed
through flask-smorest's public `extra_plugins` option) gives each operation:
- its `operationId` from `OPERATION_IDS` unless its view set one
  (`@blp.doc(operationId=...)`); a test asserts every operation has a unique one;
- 414 (the URL guard, `api.guards`), 429 (rate and concurrency limits) and 503
  (the database is down or busy), the last two with `Retry-After`;
- the `Idempotency-Key` header on the writes that honour it.
"""

from __future__ import annotations

from typing import Any

from apispec import APISpec, BasePlugin

PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
METHODS = ("get", "post", "put", "patch", "delete")
API_PREFIX = "/api/v1/"

# (method, OpenAPI path) -> operationId: verbs a reader expects (list, get, attach...).
OPERATION_IDS: dict[tuple[str, str], str] = {
    ("get", "/api/v1/claims"): "listClaims",
    ("get", "/api/v1/claims/{claim_id}"): "getClaim",
    ("get", "/api/v1/claims/{claim_id}/appearances"): "listClaimAppearances",
    ("get", "/api/v1/claims/{claim_id}/dependents"): "getClaimDependents",
    ("get", "/api/v1/claims/{claim_id}/dependencies"): "getClaimDependencies",
    ("get", "/api/v1/claims/{claim_id}/impact"): "getClaimImpact",
    ("get", "/api/v1/causal-links"): "listCausalLinks",
    ("get", "/api/v1/causal-links/{link_id}"): "getCausalLink",
    ("get", "/api/v1/causal-chains"): "listCausalChains",
    ("get", "/api/v1/actors"): "listActors",
    ("get", "/api/v1/actors/{actor}"): "getActor",
    ("get", "/api/v1/actors/{actor}/claims"): "listActorClaims",
    ("get", "/api/v1/sources"): "listSources",
    ("get", "/api/v1/sources/{source_id}"): "getSource",
    ("get", "/api/v1/sources/{source_id}/coverage"): "getSourceCoverage",
    ("get", "/api/v1/sources/{source_id}/argument-map"): "getSourceArgumentMap",
    ("get", "/api/v1/sources/{source_id}/agreement/{other_id}"): "getSourceAgreement",
    ("get", "/api/v1/sources/{source_id}/agreement"): "listSourceAgreementCounts",
    ("get", "/api/v1/sources/{source_id}/revisions"): "listSourceRevisions",
    ("get", "/api/v1/sources/{source_id}/revisions/{number}"): "getSourceRevision",
    ("get", "/api/v1/sources/{source_id}/revisions/{first}/diff/{second}"): "getSourceRevisionDiff",
    ("get", "/api/v1/slots"): "listSlots",
    ("patch", "/api/v1/slots/{slot_id}"): "updateSlot",
    ("post", "/api/v1/claims/{target_id}/slots"): "openClaimSlot",
    ("post", "/api/v1/causal-links/{target_id}/slots"): "openCausalLinkSlot",
    ("get", "/api/v1/claims/{target_id}/evidence"): "listClaimEvidence",
    ("post", "/api/v1/claims/{target_id}/evidence"): "attachClaimEvidence",
    ("get", "/api/v1/causal-links/{target_id}/evidence"): "listCausalLinkEvidence",
    ("post", "/api/v1/causal-links/{target_id}/evidence"): "attachCausalLinkEvidence",
    ("delete", "/api/v1/evidence-links/{link_id}"): "retractEvidence",
    ("get", "/api/v1/claims/{target_id}/history"): "getClaimHistory",
    ("get", "/api/v1/causal-links/{target_id}/history"): "getCausalLinkHistory",
    ("get", "/api/v1/export/{format_name}"): "exportGraph",
    ("post", "/api/v1/drafts"): "createDraft",
    ("get", "/healthz"): "getHealth",
}

# Writes that replay their first answer for a repeated Idempotency-Key.
IDEMPOTENT_WRITES = {
    ("post", "/api/v1/claims/{target_id}/evidence"),
    ("post", "/api/v1/causal-links/{target_id}/evidence"),
}

RETRY_AFTER = {"$ref": "#/components/headers/RetryAfter"}
RESPONSES: dict[str, dict[str, Any]] = {
    "URI_TOO_LONG": {
        "description": "The URL (path and query) is longer than the server takes.",
        "content": PROBLEM,
    },
    "TOO_MANY_REQUESTS": {
        "description": "A rate limit or the limit of concurrent exports was reached; "
        "retry after `Retry-After` seconds.",
        "headers": {"Retry-After": RETRY_AFTER},
        "content": PROBLEM,
    },
    "SERVICE_UNAVAILABLE": {
        "description": "The database is down, starting or busy; retry after `Retry-After` seconds.",
        "headers": {"Retry-After": RETRY_AFTER},
        "content": PROBLEM,
    },
}
HEADERS: dict[str, dict[str, Any]] = {
    "RetryAfter": {
        "description": "Seconds to wait before retrying.",
        "schema": {"type": "integer", "minimum": 0},
    }
}
PARAMETERS: dict[str, dict[str, Any]] = {
    "IdempotencyKey": {
        "name": "Idempotency-Key",
        "in": "header",
        "required": False,
        "description": "A key the client makes up per write (e.g. a UUID): a retry with the "
        "same key and body replays the first answer instead of writing twice; the same key "
        "with another body is refused (422).",
        "schema": {"type": "string", "minLength": 1},
    }
}


def register_components(spec: APISpec) -> None:
    """The shared responses, header and parameter the plugin refers to."""
    for name, response in RESPONSES.items():
        spec.components.response(name, response)
    for name, header in HEADERS.items():
        spec.components.header(name, header)
    for name, parameter in PARAMETERS.items():
        spec.components.parameter(name, "header", parameter)


class OperationDocsPlugin(BasePlugin):
    """Adds operationIds, the generic 414/429/503 responses and Idempotency-Key."""

    def operation_helper(
        self, path: str | None = None, operations: dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        for method, operation in (operations or {}).items():
            if method not in METHODS or path is None:
                continue
            operation_id = OPERATION_IDS.get((method, path))
            if operation_id is not None:
                operation.setdefault("operationId", operation_id)
            responses = operation.setdefault("responses", {})
            responses.setdefault("414", {"$ref": "#/components/responses/URI_TOO_LONG"})
            if path.startswith(API_PREFIX):  # /healthz is never limited
                responses.setdefault("429", {"$ref": "#/components/responses/TOO_MANY_REQUESTS"})
            responses.setdefault("503", {"$ref": "#/components/responses/SERVICE_UNAVAILABLE"})
            if (method, path) in IDEMPOTENT_WRITES:
                parameters = operation.setdefault("parameters", [])
                parameters.append("IdempotencyKey")  # a component name: apispec makes it a $ref
