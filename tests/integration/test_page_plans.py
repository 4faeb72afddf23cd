"""List pages read an index in order and stop after the page; totals never read
every match. Checked on Neo4j's own plans (`EXPLAIN`), so a change to a list
query that reintroduces a sort over every match fails here, without timing.
Every filter of the claim list and every pair: tests/integration/test_filter_plans.py."""

from __future__ import annotations

from typing import Any

import pytest

from kb.db import Store
from kb.queries import actors, causal_links, claim_anchors, claims, slots, sources

# Every parameter any list query takes, unset (null) as when no filter is given.
PARAMS: dict[str, Any] = {
    "type": None,
    "checkable": None,
    "actor": None,
    "role": None,
    "topic": None,
    "source": None,
    "slot": None,
    "claim_ids": None,
    "kind": None,
    "status": None,
    "owner_id": None,
    "claim_id": None,
    "actor_id": None,
    "skip": 100,
    "limit": 50,
    "after": "",
    "count_cap": 10_000,
}
SORTS = {"Sort", "Top", "PartialSort", "PartialTop"}


def operators(store: Store, query: str) -> list[str]:
    """The operator names (without the `@neo4j` suffix) of `query`'s plan."""
    with store.driver.session(database=store.database) as session:
        plan = session.run("EXPLAIN " + query, PARAMS).consume().plan
    found: list[str] = []
    stack = [plan]
    while stack:
        node = stack.pop()
        found.append(str(node["operatorType"]).split("@")[0])
        stack.extend(node.get("children") or [])
    return found


@pytest.mark.parametrize(
    "query",
    [
        claims.CLAIMS_PAGE_QUERY,
        actors.ACTORS_PAGE_QUERY,
        sources.SOURCES_PAGE_QUERY,
        slots.SLOTS_PAGE_QUERY,
        causal_links.CAUSAL_LINKS_PAGE_QUERY,
    ],
    ids=["claims", "actors", "sources", "slots", "causal-links"],
)
def test_a_page_reads_an_index_in_order_without_sorting(seeded_store: Store, query: str) -> None:
    plan = operators(seeded_store, query)
    # a scan, or a range seek from the keyset cursor (claims): either reads in id order
    assert {"NodeIndexScan", "NodeUniqueIndexSeekByRange"} & set(plan), plan
    assert not SORTS & set(plan), plan
    assert {"Skip", "Limit"} <= set(plan), plan


def test_the_unfiltered_claim_total_comes_from_the_count_store(seeded_store: Store) -> None:
    assert "NodeCountFromCountStore" in operators(seeded_store, claims.CLAIMS_TOTAL_QUERY)


@pytest.mark.parametrize(
    "query",
    [
        claim_anchors.count_query("id", {"type": "factual", "actor": "x"}),
        actors.ACTORS_COUNT_QUERY,
        actors.ACTOR_CLAIMS_COUNT_QUERY,
        slots.SLOTS_COUNT_QUERY,
        causal_links.CAUSAL_LINKS_COUNT_QUERY,
    ],
    ids=["claims", "actors", "actor-claims", "slots", "causal-links"],
)
def test_a_filtered_count_stops_at_its_cap(seeded_store: Store, query: str) -> None:
    assert "Limit" in operators(seeded_store, query)
