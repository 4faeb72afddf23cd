"""Proposals for new claims that may be existing ones: weighted similarity of word stems.

Neo4j's full-text indexes (`claim_text`, `assertion_quote`) find candidates
cheaply; their Lucene scores are not comparable across queries, so each
candidate is re-scored here and kept at `THRESHOLD` or above. The score is a
Dice coefficient over *terms*: content words (NFKC, lower case, no punctuation
or stop words) mapped through a small synonym table of the domain and
stemmed (Snowball, English), each weighted by its inverse document frequency
among the existing claims' texts (at most `WEIGHT_SAMPLE` of them), so a rare
word ("reoccupation") counts more than words every claim repeats ("of the Gaza
ceasefire agreement").

Attribution is compared by content: for a `reports` appearance the reporting
frame ("Hamas said that", "according to the mediators,") is cut off before
scoring, and so is the frame of an existing `reported_speech` claim's text.
The analyst accepts a proposal by replacing the claim with `- ref: <id>`.
Figures on the gold set: docs/annotation.md.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import snowballstemmer  # pyright: ignore[reportMissingTypeStubs]

from kb.models import ClaimType

THRESHOLD = 0.5
CANDIDATES = 5
# Claims whose texts weigh the words: a word's document frequency among this many
# claims (the first by id) estimates it well, and an import reads this many texts
# whatever the size of the graph. On a graph of this size or less, every claim.
WEIGHT_SAMPLE = 10_000
PROPOSALS = 3
# A runner-up is proposed only this close to the best score: a clear winner stands alone.
NEAR_BEST = 0.9
# Not terms: "not X but Y" claims share them with unrelated denials (a penalty for
# differing polarity was tried on the gold set and lost recall without gaining precision).
NEGATIONS = frozenset({"not", "no", "never", "nor", "neither"})
STOP_WORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the their this to "
    "was were will with".split()
)
# Words the domain's texts use for one thing, mapped to one term before stemming.
SYNONYMS: Mapping[str, str] = {
    "seeks": "wants",
    "seek": "wants",
    "demanded": "wants",
    "demands": "wants",
    "want": "wants",
    "pullback": "withdrawal",
    "withdraw": "withdrawal",
    "halted": "stopped",
    "halt": "stopped",
    "froze": "stopped",
    "frozen": "stopped",
    "freeze": "stopped",
    "suspended": "stopped",
    "truce": "ceasefire",
    "washington": "us",
    "captives": "hostages",
    "freed": "released",
}
# Two-word forms folded into one term ("pulled back" is a withdrawal).
PHRASES: Mapping[tuple[str, str], str] = {
    ("pulled", "back"): "withdrawal",
    ("pull", "back"): "withdrawal",
    ("united", "states"): "us",
}
# The opening of a reported statement, when the annotation names no reporting words.
REPORTING_FRAME = re.compile(
    r"^.{0,80}?\b(?:said|says|say|stated|states|told\b.{0,60}?\bthat|claimed|claims|denied|"
    r"denies|insisted|believed|believe|rejected the view that|according to[^,]{0,60},)"
    r"(?:\s+(?:in a statement|on \w+|openly))*\s*(?:that\b)?\s*",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|no|never)\b\s*", re.IGNORECASE)
_stemmer = snowballstemmer.stemmer("english")  # pyright: ignore[reportUnknownMemberType]


@dataclass(frozen=True)
class Match:
    """An existing claim that looks like a new one."""

    new_id: str
    claim_id: str
    text: str
    score: float


@dataclass(frozen=True)
class Candidate:
    """An existing claim as the matcher sees it: its text (content of a report) and quotes."""

    claim_id: str
    text: str
    quotes: tuple[str, ...] = ()


def words(text: str) -> list[str]:
    """Content words of `text`, normalised (NFKC, lower case, no punctuation or stop words)."""
    normal = unicodedata.normalize("NFKC", text).lower()
    return [w for w in re.findall(r"[^\W_]+", normal) if w not in STOP_WORDS]


def terms(text: str) -> set[str]:
    """The stems `text` is compared by: phrases folded, synonyms mapped, words stemmed."""
    raw = words(text)
    folded: list[str] = []
    i = 0
    while i < len(raw):
        phrase = PHRASES.get((raw[i], raw[i + 1])) if i + 1 < len(raw) else None
        if phrase is not None:
            folded.append(phrase)
            i += 2
            continue
        folded.append(SYNONYMS.get(raw[i], raw[i]))
        i += 1
    return {_stem(w) for w in folded}


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A word's stem, remembered: weighing thousands of texts stems the same words again."""
    return str(_stemmer.stemWord(word))  # pyright: ignore[reportUnknownMemberType]


