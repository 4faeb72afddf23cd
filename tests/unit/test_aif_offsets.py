"""AIF anchors links in the text by offsets; a graph loaded without them still exports."""

from __future__ import annotations

from kb.export import aif
from kb.schema import SUPPORTS


def test_nearest_picks_the_closest_offset_and_the_earliest_when_the_link_has_none() -> None:
    assert aif.nearest([40, 10, 25], 22) == 25
    assert aif.nearest([40, 10, 25], None) == 10
    assert aif.nearest([None, 30], None) == 30
    assert aif.nearest([None], 5) is None
    assert aif.nearest([], None) is None


def test_a_link_without_offsets_is_still_anchored_between_its_claims_locutions() -> None:
    # What graphgen's bulk CSV loads: a SUPPORTS link with no start or end.
    row = {
        "id": "sup-1",
        "from_id": "c-a",
        "to_id": "c-b",
        "source_id": "src-1",
        "start": None,
        "end": None,
        "from_starts": [120, 7],
        "to_starts": [60],
    }
    parts = aif.argument_parts(row, SUPPORTS, "2026-01-01 00:00:00")
    transitions = [node for node in parts.nodes if node["type"] == "TA"]
    assert len(transitions) == 1
    ta = transitions[0]["nodeID"]
    # the earliest locution of each claim, in text order: c-a at 7 before c-b at 60
    assert {"fromID": "loc:src-1:7:c-a", "toID": ta} in [
        {"fromID": e["fromID"], "toID": e["toID"]} for e in parts.edges
    ]
    assert {"fromID": ta, "toID": "loc:src-1:60:c-b"} in [
        {"fromID": e["fromID"], "toID": e["toID"]} for e in parts.edges
    ]


def test_claim_assertions_without_offsets_sort_and_export() -> None:
    row = {
        "id": "c-a",
        "text": "A claim.",
        "type": "factual",
        "speakers": [],
        "assertions": [
            {"source_id": "src-1", "quote": "later", "start": 9},
            {"source_id": "src-1", "quote": "no offset", "start": None},
        ],
    }
    parts = aif.claim_parts(row, {}, "2026-01-01 00:00:00")
    texts = [node["text"] for node in parts.nodes if node["type"] == "L"]
    assert texts == ["src-1: no offset", "src-1: later"]
