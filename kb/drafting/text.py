"""Sentences (pysbd, rule-based, no model) and clauses, as character spans of the text.

Every span is `(start, end)` in code points of the original text, so a quote is
always `text[start:end]` and the compiler finds it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd

from kb.drafting.lexicon import CONTRAST, REASON_AFTER, REASON_BEFORE


@dataclass(frozen=True)
class Boundary:
    """What joins a clause to the one before it: the connective (as in the text) or none."""

    marker: str | None  # exact words of the text, e.g. "because", "However"
    kind: str | None  # "reason-before" | "reason-after" | "contrast" | "condition" | None
    marker_start: int = -1  # where the marker stands in the text
    marker_end: int = -1


@dataclass(frozen=True)
class Clause:
    """A clause: its span (trimmed), its sentence and what joins it to the clause before."""

    start: int
    end: int
    sentence: int
    joined_by: Boundary
    question: bool = False


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: paragraphs (line breaks) first, then pysbd within each paragraph."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        cursor = paragraph.start()
        for piece in _segmenter().segment(paragraph.group()):
            stripped = piece.strip()
            if not stripped:
                continue
            at = text.find(stripped, cursor, paragraph.end())
            if at < 0:  # pysbd changed the text: keep the rest of the paragraph as one sentence
                at = cursor
                stripped = text[cursor : paragraph.end()].strip()
            spans.append((at, at + len(stripped)))
            cursor = at + len(stripped)
    return spans


def _words(alternatives: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(alternatives, key=len, reverse=True))


_KIND = {word: "reason-before" for word in REASON_BEFORE}
_KIND |= {word: "reason-after" for word in REASON_AFTER}
_KIND |= {word: "contrast" for word in CONTRAST}
_KIND["if"] = "condition"
_KIND["far from"] = _KIND["rather than"] = "contrast"
_NOT = re.compile(r"\bnot\b")
_BULLET = re.compile(r"[\s\-–—•*]+")
# A connective inside a clause ("The reality, however, is ..."; "They therefore prefer ...").
_IN_CLAUSE = re.compile(
    r"(?<![\w’'-])(?P<word>however|therefore|thus|hence|this is why|for this reason|"
    r"as a result)\b",
    re.IGNORECASE,
)

# Inside a sentence: a split after ";" or ":", or before ", <connective>" / " because" / " but".
_INNER = re.compile(
    r"(?P<punct>[;:])\s+"
    r"|,\s+(?P<conn>" + _words((*REASON_BEFORE, *CONTRAST, "so", "and", "or")) + r")\b\s*"
    r"|\s+(?P<bare>because|but|therefore)\b\s*",
)
# At the start of a sentence: a connective that joins it to the sentence before
# ("However, ...", "This is why ...") or opens a subordinate clause ("Because X, Y").
_OPENING = re.compile(
    r"(?P<conn>"
    + _words((*REASON_AFTER, *CONTRAST, *REASON_BEFORE, "if", "far from", "rather than"))
    + r")\b,?\s*",
    re.IGNORECASE,
)
# A clause that starts like a new subject and holds a finite verb: ", Israel freed ...".
_CLAUSE_START = re.compile(r"(?:[A-Z][\w'’-]*|the|a|an|its|their|his|her|all|no|every|some)\b")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|cannot|could|must|should|may|might|"
    r"does|do|did|\w+ed|remains|continues|says|holds|means|seems|appears|includes|wants|needs|"
    r"makes|takes|gives|comes|goes|gets|keeps|leads|stays|lies)\b"
)
_RELATIVE = re.compile(r"(?:which|who|whom|whose|where|when|including|among|with)\b", re.I)
MIN_WORDS = 3
_LEADING_AND = re.compile(r"(?:and|or|then)\s+")
# "GAZA CITY (CWS) — ": a dateline is no part of a claim.
_DATELINE = re.compile(r"[A-Z][A-Z .,()'-]+\s[—–-]\s*")


def clauses(text: str) -> list[Clause]:
    """Every clause of every sentence, in text order."""
    result: list[Clause] = []
    for index, (start, end) in enumerate(sentences(text)):
        for clause in _split_sentence(text, start, end, index):
            after = text[clause.end : clause.end + 3].lstrip('"”’)')
            boundary = clause.joined_by
            if boundary.kind is None:
                inner = _IN_CLAUSE.search(text, clause.start, clause.end)
                if inner:
                    word = inner.group("word")
                    boundary = Boundary(word, _KIND[word.lower()], *inner.span("word"))
            result.append(
                Clause(clause.start, clause.end, index, boundary, question=after.startswith("?"))
            )
    return result


def _split_sentence(text: str, start: int, end: int, index: int) -> list[Clause]:
    none = Boundary(None, None)
    bullet = _BULLET.match(text, start, end)
    opening = _OPENING.match(text, bullet.end() if bullet else start, end)
    pieces: list[tuple[int, Boundary]] = []
    first = start
    first_boundary = none
    if opening:
        marker = opening.group("conn")
        kind = _KIND.get(marker.lower())
        first_boundary = Boundary(marker, kind, opening.start("conn"), opening.end("conn"))
        first = opening.end()
        if kind in ("reason-before", "condition", "contrast") and marker.lower() not in (
            "but",
            "however",
            "yet",
        ):
            # "Because X, Y" / "If X, (then) Y" / "Although X, Y": the comma ends X.
            comma = text.find(",", first, end)
            if comma > 0:
                pieces.append((first, Boundary(marker, f"opening-{kind}", *opening.span("conn"))))
                after = re.compile(r",\s*(?:then\b\s*)?").match(text, comma)
                assert after is not None
                pieces.append((after.end(), Boundary(None, "main")))
                first = -1
    if first >= 0:
        pieces.append((first, first_boundary))
    spans = _inner_splits(text, pieces, end)
    return [
        Clause(s, e, index, boundary)
        for s, e, boundary in _merge_short(text, spans)
        if _trim(text, s, e)[1] > _trim(text, s, e)[0]
    ]


def _inner_splits(
    text: str, pieces: list[tuple[int, Boundary]], end: int
) -> list[tuple[int, int, Boundary]]:
    spans: list[tuple[int, int, Boundary]] = []
    for number, (piece_start, boundary) in enumerate(pieces):
        piece_end = pieces[number + 1][0] if number + 1 < len(pieces) else end
        cursor, current = piece_start, boundary
        for match in _INNER.finditer(text, piece_start, piece_end):
            word = match.group("conn") or match.group("bare")
            if word == "but" and _NOT.search(text, cursor, match.start()):
                continue  # "not X but Y" stays one clause: the engine splits it into view and claim
            if word is None:
                marker = None
                kind = None
            else:
                marker = word
                kind = _KIND.get(word.lower())
            spans.append((cursor, match.start(), current))
            span = match.span("conn") if match.group("conn") else match.span("bare")
            if word is None:
                span = (-1, -1)
            current = Boundary(marker, kind, *span)
            cursor = match.end()
        spans.append((cursor, piece_end, current))
    return _comma_clauses(text, spans)


def _comma_clauses(
    text: str, spans: list[tuple[int, int, Boundary]]
) -> list[tuple[int, int, Boundary]]:
    """Split ", <Subject> <verb> ..." lists of clauses ("Hamas released ..., Israel freed ...")."""
    result: list[tuple[int, int, Boundary]] = []
    for start, end, boundary in spans:
        cursor, current = start, boundary
        for comma in re.finditer(r",\s+", text[start:end]):
            after = start + comma.end()
            rest = text[after:end]
            before = text[cursor : start + comma.start()]
            if (
                _CLAUSE_START.match(rest)
                and not _RELATIVE.match(rest)
                and _FINITE.search(rest[:80])
                and _FINITE.search(before)
                and len(before.split()) >= 4
                and len(rest.split()) >= 4
            ):
                result.append((cursor, start + comma.start(), current))
                cursor, current = after, Boundary(None, None)
        result.append((cursor, end, current))
    return result


def _merge_short(
    text: str, spans: list[tuple[int, int, Boundary]]
) -> list[tuple[int, int, Boundary]]:
    """Fragments under `MIN_WORDS` words join the clause before (or after) them."""
    merged: list[tuple[int, int, Boundary]] = []
    for start, end, boundary in spans:
        if merged and len(text[start:end].split()) < MIN_WORDS:
            last = merged.pop()
            merged.append((last[0], end, last[2]))
        elif merged and len(text[merged[-1][0] : merged[-1][1]].split()) < MIN_WORDS:
            last = merged.pop()
            merged.append((last[0], end, last[2]))
        else:
            merged.append((start, end, boundary))
    return [(*_trim(text, s, e), b) for s, e, b in merged]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without surrounding spaces, quotes marks that open or close nothing, and end punctuation."""
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    lead = _LEADING_AND.match(text, start, end)
    if lead:
        start = lead.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?—–-"):
        end -= 1
    return start, end
