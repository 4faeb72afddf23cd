"""Re-anchor a quote in a revised text, as Hypothesis and the W3C Web Annotation model do.

A stored appearance is a TextQuoteSelector (the quote, with `CONTEXT`
characters of prefix and suffix) plus a TextPositionSelector (its offsets).
In a revised text the quote is found, in this order:

1. exact at its old position (`kept`);
2. exact and unique elsewhere (`moved`);
3. exact among several occurrences, the one whose prefix/suffix best match the
   stored context, ties broken by distance from the old position (`context`);
4. approximately (rapidfuzz's partial-ratio alignment, first near the old
   position, then anywhere) when the score is at least `THRESHOLD`
   (`fuzzy`, with its score); the stored quote becomes the text found.

Below the threshold the quote is orphaned: an `AnchorError` naming it and
the closest passage, unless the annotation file retires it.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from kb.annotation.anchors import AnchorError, anchor, closest_hint, occurrences

# Characters of context kept on each side of a quote (Hypothesis keeps 32).
CONTEXT = 32
# The lowest rapidfuzz score (0-1) at which an approximate match re-anchors a quote;
# below it the quote is orphaned. 0.75 accepts a changed word or two in a sentence-long
# quote, and refuses a quote whose passage was rewritten (docs/annotation.md).
THRESHOLD = 0.75
# How far around the old position the approximate search looks first.
_NEARBY = 400
# How many characters an approximate match's edges may move to fit the quote better.
_EDGE = 4


@dataclass(frozen=True)
class Anchor:
    """A stored appearance: its quote, offsets and context in the text it was anchored in."""

    quote: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Placement:
    """Where a quote landed in the new text, how, and (for `fuzzy`) its score."""

    start: int
    end: int
    how: str  # new | kept | moved | context | fuzzy
    score: float = 1.0


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The `CONTEXT` characters before `start` and after `end`."""
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def stored(text: str, quote: str, start: int, end: int) -> Anchor:
    prefix, suffix = context_of(text, start, end)
    return Anchor(quote, start, end, prefix, suffix)


def place(text: str, quote: str, occurrence: int | None, old: Anchor | None) -> Placement:
    """The span of the file's `quote` in `text`, re-anchoring from `old` when there is one."""
    if old is None or occurrence is not None:
        span = anchor(text, quote, occurrence)
        how = "new" if old is None else _kept_or_moved(span.start, old)
        return Placement(span.start, span.end, how)
    starts = occurrences(text, quote)
    if len(starts) == 1:
        return Placement(starts[0], starts[0] + len(quote), _kept_or_moved(starts[0], old))
    if starts:
        start = _by_context(text, quote, starts, old)
        how = "kept" if start == old.start else "context"
        return Placement(start, start + len(quote), how)
    found = approximate(text, old.quote, old.start) or approximate(text, quote, old.start)
    if found is not None:
        return found
    shown = quote if len(quote) <= 60 else quote[:57] + "..."
    raise AnchorError(
        "quote-not-found",
        f"quote {shown!r} (at offset {old.start} before this revision) cannot be re-anchored "
        f"(best score below {THRESHOLD}); retire it or quote the revised text"
        + closest_hint(text, quote),
    )


def reanchor(text: str, old: Anchor) -> Placement | None:
    """`old` placed in `text` (steps 1-4), or None when it is orphaned."""
    try:
        return place(text, old.quote, None, old)
    except AnchorError:
        return None


def approximate(text: str, quote: str, near: int) -> Placement | None:
    """The best approximate match of `quote`, near `near` first, if it reaches `THRESHOLD`."""
    if not quote or not text:
        return None
    cutoff = THRESHOLD * 100
    low = max(0, near - _NEARBY)
    high = min(len(text), near + len(quote) + _NEARBY)
    for offset, window in ((low, text[low:high]), (0, text)):
        found = fuzz.partial_ratio_alignment(quote, window, score_cutoff=cutoff)
        if found is not None and found.dest_end > found.dest_start:
            start, end = _refined(text, quote, offset + found.dest_start, offset + found.dest_end)
            score = fuzz.ratio(quote, text[start:end]) / 100
            if score >= THRESHOLD:
                return Placement(start, end, "fuzzy", round(score, 3))
    return None


def _refined(text: str, quote: str, start: int, end: int) -> tuple[int, int]:
    """The alignment's edges moved to where the quote's first and last matched characters
    fall (partial-ratio windows have the quote's length, a revised passage may not)."""
    slack = len(quote) // 4 + 8
    low, high = max(0, start - slack), min(len(text), end + slack)
    window = text[low:high]
    blocks = [
        b
        for b in SequenceMatcher(None, window, quote, autojunk=False).get_matching_blocks()
        if b.size
    ]
    if not blocks:
        return _trimmed(text, start, end)
    first, last = blocks[0], blocks[-1]
    new_start = max(low, low + first.a - first.b)
    new_end = min(high, low + last.a + last.size + (len(quote) - last.b - last.size))
    # The edges within a few characters on word boundaries that resemble the quote best
    # (shortest on ties): a character-level score alone would cut a changed word in half.
    candidates = [
        (a, b)
        for a in range(max(0, new_start - _EDGE), min(len(text), new_start + _EDGE + 1))
        for b in range(max(a + 1, new_end - _EDGE), min(len(text), new_end + _EDGE) + 1)
    ]

    def rank(c: tuple[int, int]) -> tuple[bool, float, int]:
        a, b = c
        on_words = (a == 0 or not text[a - 1].isalnum() or not text[a].isalnum()) and (
            b == len(text) or not text[b].isalnum() or not text[b - 1].isalnum()
        )
        return on_words, fuzz.ratio(quote, text[a:b]), a - b

    return _trimmed(text, *max(candidates, key=rank))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace an alignment may take in at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _kept_or_moved(start: int, old: Anchor) -> str:
    return "kept" if start == old.start else "moved"


def _by_context(text: str, quote: str, starts: list[int], old: Anchor) -> int:
    """The occurrence at the old position, else the best context match, else the nearest."""
    if old.start in starts:
        return old.start

    def rank(start: int) -> tuple[int, int]:
        prefix, suffix = context_of(text, start, start + len(quote))
        return (
            -(_common_tail(prefix, old.prefix) + _common_head(suffix, old.suffix)),
            abs(start - old.start),
        )

    return min(starts, key=rank)


def _common_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_head(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
