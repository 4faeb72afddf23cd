"""Health: the database answers and the schema's constraints exist."""

from __future__ import annotations

from kb.db import Store
from kb.errors import SchemaMissing
from kb.services.stats import constraint_names

REQUIRED_CONSTRAINTS = frozenset({"source_id", "claim_id", "actor_id", "causal_link_id"})


def check_health(store: Store) -> dict[str, str | bool]:
    """`{status: ok, database: up, schema_applied: true}`.

    Raises `DatabaseUnavailable` when Neo4j does not answer and `SchemaMissing`
    when it answers without the schema (`kb seed` applies it).
    """
    missing = REQUIRED_CONSTRAINTS - set(constraint_names(store))
    if missing:
        raise SchemaMissing(f"the schema is not applied (run `kb seed`); missing {sorted(missing)}")
    return {"status": "ok", "database": "up", "schema_applied": True}
