"""Where two sources agree and where they clash.

Both sources state one claim (one claim node with an appearance from each, after
curation or `kb claims merge`); what counts is each one's commitment
(docs/curation.md): they `agree` when both are committed to it or both reject it,
`disagree` when one is committed and the other rejects it, and a claim either
only `reported` (someone else said it) is neither. A clash is an attack link one
source argues (`ATTACKS.source_id`) against a claim the other is committed to.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store
from kb.errors import NotFound
from kb.models import COMMITTING_STANCES
from kb.repositories import across_sources as repo


def position(appearances: list[dict[str, Any]]) -> str:
    """A source's commitment to a claim from its appearances: `commits` if any asserts
    or presupposes it, else `rejects` if any rejects it, else `reports`."""
    stances = {appearance["stance"] for appearance in appearances}
    if stances & set(COMMITTING_STANCES):
        return "commits"
    return "rejects" if "rejects" in stances else "reports"


def relation(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> str:
    """`agree`, `disagree` or `reported`: how two sources' appearances of one claim meet."""
    sides = {position(a), position(b)}
    if "reports" in sides:
        return "reported"
    return "agree" if len(sides) == 1 else "disagree"


def agreement(store: Store, a: str, b: str) -> dict[str, Any]:
    """Claims `a` and `b` both state, as `agree`, `disagree` and `reported` (each side's
    quotes and stances), and attacks of one on claims the other is committed to.
    `NotFound` for an unknown source. A source compared with itself agrees on all its
    claims it does not only report, and its attacks appear on both sides."""
    return store.read(_agreement, a, b)


def _agreement(tx: ManagedTransaction, a: str, b: str) -> dict[str, Any]:
    found = repo.sources_found(tx, [a, b])
    for source_id in (a, b):
        if source_id not in found:
            raise NotFound("source", source_id)
    shared = repo.shared_claims(tx, a, b)
    relations: dict[str, list[dict[str, Any]]] = {"agree": [], "disagree": [], "reported": []}
    for claim in shared:
        for side in ("a", "b"):
            claim[side].sort(key=lambda assertion: (assertion["start"], assertion["end"]))
        relations[relation(claim["a"], claim["b"])].append(claim)
    attacks = repo.attacks_across(tx, a, b)
    for attack in attacks:
        attack["target_assertions"].sort(key=lambda assertion: assertion["start"])
    return {
        "source_a": found[a],
        "source_b": found[b],
        **relations,
        "a_attacks_b": [attack for attack in attacks if attack["source_id"] == a],
        "b_attacks_a": [attack for attack in attacks if attack["source_id"] == b],
    }
