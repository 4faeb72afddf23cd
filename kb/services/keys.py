"""API keys: roles, creation (shown once), hashing, revocation, authorisation.

Keys are 256-bit random tokens, so a plain SHA-256 is enough to store them
safely (a slow password hash protects guessable secrets; these are not).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kb.db import Store
from kb.errors import Conflict, Forbidden, InvalidRequest, NotFound, Unauthorized
from kb.models import Role
from kb.repositories import keys as repo
from kb.services import validation

KEY_PREFIX = "kb_"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key's name (recorded as `added_by`) and role."""

    name: str
    role: Role


def now_iso() -> str:
    """The current UTC time as sortable ISO-8601 with microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(store: Store, name: str, role: str) -> str:
    """Create a key and return it; only its hash is stored, so this is the one sight of it."""
    if not NAME_PATTERN.match(name):
        raise InvalidRequest("key names are 1-64 letters, digits or . _ @ -", field="name")
    validation.one_of(role, Role, "role")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    try:
        store.write(repo.create_key, name, role, hash_key(key), now_iso())
    except Conflict as exc:  # the name's uniqueness constraint
        raise Conflict(f"a key named {name!r} already exists") from exc
    return key


def list_keys(store: Store) -> list[dict[str, Any]]:
    return store.read(repo.list_keys)


def revoke_key(store: Store, name: str) -> None:
    if not store.write(repo.revoke_key, name, now_iso()):
        raise NotFound("key", name)


def authenticate(store: Store, authorization: str | None) -> Principal:
    """The principal of an `Authorization: Bearer <key>` header, or `Unauthorized`."""
    if not authorization:
        raise Unauthorized("this request needs an API key: Authorization: Bearer <key>")
    scheme, _, key = authorization.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise Unauthorized("use the Authorization header as: Bearer <key>")
    row = store.read(repo.key_by_hash, hash_key(key.strip()))
    if row is None or row["revoked_at"] is not None:
        raise Unauthorized("the API key is unknown or revoked")
    return Principal(row["name"], Role[row["role"]])


def authorise(principal: Principal, needed: Role) -> None:
    """`Forbidden` unless the principal's role reaches `needed`."""
    if principal.role < needed:
        raise Forbidden(f"the {principal.role.name} role may not do this (needs {needed.name})")
