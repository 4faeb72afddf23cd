"""Evidence slots: what external source would settle each claim, link or field."""

from __future__ import annotations

from kb.db import Store
from kb.models import Page
from kb.repositories import slots as repo


def list_slots(
    store: Store, status: str | None, kind: str | None, owner_id: str | None, page: int, limit: int
) -> Page:
    """Evidence slots with their owner (claim, causal link, source or actor)."""
    params = {
        "status": status,
        "kind": kind,
        "owner_id": owner_id,
        "skip": (page - 1) * limit,
        "limit": limit,
    }
    total, items = store.read(repo.slot_page, params)
    return Page(items, page, limit, total)
