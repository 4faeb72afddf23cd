"""Analysts' evidence: attach it to a claim or causal link, retract it, list it.

Every write is one managed transaction: it checks, writes and appends its
event together, so a failure part-way leaves nothing behind. Nothing is
deleted: retraction is a mark, and the event log only grows.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store
from kb.derived import incremental
from kb.errors import Conflict, Forbidden, NotFound
from kb.models import Page, PageRequest, Role, Stance, TargetKind
from kb.repositories import evidence as repo
from kb.services import history, slots, validation
from kb.services.keys import Principal, now_iso
from kb.services.targets import lock_target, require_target
from kb.urls import normalise_url


@dataclass(frozen=True)
class EvidenceInput:
    """What an analyst says about one external source and one target."""

    url: str
    stance: str
    confidence: float
    rationale: str
    title: str | None = None
    publisher: str | None = None
    published_on: str | None = None
    retrieved_on: str | None = None
    excerpt: str | None = None
    archive_url: str | None = None
    slot_id: str | None = None

    def validate(self) -> None:
        """`InvalidRequest` for a stance outside the vocabulary or a confidence outside 0-1."""
        validation.one_of(self.stance, Stance, "stance", location="json")
        validation.confidence(self.confidence)


CREATED, OK = 201, 200  # the answers an idempotent replay repeats


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def attach_evidence(
    store: Store,
    kind: TargetKind,
    target_id: str,
    data: EvidenceInput,
    principal: Principal,
    idempotency_key: str | None = None,
) -> tuple[dict[str, Any], bool]:
    """Attach evidence to a claim or causal link; returns the link and whether it is new.

    The same (target, normalised URL, stance) by the same analyst returns the
    existing link. A repeated `idempotency_key` replays the first answer, and
    is a `Conflict` if the request differs.
    """
    data.validate()
    idempotency_key = validation.idempotency_key(idempotency_key)
    return store.write(_attach, kind, target_id, data, principal, idempotency_key)


def _attach(
    tx: ManagedTransaction,
    kind: TargetKind,
    target_id: str,
    data: EvidenceInput,
    principal: Principal,
    idempotency_key: str | None,
) -> tuple[dict[str, Any], bool]:
    lock_target(tx, kind, target_id)
    now = now_iso()
    record_id = f"{principal.name}:{idempotency_key}" if idempotency_key else None
    if record_id:
        request_hash = _digest(kind, target_id, json.dumps(asdict(data), sort_keys=True))
        record = repo.claim_idempotency_key(tx, record_id, request_hash, uuid.uuid4().hex, now)
        if not record["claimed"]:
            if record["request_hash"] != request_hash:
                raise Conflict("this Idempotency-Key was used for a different request")
            return json.loads(record["response"]), record["status"] == CREATED
    link, created = _attach_new(tx, target_id, data, principal, now)
    if record_id:
        status = CREATED if created else OK
        repo.save_idempotent_answer(tx, record_id, link["id"], status, json.dumps(link))
    return link, created


def _attach_new(
    tx: ManagedTransaction, target_id: str, data: EvidenceInput, principal: Principal, now: str
) -> tuple[dict[str, Any], bool]:
    url = normalise_url(data.url)
    params = {
        **asdict(data),
        "url": url,
        "evidence_id": "ev-" + _digest(url)[:20],
        "link_id": "evl-" + uuid.uuid4().hex[:20],
        "active_key": _digest(target_id, url, data.stance, principal.name),
        "target_id": target_id,
        "added_by": principal.name,
        "now": now,
    }
    repo.merge_evidence(tx, params)
    link_id, created = repo.merge_evidence_link(tx, params)
    if created:
        incremental.refresh_target(tx, target_id)  # status and standing, in this transaction
        if data.slot_id:
            slots.fill(tx, target_id, data.slot_id, link_id)
        history.record(
            tx,
            "evidence_attached",
            now,
            principal.name,
            target_id,
            link_id,
            data.slot_id,
            detail=f"{data.stance} ({data.confidence:g}): {url}",
        )
    return _link(tx, link_id), created


def _link(tx: ManagedTransaction, link_id: str) -> dict[str, Any]:
    link = repo.evidence_link(tx, link_id)
    if link is None:
        raise NotFound("evidence link", link_id)
    return link


def retract_evidence(
    store: Store, link_id: str, reason: str, principal: Principal
) -> dict[str, Any]:
    """Mark a link retracted (kept, with who, when and why); repeating it changes nothing.

    Analysts may retract their own links; admins any.
    """
    return store.write(_retract, link_id, reason, principal)


def _retract(
    tx: ManagedTransaction, link_id: str, reason: str, principal: Principal
) -> dict[str, Any]:
    owner = repo.evidence_link_owner(tx, link_id)
    if owner is None:
        raise NotFound("evidence link", link_id)
    if principal.role < Role.admin and owner["added_by"] != principal.name:
        raise Forbidden("only the analyst who added this evidence, or an admin, may retract it")
    if owner["retracted_at"] is None:
        now = now_iso()
        outcome = repo.retract_evidence_link(tx, link_id, principal.name, reason, now)
        if outcome is None:  # a racing retraction got there first: it wrote the event
            return _link(tx, link_id)
        target_id = outcome["target_id"]
        incremental.refresh_target(tx, target_id)  # status and standing, in this transaction
        history.record(
            tx, "evidence_retracted", now, principal.name, target_id, link_id, detail=reason
        )
        if outcome["reopened_slot_id"]:
            incremental.refresh_consensus(tx, [target_id])  # a claim's stored slot state
            history.record(
                tx,
                "slot_reopened",
                now,
                principal.name,
                target_id,
                slot_id=outcome["reopened_slot_id"],
                detail="its last active evidence was retracted",
            )
    return _link(tx, link_id)


def evidence_for(store: Store, kind: TargetKind, target_id: str) -> list[dict[str, Any]]:
    """Every evidence link on a claim or causal link, retracted ones included (marked)."""
    return store.read(_evidence_for, kind, target_id)


def evidence_page(store: Store, kind: TargetKind, target_id: str, request: PageRequest) -> Page:
    """One page of a target's evidence links (oldest first, retracted ones included)."""
    return store.read(_evidence_page, kind, target_id, request)


def _evidence_page(
    tx: ManagedTransaction, kind: TargetKind, target_id: str, request: PageRequest
) -> Page:
    require_target(tx, kind, target_id)
    total = repo.count_target_evidence(tx, target_id)
    items = repo.target_evidence_page(tx, target_id, request.skip, request.limit)
    return Page.of(request, total, items)


def _evidence_for(tx: ManagedTransaction, kind: TargetKind, target_id: str) -> list[dict[str, Any]]:
    require_target(tx, kind, target_id)
    return repo.target_evidence(tx, target_id)
