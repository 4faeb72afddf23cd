"""Every stored query compiles: `EXPLAIN` catches Cypher typos without data."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import kb.queries
from kb.db import Store


def stored_queries() -> list[tuple[str, str]]:
    found = []
    for module_info in pkgutil.iter_modules(kb.queries.__path__):
        module = importlib.import_module(f"kb.queries.{module_info.name}")
        for name, value in vars(module).items():
            # SHOW commands cannot be EXPLAINed; test_seed checks the constraint query.
            if name.endswith("_QUERY") and isinstance(value, str) and "SHOW " not in value:
                found.append((f"{module_info.name}.{name}", value))
            # Registries generated from kb.schema: one statement per kind.
            if name.endswith("_QUERIES") and isinstance(value, dict):
                found += [(f"{module_info.name}.{name}[{key}]", q) for key, q in value.items()]
    return sorted(found)


def test_there_are_queries_to_check() -> None:
    assert len(stored_queries()) >= 40


@pytest.mark.parametrize(("name", "query"), stored_queries(), ids=[n for n, _ in stored_queries()])
def test_query_compiles(seeded_store: Store, name: str, query: str) -> None:
    # Auto-commit, because `CALL ... IN TRANSACTIONS` may not run in a managed transaction.
    seeded_store.run_autocommit("EXPLAIN " + query)
