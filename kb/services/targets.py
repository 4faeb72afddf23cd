"""What analysts write about: a claim or a causal link, checked to exist."""

from __future__ import annotations

from neo4j import ManagedTransaction

from kb.errors import NotFound
from kb.models import TargetKind
from kb.repositories import targets as repo


def require_target(tx: ManagedTransaction, kind: TargetKind, target_id: str) -> None:
    """`NotFound` unless `target_id` is a `kind` (a claim id is not a causal link)."""
    if repo.target_kind(tx, target_id) != kind:
        raise NotFound(kind.replace("_", " "), target_id)


def lock_target(tx: ManagedTransaction, kind: TargetKind, target_id: str) -> None:
    """`require_target` for writes: lock the target first, then check it is still there.

    A merge locks both claims before it reads what to move, so a write holding the
    lock lands before the merge reads, and one waiting for it then sees the tombstone
    (`NotFound`, which the API answers with a redirect to the survivor).
    """
    repo.lock_target(tx, target_id)
    require_target(tx, kind, target_id)
