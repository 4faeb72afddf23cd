"""Where two sources agree and where they clash.

Agreement is the claims both assert (one claim node with an assertion from
each, after curation or `kb claims merge`); a clash is an attack link one
source argues (`ATTACKS.source_id`) against a claim the other asserts.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store
from kb.errors import NotFound
from kb.repositories import across_sources as repo


def agreement(store: Store, a: str, b: str) -> dict[str, Any]:
    """Claims `a` and `b` both assert (each side's quotes), and attacks of one on the
    other's claims. `NotFound` for an unknown source. A source compared with itself
    shares all its claims, and its attacks appear on both sides."""
    return store.read(_agreement, a, b)


def _agreement(tx: ManagedTransaction, a: str, b: str) -> dict[str, Any]:
    found = repo.sources_found(tx, [a, b])
    for source_id in (a, b):
        if source_id not in found:
            raise NotFound("source", source_id)
    shared = repo.shared_claims(tx, a, b)
    for claim in shared:
        for side in ("a", "b"):
            claim[side].sort(key=lambda assertion: (assertion["start"], assertion["end"]))
    attacks = repo.attacks_across(tx, a, b)
    for attack in attacks:
        attack["target_assertions"].sort(key=lambda assertion: assertion["start"])
    return {
        "source_a": found[a],
        "source_b": found[b],
        "shared": shared,
        "a_attacks_b": [attack for attack in attacks if attack["source_id"] == a],
        "b_attacks_a": [attack for attack in attacks if attack["source_id"] == b],
    }
