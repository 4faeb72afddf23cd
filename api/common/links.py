"""OpenAPI links: what a client (and the stateful fuzzer) can do with a new resource.

create evidence -> read it on its target -> retract it; open a slot -> close or
reopen it. Each link names its target operation by reference and fills the
path parameter from the response (or the request) that created the resource.
"""

from __future__ import annotations

from typing import Any


def _operation(path: str, method: str) -> str:
    escaped = path.replace("~", "~0").replace("/", "~1")
    return f"#/paths/{escaped}/{method}"


AFTER_ATTACH: dict[str, Any] = {
    "RetractThisEvidence": {
        "operationRef": _operation("/api/v1/evidence-links/{link_id}", "delete"),
        "parameters": {"link_id": "$response.body#/id"},
        "description": "Retract the evidence link just created.",
    },
    "EvidenceOnTheSameClaim": {
        "operationRef": _operation("/api/v1/claims/{target_id}/evidence", "get"),
        "parameters": {"target_id": "$response.body#/target_id"},
        "description": "Every evidence link on the claim, the new one included.",
    },
}

AFTER_OPEN_SLOT: dict[str, Any] = {
    "UpdateThisSlot": {
        "operationRef": _operation("/api/v1/slots/{slot_id}", "patch"),
        "parameters": {"slot_id": "$response.body#/id"},
        "description": "Close the slot just opened (with a reason), or reopen it.",
    },
}
