"""Proposals for new claims that may be existing ones: normalised text similarity.

Neo4j's full-text indexes (`claim_text`, `assertion_quote`) find candidates
cheaply; their Lucene scores are not comparable across queries, so each
candidate is re-scored here with a Dice coefficient over normalised content
words (lower case, punctuation and stop words dropped) and kept above
`THRESHOLD`. The analyst accepts a proposal by replacing the claim with
`- ref: <id>` and its quote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

THRESHOLD = 0.6
CANDIDATES = 5
STOP_WORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the their this to "
    "was were will with".split()
)


@dataclass(frozen=True)
class Match:
    """An existing claim that looks like a new one."""

    new_id: str
    claim_id: str
    text: str
    score: float


def words(text: str) -> list[str]:
    """Content words of `text`, normalised (NFKC, lower case, no punctuation or stop words)."""
    normal = unicodedata.normalize("NFKC", text).lower()
    return [w for w in re.findall(r"[^\W_]+", normal) if w not in STOP_WORDS]


def lucene_query(text: str) -> str:
    """A full-text query of plain terms (no Lucene syntax can slip in)."""
    return " ".join(dict.fromkeys(words(text)))


def similarity(left: str, right: str) -> float:
    """Dice coefficient of the two texts' content-word sets (0..1)."""
    a, b = set(words(left)), set(words(right))
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0
