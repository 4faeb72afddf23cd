"""Health: the database answers and the schema's constraints exist.

The check is separate from ordinary reads and has its own tight budget
(`Store.check`: no retries, given up after `kb.db.HEALTH_TIMEOUT_SECONDS`), so
a load balancer polling `/healthz` gets an answer within a second whether
Neo4j is up, stopped, frozen or slow.
"""

from __future__ import annotations

from kb.db import Store
from kb.errors import RestoreUnderWay, SchemaMissing
from kb.repositories import backup as backup_repo
from kb.repositories import stats as repo

REQUIRED_CONSTRAINTS = frozenset({"source_id", "claim_id", "actor_id", "causal_link_id"})


def check_health(store: Store) -> dict[str, str | bool]:
    """`{status: ok, database: up, schema_applied: true}`.

    Raises `DatabaseUnavailable` when Neo4j does not answer in time and
    `SchemaMissing` when it answers without the schema (`kb seed` applies it),
    `RestoreUnderWay` (503) while `kb restore` replaces the graph.
    """
    if store.check(backup_repo.restore_phase) is not None:
        raise RestoreUnderWay("a restore is replacing the graph (or was interrupted)")
    missing = REQUIRED_CONSTRAINTS - set(store.check(repo.constraint_names))
    if missing:
        raise SchemaMissing(f"the schema is not applied (run `kb seed`); missing {sorted(missing)}")
    return {"status": "ok", "database": "up", "schema_applied": True}
