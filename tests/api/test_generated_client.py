"""A client generated from the OpenAPI document works, under the names it declares.

openapi-python-client (a test dependency; it runs offline) turns the served
document into a typed package; a short script then uses that package, as a
client developer would, against the API served by gunicorn over real HTTP:
list claims, walk a claim's dependents, attach evidence, read the status
it gives, retract it. Also: every operation has a unique camelCase
operationId, and the responses clients need to retry on are documented.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from api import create_app
from kb.config import Settings
from kb.db import Store
from kb.services import keys as key_service
from tests.api.served import served_api

CAMEL_CASE = re.compile(r"^[a-z]+(?:[A-Z][a-z0-9]*)*$")
METHODS = ("get", "post", "put", "patch", "delete")
PACKAGE = "claim_knowledge_base_client"
CLAIM = "c-second-phase-deliberately-stopped"

SCRIPT = textwrap.dedent(
    f"""
    import json, os, uuid
    from {PACKAGE} import AuthenticatedClient, Client
    from {PACKAGE}.api.claims import get_claim, get_claim_dependents, list_claims
    from {PACKAGE}.api.evidence import attach_claim_evidence, retract_evidence
    from {PACKAGE}.models import ClaimDetail, ClaimPage, EvidenceInput, EvidenceLink
    from {PACKAGE}.models import EvidenceInputStance, Retraction, Walk

    url, key = os.environ["KB_API_URL"], os.environ["KB_API_KEY"]
    reader = Client(base_url=url, raise_on_unexpected_status=True)
    analyst = AuthenticatedClient(base_url=url, token=key, raise_on_unexpected_status=True)
    page = list_claims.sync(client=reader, limit=5)
    assert isinstance(page, ClaimPage), page
    walk = get_claim_dependents.sync("{CLAIM}", client=reader)
    assert isinstance(walk, Walk), walk
    before = get_claim.sync("{CLAIM}", client=reader)
    body = EvidenceInput(
        url="https://generated-client.example.org/report",
        stance=EvidenceInputStance.SUPPORTS,
        confidence=0.8,
        rationale="Attached by the generated client.",
    )
    once = str(uuid.uuid4())
    link = attach_claim_evidence.sync("{CLAIM}", client=analyst, body=body, idempotency_key=once)
    again = attach_claim_evidence.sync("{CLAIM}", client=analyst, body=body, idempotency_key=once)
    assert isinstance(link, EvidenceLink) and isinstance(again, EvidenceLink), (link, again)
    after = get_claim.sync("{CLAIM}", client=reader)
    assert isinstance(after, ClaimDetail), after
    retracted = retract_evidence.sync(link.id, client=analyst, body=Retraction(reason="test done"))
    assert isinstance(retracted, EvidenceLink), retracted
    final = get_claim.sync("{CLAIM}", client=reader)
    print(json.dumps({{
        "listed": [claim.id for claim in page.items],
        "walked": walk.claim_id,
        "dependents": len(walk.claims),
        "status_before": before.status,
        "link": link.id,
        "replayed": again.id,
        "status_after": after.status,
        "retracted_by": retracted.retracted_by,
        "status_final": final.status,
    }}))
    """
)


@pytest.fixture(scope="module")
def openapi_spec() -> dict[str, Any]:
    """The served document (building it needs no database)."""
    spec: dict[str, Any] = (
        create_app({"TESTING": True}).test_client().get("/api/v1/openapi.json").get_json()
    )
    return spec


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def test_every_operation_has_a_unique_camel_case_operation_id(openapi_spec: dict[str, Any]) -> None:
    found = [
        (method, path, op.get("operationId", "")) for method, path, op in operations(openapi_spec)
    ]
    assert len(found) > 20
    assert [f for f in found if not CAMEL_CASE.match(f[2])] == []
    ids = [operation_id for _method, _path, operation_id in found]
    assert len(ids) == len(set(ids))
    by_route = {(method, path): operation_id for method, path, operation_id in found}
    assert by_route[("get", "/api/v1/claims")] == "listClaims"
    assert by_route[("get", "/api/v1/claims/{claim_id}/dependents")] == "getClaimDependents"


def test_retries_limits_and_idempotency_are_documented(openapi_spec: dict[str, Any]) -> None:
    components = openapi_spec["components"]
    for method, path, operation in operations(openapi_spec):
        responses = operation["responses"]
        assert "414" in responses and "503" in responses, (method, path)
        if path.startswith("/api/v1/"):
            assert "429" in responses, (method, path)
    for name in ("TOO_MANY_REQUESTS", "SERVICE_UNAVAILABLE"):
        assert "Retry-After" in components["responses"][name]["headers"]
    attach = openapi_spec["paths"]["/api/v1/claims/{target_id}/evidence"]["post"]
    refs = [p.get("$ref", "") for p in attach["parameters"]]
    assert "#/components/parameters/IdempotencyKey" in refs
    assert components["parameters"]["IdempotencyKey"]["name"] == "Idempotency-Key"


def test_a_generated_client_lists_walks_attaches_and_reads_status(
    openapi_spec: dict[str, Any], seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    spec_file = tmp_path / "openapi.json"
    spec_file.write_text(json.dumps(openapi_spec), encoding="utf-8")
    bin_dir = str(Path(sys.executable).parent)  # the generator formats with the venv's ruff
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    generated = subprocess.run(
        [
            str(Path(bin_dir) / "openapi-python-client"),
            "generate",
            "--path",
            str(spec_file),
            "--meta",
            "none",
            "--output-path",
            str(tmp_path / PACKAGE),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    output = generated.stdout + generated.stderr
    assert generated.returncode == 0, output
    assert "Warning" not in output, output
    key = key_service.create_key(seeded_store, "generated-client", "analyst")
    (tmp_path / "script.py").write_text(SCRIPT, encoding="utf-8")
    with served_api(neo4j_settings, tmp_path / "gunicorn.log") as url:
        run = subprocess.run(
            [sys.executable, str(tmp_path / "script.py")],
            capture_output=True,
            text=True,
            env={**env, "PYTHONPATH": str(tmp_path), "KB_API_URL": url, "KB_API_KEY": key},
            timeout=300,
        )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert len(result["listed"]) == 5
    assert result["walked"] == CLAIM and result["dependents"] > 0
    assert result["status_before"] == "unverified"
    assert result["replayed"] == result["link"]  # the Idempotency-Key replayed the first answer
    assert result["status_after"] == "supported"
    assert result["retracted_by"] == "generated-client"
    assert result["status_final"] == "unverified"
