"""Actors: who claims are about or attributed to, found by id, name or alias."""

from __future__ import annotations

from collections import Counter
from typing import Any

from kb.db import Store
from kb.errors import NotFound
from kb.models import ActorKind, ActorRole, Page
from kb.repositories import actors as actor_repo
from kb.services import validation


def list_actors(store: Store, kind: str | None, page: int, limit: int) -> Page:
    """One page of actors (of one kind, if given), in id order."""
    validation.one_of(kind, ActorKind, "kind")
    request = validation.page_request(page, limit)
    return Page.of(request, *store.read(actor_repo.actor_page, kind, request))


def resolve_actor(store: Store, key: str) -> str:
    """The id of the actor named `key` by id, name or alias; `NotFound` otherwise."""
    actor_id = find_actor(store, key)
    if actor_id is None:
        raise NotFound("actor", key)
    return actor_id


def find_actor(store: Store, key: str) -> str | None:
    """The id of the actor named `key` by id, name or alias, or None."""
    return store.read(actor_repo.resolve_actor, key)


def get_actor(store: Store, key: str) -> dict[str, Any]:
    """An actor by id or alias, with the roles it plays in claims."""
    actor = store.read(actor_repo.actor_detail, resolve_actor(store, key))
    assert actor is not None  # resolved just above
    actor["roles"] = dict(sorted(Counter(actor["roles"]).items()))
    actor["slots"].sort(key=lambda slot: slot["id"])
    return actor


def actor_claims(store: Store, key: str, role: str | None, page: int, limit: int) -> Page:
    """Claims about an actor (id or alias), optionally in one role."""
    validation.one_of(role, ActorRole, "role")
    request = validation.page_request(page, limit)
    actor_id = resolve_actor(store, key)
    total, items, estimate = store.read(actor_repo.actor_claims, actor_id, role, request)
    for item in items:
        item["roles"].sort()  # collected in storage order: sorted, one answer per graph
        item["sources"].sort()
    return Page.of(request, total, items, estimate)
