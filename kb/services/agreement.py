"""Where two sources agree and where they clash.

Both sources state one claim (one claim node with an appearance from each, after
curation or `kb claims merge`); what counts is each one's commitment
(docs/curation.md): they `agree` when both are committed to it or both reject it,
`disagree` when one is committed and the other rejects it (directly, or through a
speaker either reports), and a claim either only `reported` (someone else said it)
is otherwise neither. A clash is an attack link one
source argues (`ATTACKS.source_id`) against a claim the other is committed to.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store
from kb.errors import NotFound
from kb.models import COMMITTING_STANCES, Page, PageRequest
from kb.repositories import across_sources as repo
from kb.services import validation


def position(appearances: list[dict[str, Any]]) -> str:
    """A source's commitment to a claim from its appearances: `commits` if any asserts
    or presupposes it, else `rejects` if any rejects it, else `reports`."""
    stances = {appearance["stance"] for appearance in appearances}
    if stances & set(COMMITTING_STANCES):
        return "commits"
    return "rejects" if "rejects" in stances else "reports"


def voices(appearances: list[dict[str, Any]]) -> set[str]:
    """What a source's side says of a claim: its own position (`commits`, `rejects`)
    and that of every speaker it reports (`asserts` -> `commits`, `rejects`)."""
    said = {position(appearances)} - {"reports"}
    for appearance in appearances:
        if appearance["stance"] == "reports" and appearance.get("speaker"):
            said.add("rejects" if appearance.get("speaker_stance") == "rejects" else "commits")
    return said


def relation(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> str:
    """`agree`, `disagree` or `reported`: how two sources' appearances of one claim meet.
    Both committed (or both rejecting) agree, one committed and the other rejecting
    disagree; where either only reports, they disagree when a voice on one side (the
    source or a speaker it names) commits and one on the other side rejects, else
    the claim is `reported`."""
    sides = {position(a), position(b)}
    if "reports" not in sides:
        return "agree" if len(sides) == 1 else "disagree"
    ours, theirs = voices(a), voices(b)
    clash = ("commits" in ours and "rejects" in theirs) or (
        "rejects" in ours and "commits" in theirs
    )
    return "disagree" if clash else "reported"


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
    return {"source_a": found[a], "source_b": found[b], **_compared(tx, a, b)}


def _compared(tx: ManagedTransaction, a: str, b: str) -> dict[str, list[dict[str, Any]]]:
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
        **relations,
        "a_attacks_b": [attack for attack in attacks if attack["source_id"] == a],
        "b_attacks_a": [attack for attack in attacks if attack["source_id"] == b],
    }


COUNTED = ("agree", "disagree", "reported", "a_attacks_b", "b_attacks_a")


def agreement_counts(store: Store, source_id: str, page: int, limit: int) -> Page:
    """One page of every other source (by id), each with how many claims `source_id`
    agrees, disagrees and shares only as reported with it, and the attacks across."""
    request = validation.page_request(page, limit)
    return store.read(_agreement_counts, source_id, request)


def _agreement_counts(tx: ManagedTransaction, source_id: str, request: PageRequest) -> Page:
    if source_id not in repo.sources_found(tx, [source_id]):
        raise NotFound("source", source_id)
    total, others = repo.other_sources_page(tx, source_id, request.skip, request.limit)
    items = []
    for other in others:
        compared = _compared(tx, source_id, other["id"])
        items.append({"source": other, **{key: len(compared[key]) for key in COUNTED}})
    return Page.of(request, total, items)
