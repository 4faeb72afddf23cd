"""Re-anchoring quotes in a revised text (kb.annotation.reanchor), with a property test."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from kb.annotation.anchors import AnchorError
from kb.annotation.reanchor import THRESHOLD, Anchor, place, reanchor, stored
from kb.annotation.revision import hunks

# A few examples in CI; `make revision-property` runs many (KB_PROPERTY_EXAMPLES).
EXAMPLES = int(os.environ.get("KB_PROPERTY_EXAMPLES", "60"))

TEXT = "Alpha said the deal holds. Beta said the deal holds. Gamma disagreed with both of them."


def test_exact_at_old_position_is_kept() -> None:
    old = stored(TEXT, "the deal holds", 37, 51)
    assert reanchor(TEXT, old) == place(TEXT, "the deal holds", None, old)
    placed = reanchor(TEXT, old)
    assert placed is not None and (placed.start, placed.how) == (37, "kept")


def test_unique_elsewhere_is_moved() -> None:
    old = stored(TEXT, "Gamma disagreed", 53, 68)
    placed = reanchor("Breaking. " + TEXT, old)
    assert placed is not None and (placed.start, placed.how) == (63, "moved")


def test_several_occurrences_are_told_apart_by_context() -> None:
    old = stored(TEXT, "the deal holds", 37, 51)  # Beta's
    revised = "Alpha said the deal holds today. Beta said the deal holds. " + TEXT[53:]
    placed = reanchor(revised, old)
    assert placed is not None and placed.how == "context"
    assert revised[placed.start - 10 : placed.start] == "Beta said "


def test_a_changed_word_reanchors_fuzzily_with_its_score() -> None:
    old = stored(TEXT, "Gamma disagreed with both of them", 53, 86)
    revised = TEXT.replace("both of them", "both of those")
    placed = reanchor(revised, old)
    assert placed is not None and placed.how == "fuzzy" and THRESHOLD <= placed.score < 1
    assert revised[placed.start : placed.end] == "Gamma disagreed with both of those"


def test_a_rewritten_passage_is_orphaned_and_the_error_names_it() -> None:
    old = stored(TEXT, "Gamma disagreed with both of them", 53, 86)
    revised = TEXT[:53] + "Nobody else had anything to add at that point."
    assert reanchor(revised, old) is None
    with pytest.raises(AnchorError, match=r"'Gamma disagreed with both of them' \(at offset 53"):
        place(revised, old.quote, None, old)


def test_hunks_name_each_change() -> None:
    assert hunks("the deal holds.", "the deal held.") == ["@9: -'holds' +'held'"]


# -- the property: random edits, inside and outside quotes ----------------------------------

WORDS = [f"w{i}" for i in range(40)]  # distinct tokens, so every quote is unique


@st.composite
def revised_texts(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], str, int, int, int]:
    """A text, three quote spans, and an edit (delete `length` at `at`, insert `inserted`)."""
    text = " ".join(WORDS) + "."
    word_starts = [i for i in range(len(text)) if i == 0 or text[i - 1] == " "]
    picks = sorted(draw(st.lists(st.integers(0, 35), min_size=3, max_size=3, unique=True)))
    spans = []
    for pick in picks:
        start = word_starts[pick]
        end = text.index(" ", word_starts[min(pick + 3, 39)]) if pick + 3 < 39 else len(text) - 1
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    at = draw(st.integers(0, len(text)))
    length = draw(st.integers(0, 6))
    inserted = draw(st.text(alphabet="xyz ", max_size=8))
    return text, spans, inserted, at, min(length, len(text) - at), 0


@settings(max_examples=EXAMPLES, deadline=None)
@given(revised_texts())
def test_random_edits_reanchor_untouched_quotes_exactly(
    case: tuple[str, list[tuple[int, int]], str, int, int, int],
) -> None:
    text, spans, inserted, at, length, _ = case
    revised = text[:at] + inserted + text[at + length :]
    delta = len(inserted) - length
    for start, end in spans:
        quote = text[start:end]
        placed = reanchor(revised, stored(text, quote, start, end))
        untouched_before = at + length <= start and (length or at < start)
        untouched_after = at >= end
        if untouched_before or untouched_after:
            shift = delta if untouched_before else 0
            assert placed is not None and placed.how in ("kept", "moved")
            assert (placed.start, placed.end) == (start + shift, end + shift)
        elif placed is not None:  # touched: re-anchored with a score, or reported (None)
            found = revised[placed.start : placed.end]
            assert placed.how in ("kept", "moved", "fuzzy")
            assert fuzz.ratio(quote, found) / 100 >= THRESHOLD or found == quote
            if placed.how == "fuzzy":
                assert THRESHOLD <= placed.score <= 1


def test_anchor_equality_is_by_value() -> None:
    assert Anchor("q", 1, 2) == Anchor("q", 1, 2, "", "")