def lucene_query(text: str) -> str:
    """A full-text query of plain terms (no Lucene syntax can slip in)."""
    return " ".join(dict.fromkeys(words(text)))


def reported_content(text: str, reporting: str | None = None) -> str:
    """What a report says was said: `text` after its reporting words ("said that").

    The annotation's own `reporting` words are looked for first; else a
    frame of the usual reporting verbs near the start. Text without a frame
    is its own content.
    """
    if reporting:
        at = text.lower().find(reporting.lower())
        if at >= 0:
            rest = text[at + len(reporting) :]
            return re.sub(r"^[\s,:]*(?:that\b)?\s*", "", rest) or text
    framed = REPORTING_FRAME.match(text)
    return text[framed.end() :] if framed and framed.end() < len(text) else text


class Weights:
    """Inverse document frequency of each term among the existing claims' texts."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        total = 0
        for text in texts:
            counts.update(terms(text))
            total += 1
        self._idf = {term: math.log((total + 1) / (n + 1)) + 1 for term, n in counts.items()}
        self._unseen = math.log(total + 1) + 1  # a term no claim uses is as rare as can be

    def of(self, term: str) -> float:
        return self._idf.get(term, self._unseen)


UNIFORM = Weights([])  # every term weighs the same: the plain Dice coefficient


def similarity(left: str, right: str, weights: Weights = UNIFORM) -> float:
    """Weighted Dice coefficient of the two texts' terms, negations left out (0..1)."""
    a, b = terms(left) - NEGATIONS, terms(right) - NEGATIONS
    if not a or not b:
        return 0.0
    shared = sum(weights.of(t) for t in a & b)
    return 2 * shared / (sum(weights.of(t) for t in a) + sum(weights.of(t) for t in b))


def score(texts: Iterable[str], candidate: Candidate, weights: Weights) -> float:
    """The best similarity between any of a new claim's texts and the candidate's text or quotes."""
    theirs = [candidate.text, *candidate.quotes]
    return max(
        (similarity(mine, other, weights) for mine in texts if mine for other in theirs if other),
        default=0.0,
    )


def new_claim_texts(text: str, quote: str, stance: str, reporting: str | None) -> list[str]:
    """The texts a new claim is compared by: its text and quote, reduced to content if reported.

    The quote of a `rejects` appearance words the negation ("not a party to this
    war"); the claim is what it negates, so its first negation is dropped.
    """
    if stance == "reports":
        return [reported_content(text, reporting), reported_content(quote, reporting)]
    if stance == "rejects":
        return [text, _NEGATION.sub("", quote, count=1)]
    return [text, quote]


def kept(scored: Iterable[tuple[str, float]]) -> list[tuple[str, float]]:
    """The proposals made from (claim id, score) pairs: at or above the threshold, near the best."""
    ranked = sorted((pair for pair in scored if pair[1] >= THRESHOLD), key=lambda p: -p[1])
    if not ranked:
        return []
    best = ranked[0][1]
    return [pair for pair in ranked if pair[1] >= NEAR_BEST * best][:PROPOSALS]


def candidate_text(text: str, claim_type: str | None) -> str:
    """An existing claim's text as compared: a `reported_speech` claim by its content."""
    return reported_content(text) if claim_type == ClaimType.reported_speech else text
