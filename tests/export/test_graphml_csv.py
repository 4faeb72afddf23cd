"""GraphML read back by networkx; neo4j-admin CSV files checked and imported by neo4j-admin:
counts agree with the database."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from kb import localdb, schema
from kb.db import Store
from kb.export import neo4j_csv
from kb.services import export as export_service
from tests.export.conftest import SECOND
from tests.export.helpers import count, exported, loss_counts

LABELS = tuple(kind.label for kind in schema.DOMAIN_NODES)
DOMAIN_NODES = "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN count(n)"
DOMAIN_RELS = (
    "MATCH (a)-[r]->(b) WHERE any(l IN labels(a) WHERE l IN $labels)"
    " AND any(l IN labels(b) WHERE l IN $labels) RETURN count(r)"
)


def _graphml(store: Store, source_id: str | None = None) -> tuple[nx.MultiDiGraph, list]:  # type: ignore[type-arg]
    text, losses = exported(store, "graphml", source_id)
    return nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True), losses


def test_networkx_reads_every_node_and_edge(extended_store: Store) -> None:
    graph, losses = _graphml(extended_store)
    assert graph.number_of_nodes() == count(extended_store, DOMAIN_NODES, labels=list(LABELS))
    assert graph.number_of_edges() == count(extended_store, DOMAIN_RELS, labels=list(LABELS))
    by_label = Counter(data["labels"] for _node, data in graph.nodes(data=True))
    for label in LABELS:
        assert by_label[f":{label}"] == count(extended_store, f"MATCH (n:{label}) RETURN count(n)")
    by_type = Counter(data["label"] for _a, _b, data in graph.edges(data=True))
    assert by_type["SUPPORTS"] == count(extended_store, "MATCH ()-[r:SUPPORTS]->() RETURN count(r)")
    # attributes keep their types
    claim = graph.nodes["Claim:c-hostages-not-rescued"]
    assert claim["checkable"] is True and claim["type"] == "factual"
    link = graph.nodes[next(n for n, d in graph.nodes(data=True) if d["labels"] == ":EvidenceLink")]
    assert isinstance(link["confidence"], float)
    asserts = [d for a, b, d in graph.edges(data=True) if d["label"] == "ASSERTS"]
    assert all(isinstance(d["start"], int) for d in asserts)
    # the loss report names what GraphML cannot type: the alias lists
    with_aliases = count(
        extended_store,
        "MATCH (n) WHERE (n:Actor OR n:Topic) AND n.aliases IS NOT NULL RETURN count(n)",
    )
    assert loss_counts(losses) == {"list properties": with_aliases}
    assert "Actor.aliases" in losses[0].note and "JSON" in losses[0].note


def test_graphml_of_one_source(extended_store: Store) -> None:
    graph, _losses = _graphml(extended_store, SECOND)
    claims = {n for n, d in graph.nodes(data=True) if d["labels"] == ":Claim"}
    assert claims == {
        "Claim:c-hostages-not-rescued",
        "Claim:c-test-trump-said-deal-dead",
        "Claim:c-test-talks-stalled",
    }
    sources = {n for n, d in graph.nodes(data=True) if d["labels"] == ":Source"}
    assert sources == {f"Source:{SECOND}"}
    # every edge ends at an exported node, and only the second source's arguments are there
    arguments = ("SUPPORTS", "ATTACKS")
    links = {d.get("id") for _a, _b, d in graph.edges(data=True) if d["label"] in arguments}
    assert links == {"sup-test-1", "att-test-1"}


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


@pytest.fixture()
def csv_folder(extended_store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("csv")
    losses, names = export_service.write_csv(extended_store, None, folder)
    assert losses == [] and names[-1] == export_service.IMPORT_SCRIPT
    return folder


def test_csv_node_files_have_typed_headers_and_database_counts(
    extended_store: Store, csv_folder: Path
) -> None:
    for label in LABELS:
        header, rows = _read(csv_folder / f"node-{label}.csv")
        assert header[0] == f"id:ID({label})" and header[-1] == ":LABEL"
        assert len(rows) == count(extended_store, f"MATCH (n:{label}) RETURN count(n)"), label
        assert {row[-1] for row in rows} == {label}
    claim_header, _ = _read(csv_folder / "node-Claim.csv")
    assert "checkable:boolean" in claim_header
    actor_header, actors = _read(csv_folder / "node-Actor.csv")
    assert "aliases:string[]" in actor_header
    trump = next(row for row in actors if row[0] == "trump")
    assert trump[actor_header.index("aliases:string[]")].split(";") == ["Trump", "Donald Trump"]
    source_header, sources = _read(csv_folder / "node-Source.csv")
    article = next(row for row in sources if row[0] == "article-001")
    assert len(article[source_header.index("text")]) == 6649  # multi-line text survives


def test_csv_relationship_files_split_by_type_and_labels(
    extended_store: Store, csv_folder: Path
) -> None:
    files = sorted(csv_folder.glob("rel-*.csv"))
    total = 0
    for path in files:
        rel_type, start, end = path.stem.removeprefix("rel-").split("-")
        header, rows = _read(path)
        assert header[:2] == [f":START_ID({start})", f":END_ID({end})"] and header[-1] == ":TYPE"
        expected = count(
            extended_store, f"MATCH (:{start})-[r:{rel_type}]->(:{end}) RETURN count(r)"
        )
        assert len(rows) == expected, path.name
        total += len(rows)
    assert total == count(extended_store, DOMAIN_RELS, labels=list(LABELS))
    header, _ = _read(csv_folder / "rel-ASSERTS-Source-Claim.csv")
    assert {"start:long", "end:long", "quote", "section"} <= set(header)
    script = (csv_folder / export_service.IMPORT_SCRIPT).read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script
    for path in [*files, *csv_folder.glob("node-*.csv")]:
        assert path.name in script


def test_neo4j_admin_imports_the_csv_with_every_node_and_relationship(
    extended_store: Store, csv_folder: Path, tmp_path: Path
) -> None:
    """Run Neo4j's own importer (AdminTool, from the local server's classpath) on the files."""
    if not localdb.CLASSPATH_FILE.exists():
        pytest.skip("the local launcher is not built (tests run against an external server)")
    home = tmp_path / "imported"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text(f"server.directories.data={home / 'data'}\n")
    entries = localdb.CLASSPATH_FILE.read_text().strip().split(os.pathsep)
    classpath = os.pathsep.join([str(localdb.CLASSES_DIR), *entries])
    names = sorted(path.name for path in csv_folder.glob("*.csv"))
    options = neo4j_csv.import_arguments(
        [n for n in names if n.startswith("node-")], [n for n in names if n.startswith("rel-")]
    )
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    result = subprocess.run(
        [
            "java",
            "-Xmx512m",
            "-cp",
            classpath,
            "org.neo4j.cli.AdminTool",
            "database",
            "import",
            "full",
            "neo4j",
            *options,
        ],
        cwd=csv_folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    imported = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships", result.stdout)
    assert imported is not None, result.stdout[-2000:]
    assert int(imported.group(1)) == count(extended_store, DOMAIN_NODES, labels=list(LABELS))
    assert int(imported.group(2)) == count(extended_store, DOMAIN_RELS, labels=list(LABELS))
    # the shipped script runs the same command
    script = (csv_folder / export_service.IMPORT_SCRIPT).read_text(encoding="utf-8")
    assert "import full neo4j \\\n" in script
