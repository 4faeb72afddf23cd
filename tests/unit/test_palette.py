"""The Neo4j Browser's style is generated from the explorer's palette, so both draw the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.errors import InvalidRequest
from kb.models import AppearanceStance
from kb.palette import load_palette, render_grass, stance_marks
from kb.research import render_guide


def _rules(grass: str) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    for selector, body in re.findall(r"^(\S+) \{\n(.*?)^\}", grass, flags=re.M | re.S):
        rules[selector] = dict(re.findall(r"^  ([a-z-]+): (.*);$", body, flags=re.M))
    return rules


def test_every_claim_type_and_link_kind_takes_the_palettes_colour() -> None:
    palette = load_palette()
    rules = _rules(render_grass(palette))
    for claim_type in palette["claim_types"].values():
        rule = rules[f"node.{claim_type['label']}"]
        assert rule["color"] == claim_type["fill"]
        assert rule["border-color"] == claim_type["line"]
    for link in palette["links"].values():
        assert rules[f"relationship.{link['type']}"]["color"] == link["line"]
    # the causal link's second leg takes the causal colour too
    assert rules["relationship.LEADS_TO"]["color"] == palette["links"]["causal"]["line"]
    assert rules["node.Claim"]["caption"] == "'{text}'"


def test_an_unreadable_palette_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "palette.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(InvalidRequest, match="cannot read the palette"):
        load_palette(broken)


def test_the_guide_links_the_explorer_from_the_settings() -> None:
    guide = render_guide([], explorer_url="http://kb.example:9123")
    assert 'href="http://kb.example:9123/#source=article-001&amp;view=map"' in guide
    assert "8000" not in guide


def test_every_appearance_stance_has_a_mark_with_a_non_colour_cue() -> None:
    marks = stance_marks(load_palette())
    assert set(marks) == {str(s) for s in AppearanceStance}
    cues = [mark["mark"] for mark in marks.values()]
    assert len(set(cues)) == len(cues)  # each stance told apart without its colour
    fills = [mark["fill"] for mark in marks.values()]
    assert len(set(fills)) == len(fills)


def test_a_palette_without_a_stance_is_a_clear_error() -> None:
    palette = load_palette()
    del palette["stances"]["reports"]
    with pytest.raises(InvalidRequest, match="reports"):
        stance_marks(palette)
