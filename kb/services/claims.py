"""Claims as API consumers ask for them: filtered, searched, paged, explained."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store
from kb.derived.rules import AGREED, CONTESTED, SINGLE
from kb.errors import InvalidRequest, NotFound
from kb.models import (
    ActorRole,
    ClaimType,
    EvidenceStatus,
    Page,
    PageRequest,
    SlotFilter,
    Standing,
    choices,
)
from kb.repositories import claims as repo
from kb.repositories import evidence as evidence_repo
from kb.services import validation
from kb.services.actors import find_actor
from kb.services.agreement import position
from kb.services.targets import require_target

CONSENSUS_VALUES = (SINGLE, AGREED, CONTESTED)
_WORD = re.compile(r"\w+")


def search_terms(text: str) -> str:
    """`text` as plain lower-case words for Lucene: no operator, quote or wildcard
    survives, so user input can neither break the query nor change its meaning
    (Lucene's AND/OR/NOT are upper-case only)."""
    return " ".join(word.lower() for word in _WORD.findall(text))


@dataclass(frozen=True)
class ClaimFilters:
    """What `GET /claims` can filter on; `None` means "any"."""

    type: str | None = None
    checkable: bool | None = None
    actor: str | None = None
    role: str | None = None
    topic: str | None = None
    source: str | None = None
    slot: str | None = None
    status: str | None = None
    q: str | None = None
    asserted_by_min: int | None = None  # at least this many distinct sources commit to it
    rejected_by_min: int | None = None  # at least this many distinct sources reject it
    contested: bool | None = None  # a party (source or reported speaker) commits, one rejects
    reported_by_min: int | None = None  # at least this many distinct speakers reported
    consensus: str | None = None  # stored consensus: single, agreed or contested

    def validate(self) -> None:
        """`InvalidRequest` naming the first filter whose value is not a known word."""
        validation.one_of(self.type, ClaimType, "type")
        validation.one_of(self.role, ActorRole, "role")
        validation.one_of(self.slot, SlotFilter, "slot")
        if self.asserted_by_min is not None and self.asserted_by_min < 1:
            raise InvalidRequest("asserted_by_min must be at least 1", field="asserted_by_min")
        if self.rejected_by_min is not None and self.rejected_by_min < 1:
            raise InvalidRequest("rejected_by_min must be at least 1", field="rejected_by_min")
        if self.reported_by_min is not None and self.reported_by_min < 1:
            raise InvalidRequest("reported_by_min must be at least 1", field="reported_by_min")
        if self.consensus is not None and self.consensus not in CONSENSUS_VALUES:
            message = f"consensus must be one of {', '.join(CONSENSUS_VALUES)}"
            raise InvalidRequest(message, field="consensus")
        statuses = (*choices(EvidenceStatus), *choices(Standing))
        if self.status is not None and self.status not in statuses:
            message = f"status must be one of {', '.join(statuses)}"
            raise InvalidRequest(message, field="status")


def unfiltered_params() -> dict[str, Any]:
    """The claim-list query's parameters with no filter set (every filter `None`, the
    id cursor at the start): the one place that knows every filter's parameter."""
    return {**asdict(ClaimFilters()), "standing": None, "after": ""}


def list_claims(
    store: Store, filters: ClaimFilters, page: int, limit: int, after: str | None = None
) -> Page:
    """One page of claims, in id order (or by relevance when `q` is given).

    `after` keeps the claims whose id sorts after it. As a keyset cursor (the
    previous page's `next_after`) it pages in id order at the cost of one page
    at any depth, where a deep `page` number costs the pages before it; the
    total and page numbers then count from the cursor.
    """
    filters.validate()
    request = validation.page_request(page, limit)
    params: dict[str, Any] = asdict(filters)
    params["after"] = after or ""  # every id sorts after ''
    # stored, indexed properties; the two vocabularies share no word
    params["status"] = filters.status if filters.status in choices(EvidenceStatus) else None
    params["standing"] = filters.status if filters.status in choices(Standing) else None
    if filters.actor:
        params["actor"] = find_actor(store, filters.actor) or filters.actor
    if filters.q is not None:
        params["q"] = search_terms(filters.q)
        if not params["q"]:  # nothing searchable (only punctuation): nothing matches
            return Page.of(request, 0, [])
        if request.skip + request.limit > repo.MAX_SEARCH_HITS:
            # A search ranks its best MAX_SEARCH_HITS hits (Lucene sizes its queue up
            # front); a page past them is empty, like any page past the last.
            total, _items, estimate = store.read(repo.claim_page, params, PageRequest(1, 1))
            return Page.of(request, total, [], estimate)
    total, items, estimate = store.read(repo.claim_page, params, request)
    for item in items:
        item["sources"].sort()  # collected in storage order: one answer per graph
    # A full page in id order offers the cursor of the next one (a search has none).
    full = len(items) == request.limit and filters.q is None
    return Page.of(request, total, items, estimate, next_after=items[-1]["id"] if full else None)


# A claim's detail carries the first page of its evidence; the rest is paged at
# `/claims/{id}/evidence` (1,400 links once made one claim's answer 796 KB).
DETAIL_EVIDENCE_LIMIT = 50


def get_claim(store: Store, claim_id: str) -> dict[str, Any]:
    """A claim with its assertions, actors, links, slots, evidence and derived status."""
    claim = store.read(_claim_with_evidence, claim_id)
    if claim is None:
        raise NotFound("claim", claim_id)
    claim["assertions"].sort(key=lambda a: (a["source_id"], a["start"], a["end"]))
    claim["sources"] = sorted({a["source_id"] for a in claim["assertions"]})
    claim["by_source"] = by_source(claim["assertions"])
    claim["reported_speakers"] = reported_speakers(claim["assertions"])
    for key in ("supports", "supported_by", "attacks", "attacked_by", "causes", "caused_by"):
        claim[key].sort(key=lambda link: link["link_id"])
    claim["actors"].sort(key=lambda a: (a["actor_id"], a["role"]))
    claim["topics"].sort(key=lambda t: t["topic_id"])
    claim["slots"].sort(key=lambda s: s["id"])
    return claim


def by_source(assertions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per source (in id order): its position on the claim, its stances and quotes."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for assertion in assertions:  # already in source, offset order
        grouped.setdefault(assertion["source_id"], []).append(assertion)
    return [
        {
            "source_id": source_id,
            "source_title": rows[0]["source_title"],
            "position": position(rows),
            "stances": sorted({row["stance"] for row in rows}),
            "quotes": [row["quote"] for row in rows],
        }
        for source_id, rows in grouped.items()
    ]


def reported_speakers(assertions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per speaker a source reports (and the speaker's stance): the sources reporting it."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for assertion in assertions:
        if assertion["stance"] == "reports" and assertion["speaker"]:
            key = (assertion["speaker"], assertion["speaker_stance"] or "asserts")
            grouped.setdefault(key, []).append(
                {k: assertion[k] for k in ("source_id", "quote", "reporting")}
            )
    return [
        {"speaker": speaker, "speaker_stance": stance, "reported_by": reports}
        for (speaker, stance), reports in sorted(grouped.items())
    ]


def _claim_with_evidence(tx: ManagedTransaction, claim_id: str) -> dict[str, Any] | None:
    """The claim (with its stored status and standing) and the first page of its evidence
    (`DETAIL_EVIDENCE_LIMIT` links, with the total), in one read."""
    claim = repo.claim_detail(tx, claim_id)
    if claim is not None:
        claim["evidence"] = evidence_repo.target_evidence_page(
            tx, claim_id, 0, DETAIL_EVIDENCE_LIMIT
        )
        claim["evidence_total"] = evidence_repo.count_target_evidence(tx, claim_id)
    return claim


def appearances(store: Store, claim_id: str, page: int, limit: int) -> Page:
    """One page of the claim's appearances across sources (stance, speaker, quote):
    by the source's publication date, unknown dates last, then offset."""
    request = validation.page_request(page, limit)
    return store.read(_appearances, claim_id, request)


def _appearances(tx: ManagedTransaction, claim_id: str, request: PageRequest) -> Page:
    require_target(tx, "claim", claim_id)
    total, items, estimate = repo.appearance_page(tx, claim_id, request)
    return Page.of(request, total, items, estimate)
