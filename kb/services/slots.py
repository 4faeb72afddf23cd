"""Evidence slots: what external source would settle each claim, link or field.

Analysts open slots on claims and causal links, close them as unresolvable
(with a reason) or reopen them; evidence fills them (`fill`, called by the
evidence service inside its own transaction). Each change appends an event.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store
from kb.derived import incremental
from kb.errors import Conflict, Forbidden, InvalidRequest, NotFound
from kb.models import Page, Role, SlotKind, SlotStatus, TargetKind
from kb.repositories import slots as repo
from kb.services import history, validation
from kb.services.keys import Principal, now_iso
from kb.services.targets import lock_target


def list_slots(
    store: Store, status: str | None, kind: str | None, owner_id: str | None, page: int, limit: int
) -> Page:
    """Evidence slots with their owner (claim, causal link, source or actor), in id order."""
    validation.one_of(status, SlotStatus, "status")
    validation.one_of(kind, SlotKind, "kind")
    request = validation.page_request(page, limit)
    filters = {"status": status, "kind": kind, "owner_id": owner_id}
    return Page.of(request, *store.read(repo.slot_page, filters, request))


def open_slot(
    store: Store, kind: TargetKind, target_id: str, question: str, principal: Principal
) -> dict[str, Any]:
    """Open a new evidence slot on a claim or causal link."""
    return store.write(_open_slot, kind, target_id, question, principal)


def _open_slot(
    tx: ManagedTransaction, kind: TargetKind, target_id: str, question: str, principal: Principal
) -> dict[str, Any]:
    lock_target(tx, kind, target_id)
    now = now_iso()
    slot_id = repo.open_slot(tx, target_id, kind, question, principal.name, now)
    incremental.refresh_consensus(tx, [target_id])  # a claim's stored slot state
    history.record(
        tx, "slot_opened", now, principal.name, target_id, slot_id=slot_id, detail=question
    )
    return _slot(tx, slot_id)


def update_slot(
    store: Store,
    slot_id: str,
    status: str,
    reason: str | None,
    question: str | None,
    principal: Principal,
) -> dict[str, Any]:
    """Close a slot as unresolvable (a reason is required) or reopen it.

    Rewording the question is for the slot's opener or an admin (seeded slots:
    admins only); the old wording is kept in the history.
    """
    if status not in (SlotStatus.open, SlotStatus.closed):
        raise InvalidRequest("status must be one of open, closed", field="status", location="json")
    if status == SlotStatus.closed and not reason:
        raise InvalidRequest("closing a slot needs a reason", field="reason", location="json")
    return store.write(_update_slot, slot_id, status, reason, question, principal)


def _update_slot(
    tx: ManagedTransaction,
    slot_id: str,
    status: str,
    reason: str | None,
    question: str | None,
    principal: Principal,
) -> dict[str, Any]:
    current = _slot(tx, slot_id)
    now = now_iso()
    if question is not None and question != current["question"]:
        _require_question_editor(current, principal)
        history.record(
            tx,
            "slot_question_changed",
            now,
            principal.name,
            current["owner"]["id"],
            slot_id=slot_id,
            detail=f"was: {current['question']}",
        )
    if status == SlotStatus.open and current["active_links"] > 0:
        status = SlotStatus.filled  # reopening a slot that has evidence shows it as filled
    repo.update_slot(
        tx,
        {
            "slot_id": slot_id,
            "status": str(status),
            "reason": reason,
            "question": question,
            "by": principal.name,
            "now": now,
        },
    )
    incremental.refresh_consensus(tx, [current["owner"]["id"]])  # a claim's slot state
    event = "slot_closed" if status == SlotStatus.closed else "slot_reopened"
    history.record(
        tx, event, now, principal.name, current["owner"]["id"], slot_id=slot_id, detail=reason
    )
    return _slot(tx, slot_id)


def _require_question_editor(slot: dict[str, Any], principal: Principal) -> None:
    """Only a slot's opener, or an admin, may reword its question; seeded slots
    (opened by no analyst) only an admin."""
    if principal.role >= Role.admin:
        return
    if slot["opened_by"] is None or slot["opened_by"] != principal.name:
        raise Forbidden(
            "only the analyst who opened this slot, or an admin, may change its question"
        )


def fill(tx: ManagedTransaction, target_id: str, slot_id: str, link_id: str) -> None:
    """Mark `slot_id` of `target_id` filled by evidence link `link_id` (in the caller's write)."""
    status = repo.slot_status_on_target(tx, target_id, slot_id)
    if status is None:
        message = f"slot {slot_id!r} is not a slot of {target_id!r}"
        raise InvalidRequest(message, field="slot_id", location="json")
    if status == SlotStatus.closed:
        raise Conflict(f"slot {slot_id!r} is closed; reopen it first")
    repo.fill_slot(tx, link_id, slot_id)
    incremental.refresh_consensus(tx, [target_id])  # a claim's stored slot state


def _slot(tx: ManagedTransaction, slot_id: str) -> dict[str, Any]:
    found = repo.slot(tx, slot_id)
    if found is None:
        raise NotFound("slot", slot_id)
    return found
