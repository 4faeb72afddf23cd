"""Find a quote in the source text: offsets are computed, never typed.

Offsets count Unicode code points of the stored text (Python `str` indices),
start inclusive, end exclusive, so `text[start:end] == quote` always holds.
A quote that occurs more than once must say which occurrence it means
(1-based); occurrences may overlap, as they can in real text.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

# Characters of text kept around the best-matching block when aligning a quote.
_SLACK = 16
_SHOWN = 80
_PROBE = 500
_NAMES = {"\n": "line break", "\r": "carriage return", "\t": "tab", " ": "space"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class AnchorError(Exception):
    """The quote cannot be anchored; `rule` names why."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule


def occurrences(text: str, quote: str) -> list[int]:
    """Every start offset of `quote` in `text`, overlapping ones included."""
    found = []
    at = text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def anchor(text: str, quote: str, occurrence: int | None) -> Span:
    """The span of `quote` (its `occurrence`-th match when given)."""
    starts = occurrences(text, quote)
    shown = quote if len(quote) <= 60 else quote[:57] + "..."
    if not starts:
        message = f"quote {_cut(quote)!r} does not occur in the text"
        raise AnchorError("quote-not-found", message + closest_hint(text, quote))
    if occurrence is None:
        if len(starts) > 1:
            raise AnchorError(
                "ambiguous-quote",
                f"quote {shown!r} occurs {len(starts)} times: "
                f"add `occurrence: N` (1-{len(starts)})",
            )
        occurrence = 1
    if occurrence > len(starts):
        raise AnchorError(
            "quote-not-found",
            f"quote {shown!r} occurs {len(starts)} time(s), not {occurrence}",
        )
    start = starts[occurrence - 1]
    return Span(start, start + len(quote))


def occurrence_of(text: str, quote: str, start: int) -> int | None:
    """The `occurrence` a file must give for the span at `start` (None when unique)."""
    starts = occurrences(text, quote)
    return None if len(starts) == 1 else starts.index(start) + 1


def section_at(sections: list[tuple[int, str]], start: int) -> str | None:
    """The id of the last section starting at or before `start` (sections sorted)."""
    current = None
    for section_start, section_id in sections:
        if section_start > start:
            break
        current = section_id
    return current


@dataclass(frozen=True)
class Near:
    """The passage of the text closest to a quote, and their first difference."""

    start: int
    end: int
    difference: str
    quote_at: int


def closest(text: str, quote: str) -> Near | None:
    """The passage that best aligns with `quote` (difflib), or None when nothing matches.

    The longest block the two share places the quote in the text; a second
    alignment over that stretch (plus a little slack) finds the first
    difference, so a curly apostrophe or a line break is named exactly.
    """
    if not quote or not text:
        return None
    quote = quote[:_PROBE]  # a longer quote costs time and shows nothing more
    block = SequenceMatcher(None, text, quote, autojunk=False).find_longest_match(
        0, len(text), 0, len(quote)
    )
    if block.size == 0:
        return None
    low = max(0, block.a - block.b - _SLACK)
    high = min(len(text), block.a - block.b + len(quote) + _SLACK)
    window = text[low:high]
    ops = SequenceMatcher(None, window, quote, autojunk=False).get_opcodes()
    # Window characters before the quote's start or after its end are slack, not differences.
    while ops and ops[0][0] == "delete" and ops[0][3] == 0:
        ops.pop(0)
    while ops and ops[-1][0] == "delete" and ops[-1][3] == len(quote):
        ops.pop()
    if not ops:
        return None
    first = next((op for op in ops if op[0] != "equal"), None)
    if first is None:
        return None
    tag, i1, i2, j1, j2 = first
    in_text, in_quote = window[i1:i2], quote[j1:j2]
    difference = f"{_describe(in_text)} in the text, {_describe(in_quote)} in the quote"
    return Near(low + ops[0][1], low + ops[-1][2], difference, j1)


def closest_hint(text: str, quote: str) -> str:
    """`; closest passage at line L, column C: '...'; first difference ...` or ``."""
    near = closest(text, quote)
    if near is None:
        return "; no passage of the text resembles it"
    line = text.count("\n", 0, near.start) + 1
    column = near.start - (text.rfind("\n", 0, near.start) + 1) + 1
    passage = _cut(text[near.start : near.end])
    return (
        f"; closest passage at line {line}, column {column}: {passage!r}; "
        f"first difference at character {near.quote_at + 1} of the quote: {near.difference}"
    )


def _describe(part: str) -> str:
    if not part:
        return "nothing"
    if len(part) == 1:
        if part in _NAMES:
            return _NAMES[part]
        return part if part.isascii() else f"{part} (U+{ord(part):04X})"
    return repr(_cut(part, 30))


def _cut(value: str, limit: int = _SHOWN) -> str:
    return value if len(value) <= limit else value[: limit - 3] + "..."
