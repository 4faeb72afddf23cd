"""The history of a claim or causal link: every evidence and slot event, in order.

Events are appended by the services that write (evidence, slots) inside their
own transactions, through `record`; they are never changed or deleted.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store
from kb.models import TargetKind
from kb.repositories import history as repo
from kb.services.merges import absorbed_ids
from kb.services.targets import require_target

record = repo.record_event  # writers append within their own transaction


def history(store: Store, kind: TargetKind, target_id: str) -> list[dict[str, Any]]:
    """Every evidence, slot and merge event on a claim or causal link, oldest first
    (a claim's history includes the events of the claims merged into it)."""
    return store.read(_history, kind, target_id)


def _history(tx: ManagedTransaction, kind: TargetKind, target_id: str) -> list[dict[str, Any]]:
    require_target(tx, kind, target_id)
    merged = absorbed_ids(tx, target_id) if kind == "claim" else []
    return repo.history(tx, [target_id, *merged])
