"""Small helpers: run an export to text, and count in the database independently."""

from __future__ import annotations

from typing import Any

from kb.db import Store
from kb.services import export as export_service


def exported(store: Store, format_name: str, source_id: str | None = None) -> tuple[str, Any]:
    """The export's text and its loss report."""
    prepared = export_service.export(store, format_name, source_id)
    return b"".join(prepared.body).decode("utf-8"), prepared.losses


def count(store: Store, cypher: str, **params: Any) -> int:
    """A count straight from the database (the oracle the exports are compared with)."""
    return int(store.read(lambda tx: tx.run(cypher, params).single()[0]))


def loss_counts(losses: Any) -> dict[str, int]:
    return {loss.kind: loss.count for loss in losses}


def value(store: Store, cypher: str, **params: Any) -> Any:
    """One value straight from the database."""
    return store.read(lambda tx: tx.run(cypher, params).single()[0])
