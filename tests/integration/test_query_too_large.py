"""A request whose answer needs more memory than Neo4j allows one transaction is
answered 422 `query-too-large` at once, saying how to narrow it: never retried as
transient, never "database unavailable".

Its own small server (a tight `db.memory.transaction.max`), so the limit is
reached deterministically by a graph of a few thousand claims.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from neo4j import ManagedTransaction

from api import create_app
from kb import localdb
from kb.config import CYPHER_DIR, LOCAL_DIR, LocalServerConfig
from kb.db import Store
from kb.derived.full import recompute_all
from kb.errors import QueryTooLarge
from kb.models import PageRequest
from kb.queries.synthetic import CREATE_SYNTHETIC_CLAIMS_QUERY
from kb.repositories import claims as claim_repo
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services.claims import unfiltered_params
from tests.conftest import TEST_BOLT_PORT, TEST_HTTP_PORT

PASSWORD = "kb-small-tx-password"
# Transactions reserve memory in 2 MiB chunks; the system database needs one to start.
TRANSACTION_MAX = "db.memory.transaction.max=4MiB"
CLAIMS = 12_000
BATCH = 200  # small write transactions: each must fit the same limit
NO_FILTERS = unfiltered_params()


@pytest.fixture(scope="module")
def small_store() -> Iterator[Store]:
    # On ports next to the suite's (the next pair if one is taken).
    config = LocalServerConfig(
        LOCAL_DIR / "neo4j-small-tx",
        TEST_BOLT_PORT + 5,
        TEST_HTTP_PORT + 5,
        PASSWORD,
        (TRANSACTION_MAX,),
    )
    # A busy machine's slow read must not pass for the limit.
    with localdb.throwaway(config, attempts=3, read_timeout_seconds=60.0) as settings:
        store = Store.connect(settings)
        try:
            schema = [s for s in discover_scripts(CYPHER_DIR) if s.kind == "schema"]
            apply_scripts(store, schema, recompute=recompute_all)
            rows = [{"id": f"syn-{i:06d}", "text": f"Synthetic claim {i}"} for i in range(CLAIMS)]
            for start in range(0, CLAIMS, BATCH):
                batch = rows[start : start + BATCH]
                store.write(
                    lambda tx, b=batch: tx.run(CREATE_SYNTHETIC_CLAIMS_QUERY, rows=b).consume()
                )
            yield store
        finally:
            store.close()


@pytest.fixture(scope="module")
def small_app(small_store: Store) -> Flask:
    return create_app({"TESTING": True, "KB_STORE": small_store})


def test_the_store_raises_query_too_large_without_retrying(small_store: Store) -> None:
    request = PageRequest(page=50, limit=200)  # the search ranks 10,000 hits
    attempts: list[int] = []

    def counted(tx: ManagedTransaction, *args: Any) -> Any:
        attempts.append(1)
        return claim_repo.claim_page(tx, *args)

    with pytest.raises(QueryTooLarge, match="narrow"):
        small_store.read(counted, {**NO_FILTERS, "q": "synthetic"}, request)
    assert attempts == [1]  # the managed transaction did not retry it as transient


def test_the_api_answers_422_saying_how_to_narrow(small_app: Flask) -> None:
    client = small_app.test_client()
    response = client.get("/api/v1/claims?q=synthetic&page=50&limit=200")
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["type"].endswith("/query-too-large")
    assert "memory" in body["detail"] and "narrow" in body["detail"]
    # the same search, one page of the best hits, fits
    first = client.get("/api/v1/claims?q=synthetic&limit=50")
    assert first.status_code == 200
    assert first.get_json()["meta"]["total_is_estimate"] is True
