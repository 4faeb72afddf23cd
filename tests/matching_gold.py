"""The matcher's gold set (tests/fixtures/matching/gold.yaml) and the claims it is judged on.

The claims are read from their files, no database needed: the article's from
its seed scripts (V003, and V005's rejected views), the samples' from their
annotation files. A case from source S is matched against the claims that
existed before S was imported (article, then wire-001, then statement-001)
with the quotes of those earlier sources only, as `kb import` would see them;
a case from no sample sees everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from kb.annotation.matching import (
    Candidate,
    Weights,
    candidate_text,
    new_claim_texts,
    score,
)
from kb.annotation.matching import (
    kept as proposals_for,
)
from kb.config import PROJECT_ROOT

ORDER = ("article-001", "wire-001", "statement-001")
GOLD = PROJECT_ROOT / "tests" / "fixtures" / "matching" / "gold.yaml"
_LITERAL = r"'((?:[^'\\]|\\.)*)'"
_CLAIM_ROW = re.compile(r"\{id: " + _LITERAL + r", text: " + _LITERAL + r", type: " + _LITERAL)
_QUOTE_ROW = re.compile(r"\{claim: " + _LITERAL + r", quote: " + _LITERAL)


@dataclass
class KnownClaim:
    id: str
    text: str
    type: str
    source: str  # the source that introduced it
    quotes: dict[str, list[str]] = field(default_factory=dict)  # source id -> quotes


@dataclass(frozen=True)
class Case:
    text: str
    quote: str
    source: str | None
    expect: str | None
    stance: str = "asserts"
    reporting: str | None = None
    note: str = ""


def _unescape(literal: str) -> str:
    return re.sub(r"\\(.)", r"\1", literal)


def known_claims() -> dict[str, KnownClaim]:
    """Every claim of the article and the two samples, with each source's quotes."""
    claims: dict[str, KnownClaim] = {}
    seed = PROJECT_ROOT / "cypher" / "seed"
    script = "\n".join(
        (seed / name).read_text(encoding="utf-8")
        for name in ("V003__article_001_claims.cypher", "V005__argument_review.cypher")
    )
    for claim_id, text, kind in _CLAIM_ROW.findall(script):
        claims[claim_id] = KnownClaim(claim_id, _unescape(text), kind, "article-001")
    for claim_id, quote in _QUOTE_ROW.findall(script):
        if claim_id in claims:
            claims[claim_id].quotes.setdefault("article-001", []).append(_unescape(quote))
    for source in ORDER[1:]:
        data = yaml.safe_load((PROJECT_ROOT / "corpus" / "samples" / f"{source}.yaml").read_text())
        for entry in data["claims"]:
            claim_id = entry.get("id") or entry["ref"]
            if "id" in entry:
                claims[claim_id] = KnownClaim(claim_id, entry["text"], entry["type"], source)
            quotes = [entry["quote"], *(a["quote"] for a in entry.get("also", []))]
            claims[claim_id].quotes.setdefault(source, []).extend(quotes)
    return claims


def visible_to(case: Case, claims: dict[str, KnownClaim]) -> list[tuple[str, str, list[str]]]:
    """(id, text, quotes) of the claims a case from `case.source` is matched against."""
    before = ORDER[: ORDER.index(case.source)] if case.source in ORDER else ORDER
    return [
        (claim.id, claim.text, [q for s in before for q in claim.quotes.get(s, [])])
        for claim in claims.values()
        if claim.source in before
    ]


def gold_cases() -> list[Case]:
    raw: list[dict[str, Any]] = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["cases"]
    return [Case(**row) for row in raw]


@dataclass(frozen=True)
class Figures:
    positives: int
    first_place: int  # positives whose right claim is proposed first
    proposals: int  # proposals at or above the threshold (best three per case)
    right: int  # of them, the case's expected claim

    @property
    def recall_at_1(self) -> float:
        return self.first_place / self.positives

    @property
    def precision(self) -> float:
        return self.right / self.proposals if self.proposals else 1.0


def ranked(case: Case, claims: dict[str, KnownClaim]) -> list[tuple[str, float]]:
    """Every visible claim with the matcher's score for `case`, best first."""
    visible = visible_to(case, claims)
    weights = Weights(text for _, text, _ in visible)
    texts = new_claim_texts(case.text, case.quote, case.stance, case.reporting)
    scored = [
        (
            claim_id,
            score(
                texts,
                Candidate(claim_id, candidate_text(text, claims[claim_id].type), tuple(quotes)),
                weights,
            ),
        )
        for claim_id, text, quotes in visible
    ]
    return sorted(scored, key=lambda pair: -pair[1])


def measure(cases: list[Case], claims: dict[str, KnownClaim]) -> Figures:
    """Recall of the right claim in first place and precision of the proposals kept."""
    positives = first = proposals = right = 0
    for case in cases:
        kept = proposals_for(ranked(case, claims))
        proposals += len(kept)
        right += sum(1 for cid, _ in kept if cid == case.expect)
        if case.expect is not None:
            positives += 1
            first += bool(kept) and kept[0][0] == case.expect
    return Figures(positives, first, proposals, right)


if __name__ == "__main__":  # the figures docs/annotation.md reports
    figures = measure(gold_cases(), known_claims())
    print(
        f"right claim first: {figures.first_place}/{figures.positives} "
        f"({figures.recall_at_1:.0%}); proposals right: {figures.right}/{figures.proposals} "
        f"({figures.precision:.0%})"
    )
