"""The exports' fast paths write the very bytes of the plain ones: GraphML's escaping
against `xml.sax.saxutils` (and its control-character stripping), AIF's one-call list
encoding against one `orjson.dumps` per item joined by ", "; the generation token."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import orjson
import pytest

from kb import generation
from kb.export import aif, graphml

AWKWARD = [
    "",
    "plain text",
    "Trump's \"deal\" & <the> 'ceasefire'",
    "tab\there, newline\nthere, return\r",
    "control \x00\x01\x08\x0b\x0c\x0e\x1f gone",
    "unicode: غزة — “quoted” ✓",
    "braces },{ inside",
    "&amp; already escaped",
]
INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@pytest.mark.parametrize("text", AWKWARD)
def test_graphml_text_and_attributes_match_saxutils(text: str) -> None:
    assert graphml._text(text) == escape(INVALID.sub("", text))
    assert graphml._attr(text) == quoteattr(text)


def _plain_data(prefix: str, props: dict[str, Any], declared: dict[str, str]) -> str:
    """GraphML's `<data>` elements as written before the fast path."""
    out = []
    for key, value in sorted(props.items()):
        if value is None or key in graphml.BOOKKEEPING:
            continue
        kind = declared.get(key, "string")
        if kind == "boolean":
            text = "true" if value else "false"
        elif kind in ("long", "double") and isinstance(value, int | float):
            text = repr(value) if isinstance(value, float) else str(value)
        else:
            raw = value if isinstance(value, str) else None
            if raw is None:
                raw = (
                    json.dumps(list(value), ensure_ascii=False, default=str)
                    if isinstance(value, list | tuple)
                    else str(value)
                )
            text = escape(INVALID.sub("", raw))
        out.append(f"<data key={quoteattr(prefix + key)}>{text}</data>")
    return "".join(out)


def test_graphml_data_matches_the_plain_path() -> None:
    props: dict[str, Any] = {
        "text": AWKWARD[2],
        "quote": AWKWARD[4],
        "flag": True,
        "count": 3,
        "score": 0.25,
        "tags": ["a<b", "c & d"],
        "odd_bool_as_string": False,
        "missing": None,
        "derived_lock": 1,
        "number_as_text": 7,
    }
    declared = {"flag": "boolean", "count": "long", "score": "double", "number_as_text": "string"}
    assert graphml._data("n_", props, declared) == _plain_data("n_", props, declared)


def test_graphml_nodes_and_edges_escape_awkward_ids() -> None:
    awkward_id = 'c-"x"&<y>'
    rows = [{"id": awkward_id, "props": {"text": AWKWARD[3]}}]
    node = "".join(graphml.nodes("Claim", rows, {}))
    assert node.startswith("<node id=" + quoteattr("Claim:" + awkward_id) + ">")
    rels = [{"start_id": "a'b", "end_id": "c\nd", "props": {}}]
    edge = "".join(graphml.edges(("SUPPORTS", "Claim", "Claim"), rels, {}, 0))
    assert "source=" + quoteattr("Claim:a'b") in edge
    assert "target=" + quoteattr("Claim:c\nd") in edge


@pytest.mark.parametrize(
    "items",
    [
        [{"nodeID": "a", "text": "x"}],
        [{"nodeID": "a", "text": "x"}, {"nodeID": "b", "text": None}],
        [{"nodeID": "a", "text": "braces },{ inside"}, {"nodeID": "b", "text": "y"}],
        [{"nodeID": "a", "text": "غزة"}, {"nodeID": "b", "text": '"},{"'}],
    ],
)
def test_aif_items_read_back_as_the_items(items: list[dict[str, Any]]) -> None:
    assert orjson.loads(b"[" + aif._items(items) + b"]") == items


def test_the_generation_changes_on_every_bump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(generation.GENERATION_FILE_ENV, str(tmp_path / "generation"))
    first = generation.current()
    assert first is not None and first == generation.current()
    generation.bump()
    second = generation.current()
    assert second not in (None, first)
    (tmp_path / "generation").unlink()  # replaced under a running process: reopened
    third = generation.current()
    assert third not in (None, second)
    generation.bump()
    assert generation.current() != third
