"""Pure parts of the annotation compiler: anchoring quotes, Cypher literals, matching."""

from __future__ import annotations

import pytest

from kb.annotation.anchors import AnchorError, anchor, occurrence_of, section_at
from kb.annotation.matching import lucene_query, similarity
from kb.annotation.script import literal
from kb.seeding.splitter import split_statements


def test_offsets_count_code_points_not_bytes_or_utf16_units() -> None:
    text = "🇵🇸 “Calm” returned; calm ended."
    span = anchor(text, "calm ended", None)
    assert text[span.start : span.end] == "calm ended"
    assert span.start == len("🇵🇸 “Calm” returned; ")


def test_repeated_quote_needs_its_occurrence_and_overlaps_count() -> None:
    text = "aaa"
    with pytest.raises(AnchorError) as raised:
        anchor(text, "aa", None)
    assert raised.value.rule == "ambiguous-quote"
    assert anchor(text, "aa", 2).start == 1
    assert occurrence_of(text, "aa", 1) == 2
    with pytest.raises(AnchorError, match="occurs 2 time"):
        anchor(text, "aa", 3)


def test_section_is_the_last_one_starting_before_the_quote() -> None:
    sections = [(0, "intro"), (10, "body")]
    assert section_at(sections, 9) == "intro"
    assert section_at(sections, 10) == "body"
    assert section_at([], 5) is None


def test_literals_escape_quotes_backslashes_newlines_and_keep_semicolons_inside() -> None:
    rendered = literal({"q": 'it\'s a \\ test;\nnext "line"', "n": None, "ok": True, "xs": ["a"]})
    assert rendered == "{q: 'it\\'s a \\\\ test;\\nnext \"line\"', n: null, ok: true, xs: ['a']}"
    statements = split_statements(f"RETURN {rendered} AS row;\nRETURN 1;")
    assert len(statements) == 2


def test_matching_ignores_case_punctuation_and_stop_words() -> None:
    assert similarity("The second phase has stopped.", "the Second Phase stopped") == 1.0
    assert similarity("The crossing reopened", "Talks resumed") == 0.0
    assert lucene_query('phase "two" (AND) OR*') == "phase two"
