"""Match proposals for drafted claims: the known claims whose words look the same.

The same Dice coefficient over normalised content words as `kb import`'s
proposals (`kb.annotation.matching`), computed here against the known graph in
memory (an inverted index keeps it linear in the words), so drafting needs no
database.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kb.annotation.matching import words
from kb.drafting.known import KnownClaim

# Lower than the importer's 0.6: a drafted clause is raw text, not yet a paraphrase.
DRAFT_THRESHOLD = 0.4
BEST = 3


@dataclass(frozen=True)
class Proposal:
    """A known claim that looks like a drafted one."""

    claim_id: str
    text: str
    score: float


class ClaimMatcher:
    """Best known claims for a drafted claim, by its paraphrase or quote against theirs."""

    def __init__(self, claims: tuple[KnownClaim, ...]) -> None:
        self._claims = claims
        self._bags: list[list[frozenset[str]]] = []
        self._index: dict[str, set[int]] = defaultdict(set)
        for number, claim in enumerate(claims):
            bags = [frozenset(words(t)) for t in (claim.text, *claim.quotes) if t]
            self._bags.append([bag for bag in bags if bag])
            for bag in bags:
                for word in bag:
                    self._index[word].add(number)

    def best(self, *texts: str) -> list[Proposal]:
        """Up to `BEST` proposals at `DRAFT_THRESHOLD` or above, best first (ties by id)."""
        scores: dict[int, float] = {}
        for text in texts:
            mine = frozenset(words(text))
            if not mine:
                continue
            candidates = set().union(*(self._index.get(w, set()) for w in mine))
            for number in candidates:
                for bag in self._bags[number]:
                    score = 2 * len(mine & bag) / (len(mine) + len(bag))
                    scores[number] = max(scores.get(number, 0.0), score)
        ranked = sorted(
            (item for item in scores.items() if item[1] >= DRAFT_THRESHOLD),
            key=lambda item: (-item[1], self._claims[item[0]].id),
        )
        return [
            Proposal(self._claims[n].id, self._claims[n].text, score) for n, score in ranked[:BEST]
        ]
