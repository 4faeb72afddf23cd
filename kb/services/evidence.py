"""Analysts' writes: attach and retract evidence, open and close slots, history.

Every write is one managed transaction: it checks, writes and appends its
event together, so a failure part-way leaves nothing behind. Nothing is
deleted: retraction and closing are marks, and the event log only grows.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import asdict, dataclass
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from neo4j import ManagedTransaction

from kb.db import Store
from kb.errors import Conflict, Forbidden, InvalidRequest, NotFound
from kb.repositories import evidence as repo
from kb.services.keys import Principal, Role, now_iso

TargetKind = Literal["claim", "causal_link"]
DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMS = ("utm_", "fbclid", "gclid")


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


def normalise_url(url: str) -> str:
    """One spelling per resource: lower-case scheme and host, no default port,
    no fragment, no tracking parameters, remaining query parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = host if parts.port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{parts.port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith(TRACKING_PARAMS)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _require_target(tx: ManagedTransaction, kind: TargetKind, target_id: str) -> None:
    if repo.target_kind(tx, target_id) != kind:
        raise NotFound(kind.replace("_", " "), target_id)


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
    return store.write(_attach, kind, target_id, data, principal, idempotency_key)


def _attach(
    tx: ManagedTransaction,
    kind: TargetKind,
    target_id: str,
    data: EvidenceInput,
    principal: Principal,
    idempotency_key: str | None,
) -> tuple[dict[str, Any], bool]:
    _require_target(tx, kind, target_id)
    request_hash = _digest(target_id, json.dumps(asdict(data), sort_keys=True))
    record_id = f"{principal.name}:{idempotency_key}" if idempotency_key else None
    if record_id:
        previous = repo.idempotency_record(tx, record_id)
        if previous is not None:
            if previous["request_hash"] != request_hash:
                raise Conflict("this Idempotency-Key was used for a different request")
            return _link(tx, previous["link_id"]), True
    now = now_iso()
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
        if data.slot_id:
            _fill(tx, target_id, data.slot_id, link_id)
        repo.record_event(
            tx, "evidence_attached", now, principal.name, target_id, link_id, data.slot_id,
            detail=f"{data.stance} ({data.confidence:g}): {url}",
        )  # fmt: skip
    if record_id:
        repo.save_idempotency_record(tx, record_id, request_hash, link_id, now)
    return _link(tx, link_id), created


def _fill(tx: ManagedTransaction, target_id: str, slot_id: str, link_id: str) -> None:
    status = repo.slot_status_on_target(tx, target_id, slot_id)
    if status is None:
        message = f"slot {slot_id!r} is not a slot of {target_id!r}"
        raise InvalidRequest(message, field="slot_id", location="json")
    if status == "closed":
        raise Conflict(f"slot {slot_id!r} is closed; reopen it first")
    repo.fill_slot(tx, link_id, slot_id)


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
        assert outcome is not None  # it was active a moment ago, in this transaction
        target_id = outcome["target_id"]
        repo.record_event(tx, "evidence_retracted", now, principal.name, target_id, link_id,
                          detail=reason)  # fmt: skip
        if outcome["reopened_slot_id"]:
            repo.record_event(tx, "slot_reopened", now, principal.name, target_id,
                              slot_id=outcome["reopened_slot_id"],
                              detail="its last active evidence was retracted")  # fmt: skip
    return _link(tx, link_id)


def open_slot(
    store: Store, kind: TargetKind, target_id: str, question: str, principal: Principal
) -> dict[str, Any]:
    """Open a new evidence slot on a claim or causal link."""
    return store.write(_open_slot, kind, target_id, question, principal)


def _open_slot(
    tx: ManagedTransaction, kind: TargetKind, target_id: str, question: str, principal: Principal
) -> dict[str, Any]:
    _require_target(tx, kind, target_id)
    now = now_iso()
    slot_id = repo.open_slot(tx, target_id, kind, question, principal.name, now)
    repo.record_event(tx, "slot_opened", now, principal.name, target_id, slot_id=slot_id,
                      detail=question)  # fmt: skip
    return _slot(tx, slot_id)


def update_slot(
    store: Store,
    slot_id: str,
    status: str,
    reason: str | None,
    question: str | None,
    principal: Principal,
) -> dict[str, Any]:
    """Close a slot as unresolvable (a reason is required) or reopen it."""
    return store.write(_update_slot, slot_id, status, reason, question, principal)


def _update_slot(
    tx: ManagedTransaction,
    slot_id: str,
    status: str,
    reason: str | None,
    question: str | None,
    principal: Principal,
) -> dict[str, Any]:
    current = repo.slot(tx, slot_id)
    if current is None:
        raise NotFound("slot", slot_id)
    if status == "closed" and not reason:
        raise InvalidRequest("closing a slot needs a reason", field="reason", location="json")
    if status == "open" and current["active_links"] > 0:
        status = "filled"  # reopening a slot that has evidence shows it as filled
    now = now_iso()
    repo.update_slot(
        tx,
        {"slot_id": slot_id, "status": status, "reason": reason, "question": question,
         "by": principal.name, "now": now},
    )  # fmt: skip
    kind = "slot_closed" if status == "closed" else "slot_reopened"
    repo.record_event(tx, kind, now, principal.name, current["owner_id"], slot_id=slot_id,
                      detail=reason)  # fmt: skip
    return _slot(tx, slot_id)


def _slot(tx: ManagedTransaction, slot_id: str) -> dict[str, Any]:
    found = repo.slot(tx, slot_id)
    if found is None:
        raise NotFound("slot", slot_id)
    return {**found["slot"], "owner_id": found["owner_id"], "active_links": found["active_links"]}


def history(store: Store, kind: TargetKind, target_id: str) -> list[dict[str, Any]]:
    """Every evidence and slot event on a claim or causal link, oldest first."""
    return store.read(_history, kind, target_id)


def _history(tx: ManagedTransaction, kind: TargetKind, target_id: str) -> list[dict[str, Any]]:
    _require_target(tx, kind, target_id)
    return repo.history(tx, target_id)


def evidence_for(store: Store, kind: TargetKind, target_id: str) -> list[dict[str, Any]]:
    """Every evidence link on a claim or causal link, retracted ones included (marked)."""
    return store.read(_evidence_for, kind, target_id)


def _evidence_for(tx: ManagedTransaction, kind: TargetKind, target_id: str) -> list[dict[str, Any]]:
    _require_target(tx, kind, target_id)
    return repo.target_evidence(tx, target_id)
