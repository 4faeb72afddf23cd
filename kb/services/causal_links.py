"""Causal links, and the causal chains sources assert between claims."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store
from kb.errors import NotFound
from kb.models import Page
from kb.repositories import causal_links as repo
from kb.repositories import evidence as evidence_repo
from kb.repositories import graph
from kb.services import validation

MAX_CHAINS = 20


def list_causal_links(store: Store, claim_id: str | None, page: int, limit: int) -> Page:
    """One page of causal links (those touching `claim_id`, if given), in id order."""
    request = validation.page_request(page, limit)
    total, items, estimate = store.read(repo.causal_link_page, claim_id, request)
    for item in items:
        item["sources"].sort()  # collected in storage order: one answer per graph
    return Page.of(request, total, items, estimate)


def get_causal_link(store: Store, link_id: str) -> dict[str, Any]:
    """A causal link: cause, effect, mechanism, who asserts it and where, its slots."""
    link = store.read(repo.causal_link_detail, link_id)
    if link is None:
        raise NotFound("causal link", link_id)
    link["slots"].sort(key=lambda slot: slot["id"])
    link["evidence"] = store.read(evidence_repo.target_evidence, link_id)
    return link


def causal_chains(
    store: Store, from_id: str, to_id: str, bases: list[str] | None = None
) -> dict[str, Any]:
    """The chains of causal links the sources assert from one claim to another
    (through links of `bases` only, when given)."""
    chains = store.read(_chains, from_id, to_id, bases)
    return {"from_id": from_id, "to_id": to_id, "chains": chains}


def _chains(
    tx: ManagedTransaction, from_id: str, to_id: str, bases: list[str] | None
) -> list[dict[str, Any]]:
    """Both ends checked and the chains read in one transaction (one round of
    BEGIN/COMMIT, not three)."""
    for claim_id in (from_id, to_id):
        if not graph.claim_exists(tx, claim_id):
            raise NotFound("claim", claim_id)
    wanted = validation.bases(bases)  # after the ends: an unknown claim is a 404 first
    return graph.causal_chains(tx, from_id, to_id, MAX_CHAINS, wanted)
