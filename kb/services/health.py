"""Health: the database answers and the schema's constraints exist."""

from __future__ import annotations

from typing import Any

from kb.db import Store
from kb.repositories.stats import constraint_names

REQUIRED_CONSTRAINTS = frozenset({"source_id", "claim_id", "actor_id", "causal_link_id"})


def check_health(store: Store) -> dict[str, Any]:
    """`{status, database, schema_applied}`; raises `DatabaseUnavailable` when down."""
    present = set(constraint_names(store))
    applied = REQUIRED_CONSTRAINTS <= present
    return {"status": "ok" if applied else "degraded", "database": "up", "schema_applied": applied}
