"""Store access for API keys."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.keys import (
    CREATE_KEY_QUERY,
    KEY_BY_HASH_QUERY,
    LIST_KEYS_QUERY,
    REVOKE_KEY_QUERY,
)


def create_key(tx: ManagedTransaction, name: str, role: str, key_hash: str, now: str) -> None:
    records(tx, CREATE_KEY_QUERY, name=name, role=role, hash=key_hash, now=now)


def key_by_hash(tx: ManagedTransaction, key_hash: str) -> dict[str, Any] | None:
    rows = records(tx, KEY_BY_HASH_QUERY, hash=key_hash)
    return rows[0] if rows else None


def list_keys(tx: ManagedTransaction) -> list[dict[str, Any]]:
    return records(tx, LIST_KEYS_QUERY)


def revoke_key(tx: ManagedTransaction, name: str, now: str) -> bool:
    return bool(records(tx, REVOKE_KEY_QUERY, name=name, now=now))
