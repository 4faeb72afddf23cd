"""Issue 19: the exports show how each source stands to a claim.

The second test source is given a rejection of the refuted claim and a report
(Trump as speaker) of the contested one; the fixture's teardown removes them
with the source.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kb.db import Store
from kb.export.graphml import node_id
from kb.services import export as export_service
from tests.export.conftest import CONTESTED, REFUTED, SECOND, SECOND_TEXT
from tests.export.helpers import count, exported, loss_counts

ADD_APPEARANCES = """
MATCH (s:Source {id: $source_id}), (refuted:Claim {id: $refuted})
MATCH (contested:Claim {id: $contested})
MERGE (s)-[r:ASSERTS {start: 0}]->(refuted)
SET r.end = 6, r.quote = $reject_quote, r.section = 'body', r.stance = 'rejects'
MERGE (s)-[p:ASSERTS {start: 2}]->(contested)
SET p.end = 8, p.quote = $report_quote, p.section = 'body', p.stance = 'reports',
    p.speaker = 'trump', p.speaker_stance = 'asserts', p.reporting = 'said'
"""


@pytest.fixture()
def stance_store(extended_store: Store) -> Store:
    extended_store.write(
        lambda tx: tx.run(
            ADD_APPEARANCES,
            source_id=SECOND,
            refuted=REFUTED,
            contested=CONTESTED,
            reject_quote=SECOND_TEXT[0:6],
            report_quote=SECOND_TEXT[2:8],
        ).consume()
    )
    return extended_store


def _claims(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        item["itemReviewed"]["@id"].removeprefix("urn:kb:claim:"): item["itemReviewed"]
        for item in document["@graph"]
    }


def test_claimreview_appearances_are_committed_sources_only(stance_store: Store) -> None:
    text, losses = exported(stance_store, "claimreview")
    claims = _claims(json.loads(text))
    # the second source rejects one claim and only reports the other: no appearance of either;
    # the article too only reports the contested claim (Trump's words, revision 3)
    assert [a["@id"] for a in claims[REFUTED]["appearance"]] == ["urn:kb:source:article-001"]
    assert claims[CONTESTED].get("appearance", []) == []
    uncommitted = count(
        stance_store,
        "MATCH (:Source)-[a:ASSERTS]->(c:Claim) WHERE c.id IN $ids"
        " AND NOT a.stance IN ['asserts', 'presupposes'] RETURN count(a)",
        ids=list(claims),
    )
    assert uncommitted >= 2
    report = loss_counts(losses)
    assert report["appearances that reject or only report a reviewed claim"] == uncommitted


def _aif(store: Store) -> dict[str, Any]:
    return json.loads(exported(store, "aif")[0])


def test_aif_rejection_is_a_conflict_from_the_source_locution(stance_store: Store) -> None:
    document = _aif(stance_store)
    nodes = {n["nodeID"]: n for n in document["nodes"]}
    edges = {(e["fromID"], e["toID"]) for e in document["edges"]}
    said = f"loc:{SECOND}:0:{REFUTED}"
    conflict = f"ca:{said}"
    assert nodes[conflict]["type"] == "CA" and nodes[conflict]["scheme"] == "Default Conflict"
    assert (conflict, REFUTED) in edges
    ya = f"ya:{said}>{conflict}"
    assert nodes[ya]["text"] == "Disagreeing"
    assert {(said, ya), (ya, conflict)} <= edges
    assert f"ya:{said}>{REFUTED}" not in nodes  # the source does not assert it


def test_aif_report_is_the_speaker_locution(stance_store: Store) -> None:
    document = _aif(stance_store)
    nodes = {n["nodeID"]: n for n in document["nodes"]}
    edges = {(e["fromID"], e["toID"]) for e in document["edges"]}
    said = f"loc:{SECOND}:2:{CONTESTED}"
    reported = f"{said}:said-by:trump"
    assert nodes[reported]["type"] == "L" and nodes[reported]["text"].startswith("Donald Trump: ")
    speakers = {loc["nodeID"]: loc["personID"] for loc in document["locutions"]}
    assert speakers[reported] == "actor:trump" and speakers[said] == f"source:{SECOND}"
    assert {(said, f"ya:{said}>{reported}"), (f"ya:{reported}>{CONTESTED}", CONTESTED)} <= edges
    assert f"ya:{said}>{CONTESTED}" not in nodes  # only the speaker is committed


def test_aif_reported_speech_claims_keep_their_speaker_path(stance_store: Store) -> None:
    """The article's reported_speech claims (asserts appearances) are rendered as before."""
    document = _aif(stance_store)
    nodes = {n["nodeID"] for n in document["nodes"]}
    start = count(
        stance_store,
        "MATCH (:Source {id: 'article-001'})-[a:ASSERTS]->(:Claim {id: $id}) RETURN min(a.start)",
        id=CONTESTED,
    )
    said = f"loc:article-001:{start}:{CONTESTED}"
    assert f"{said}:said-by:trump" in nodes


def test_graphml_and_csv_carry_the_stance(stance_store: Store, tmp_path: Path) -> None:
    text, _ = exported(stance_store, "graphml")
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    reports = [
        data
        for _a, b, data in graph.edges(data=True)
        if data.get("stance") == "reports" and b == node_id("Claim", CONTESTED)
    ]
    # the second source's report and the article's own ("has openly stated")
    assert sorted(r["reporting"] for r in reports) == ["has openly stated", "said"]
    assert all(r["speaker"] == "trump" and r["speaker_stance"] == "asserts" for r in reports)
    stances = {data.get("stance") for *_ends, data in graph.edges(data=True) if "quote" in data}
    assert {"asserts", "rejects", "reports"} <= stances

    export_service.write_csv(stance_store, None, tmp_path)
    with (tmp_path / "rel-ASSERTS-Source-Claim.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    columns = {name.split(":")[0]: i for i, name in enumerate(header)}
    assert {"stance", "speaker", "speaker_stance", "reporting"} <= set(columns)
    found = [row for row in rows[1:] if row[columns["stance"]] == "reports"]
    assert any(row[columns["speaker"]] == "trump" for row in found)
    assert any(row[columns["stance"]] == "rejects" for row in rows[1:])
