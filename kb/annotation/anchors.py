"""Find a quote in the source text: offsets are computed, never typed.

Offsets count Unicode code points of the stored text (Python `str` indices),
start inclusive, end exclusive, so `text[start:end] == quote` always holds.
A quote that occurs more than once must say which occurrence it means
(1-based); occurrences may overlap, as they can in real text.
"""

from __future__ import annotations

from dataclasses import dataclass


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
        raise AnchorError("quote-not-found", f"quote {shown!r} does not occur in the text")
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
