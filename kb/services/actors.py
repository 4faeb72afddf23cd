"""Actors: who claims are about or attributed to, found by id, name or alias."""

from __future__ import annotations

from collections import Counter
from typing import Any

from kb.db import Store
from kb.errors import NotFound
from kb.models import Page
from kb.repositories import actors as actor_repo


def list_actors(store: Store, kind: str | None, page: int, limit: int) -> Page:
    total, items = store.read(actor_repo.actor_page, kind, (page - 1) * limit, limit)
    return Page(items, page, limit, total)


def resolve_actor(store: Store, key: str) -> str:
    """The id of the actor named `key` by id, name or alias; `NotFound` otherwise."""
    actor_id = store.read(actor_repo.resolve_actor, key)
    if actor_id is None:
        raise NotFound("actor", key)
    return actor_id


def get_actor(store: Store, key: str) -> dict[str, Any]:
    """An actor by id or alias, with the roles it plays in claims."""
    actor = store.read(actor_repo.actor_detail, resolve_actor(store, key))
    assert actor is not None  # resolved just above
    actor["roles"] = dict(sorted(Counter(actor["roles"]).items()))
    return actor


def actor_claims(store: Store, key: str, role: str | None, page: int, limit: int) -> Page:
    """Claims about an actor (id or alias), optionally in one role."""
    actor_id = resolve_actor(store, key)
    total, items = store.read(actor_repo.actor_claims, actor_id, role, (page - 1) * limit, limit)
    return Page(items, page, limit, total)
