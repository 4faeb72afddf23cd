"""`kb export` and `GET /api/v1/export/{format}`: files, downloads, loss reports, errors."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import networkx as nx

from kb.config import Settings
from kb.db import Store
from tests.api.openapi_check import CheckedClient
from tests.export.conftest import SECOND
from tests.export.helpers import count
from tests.integration.test_cli import assert_one_line_error, run_kb

API = "/api/v1/export"


def test_cli_writes_the_file_and_reports_losses_on_stderr(
    extended_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "graph.aif.json"
    result = run_kb(neo4j_settings, "export", "aif", "--source", SECOND, "--out", str(out))
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert sum(node["type"] == "I" for node in document["nodes"]) == 3
    assert "loss report (aif):" in result.stderr
    assert "causal mechanisms: 1;" in result.stderr


def test_cli_csv_writes_a_folder(
    extended_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    result = run_kb(neo4j_settings, "export", "csv", "--out", str(tmp_path / "csv"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "csv" / "node-Claim.csv").exists()
    assert "loss report (csv): nothing lost" in result.stderr


def test_cli_errors_are_one_line(extended_store: Store, neo4j_settings: Settings) -> None:
    assert_one_line_error(run_kb(neo4j_settings, "export", "pdf"), "export format 'pdf' not found")
    assert_one_line_error(
        run_kb(neo4j_settings, "export", "aif", "--source", "nope"), "source 'nope' not found"
    )
    assert_one_line_error(run_kb(neo4j_settings, "export", "csv"), "give a folder with --out")


def test_api_streams_graphml_with_filename_and_loss_header(
    extended_store: Store, client: CheckedClient
) -> None:
    response = client.get(f"{API}/graphml")
    assert response.status_code == 200
    assert response.mimetype == "application/graphml+xml"
    assert response.is_streamed
    disposition = response.headers["Content-Disposition"]
    assert disposition == 'attachment; filename="claim-kb-all.graphml"'
    loss = json.loads(response.headers["X-Export-Loss"])
    assert [item["kind"] for item in loss] == ["list properties"]
    graph = nx.read_graphml(io.BytesIO(response.get_data()), force_multigraph=True)
    assert graph.number_of_nodes() > count(extended_store, "MATCH (c:Claim) RETURN count(c)")


def test_api_json_exports_match_their_declared_schemas(
    extended_store: Store, client: CheckedClient
) -> None:
    aif = client.get(f"{API}/aif", query_string={"source": SECOND})  # checked against the spec
    assert aif.status_code == 200 and aif.mimetype == "application/json"
    assert aif.headers["Content-Disposition"].endswith(f'filename="claim-kb-{SECOND}.aif.json"')
    assert {n["nodeID"] for n in aif.get_json()["nodes"] if n["type"] == "CA"} == {"att-test-1"}
    review = client.get(f"{API}/claimreview")
    assert review.status_code == 200 and review.mimetype == "application/ld+json"
    assert len(review.get_json()["@graph"]) == 3
    kinds = {item["kind"] for item in json.loads(review.headers["X-Export-Loss"])}
    assert "claims without an evidence-based status" in kinds


def test_api_csv_is_a_zip_of_the_import_files(extended_store: Store, client: CheckedClient) -> None:
    response = client.get(f"{API}/csv")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert json.loads(response.headers["X-Export-Loss"]) == []
    archive = zipfile.ZipFile(io.BytesIO(response.get_data()))
    names = set(archive.namelist())
    assert "claim-kb-csv/node-Claim.csv" in names
    assert "claim-kb-csv/neo4j-admin-import.sh" in names
    claims = archive.read("claim-kb-csv/node-Claim.csv").decode("utf-8")
    assert claims.startswith("id:ID(Claim),")


def test_api_unknown_format_or_source_is_a_problem(client: CheckedClient) -> None:
    unknown = client.get(f"{API}/pdf")
    assert unknown.status_code == 404 and unknown.mimetype == "application/problem+json"
    assert "export format 'pdf'" in unknown.get_json()["detail"]
    assert client.get(f"{API}/aif", query_string={"source": "nope"}).status_code == 404
    empty = client.get(f"{API}/aif", query_string={"source": ""})
    assert empty.status_code == 422 and "source" in empty.get_json()["errors"]["query"]
