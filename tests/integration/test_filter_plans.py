"""Every filter of `GET /claims`, alone and in the pairs users combine, reads from what it
names (kb/queries/claim_anchors.py): checked on Neo4j's own plans (`EXPLAIN`) and on the
answers, which must be the rows the plain id-ordered scan finds."""

from __future__ import annotations

import random
from itertools import combinations
from typing import Any, LiteralString

import pytest

from kb.db import Store
from kb.queries import claims
from kb.queries.claim_anchors import ANCHORS, ORDERED, count_query, page_query
from kb.repositories import claim_anchors
from kb.services.claims import unfiltered_params

SORTS = {"Sort", "Top", "PartialSort", "PartialTop"}
FULL_SCANS = {"AllNodesScan", "NodeByLabelScan", "NodeIndexScan", "UndirectedRelationshipTypeScan"}
FULL_SCANS |= {"DirectedRelationshipTypeScan", "DirectedAllRelationshipsScan"}
# every assertion's stance, read per claim: a subquery planned onto the stance index
FULL_SCANS |= {"DirectedRelationshipIndexScan", "UndirectedRelationshipIndexScan"}

# Every list filter unset, as the service passes them.
UNSET: dict[str, Any] = {k: v for k, v in unfiltered_params().items() if k != "after"}
# Where each bounded anchor must start: an index seek on what the filter names.
ANCHOR_SEEKS = {
    "source": "NodeUniqueIndexSeek",
    "actor": "NodeUniqueIndexSeek",
    "topic": "NodeUniqueIndexSeek",
    "slot": "NodeIndexSeek",
    "rejected": "DirectedRelationshipIndexSeek",
    "asserted_by": "NodeIndexSeekByRange",
    "reported_by": "NodeIndexSeekByRange",
}


def _values(store: Store) -> dict[str, list[Any]]:
    """Filter values the seeded graph has: each filter once common and once rare, where
    it has both."""
    query = """
    MATCH (s:Source) WITH s ORDER BY s.id LIMIT 1
    MATCH (a:Actor) WITH s, a ORDER BY COUNT { (a)<-[:ABOUT]-() } DESC LIMIT 1
    OPTIONAL MATCH (t:Topic) WITH s, a, t ORDER BY COUNT { (t)<-[:CONCERNS]-() } DESC LIMIT 1
    RETURN s.id AS source, a.id AS actor, t.id AS topic
    """
    with store.driver.session(database=store.database) as session:
        row = session.run(query).single()
    assert row is not None
    return {
        "type": ["factual", "causal"],
        "checkable": [True],
        "actor": [row["actor"]],
        "topic": [row["topic"] or "topic-none"],
        "source": [row["source"]],
        "slot": ["open", "none", "closed"],
        "status": ["supported", "unverified"],
        "standing": ["weakened", "intact"],
        "asserted_by_min": [2, 1],
        "rejected_by_min": [1],
        "contested": [True, False],
        "reported_by_min": [1, 2],
        "consensus": ["contested", "agreed", "single"],
    }


def _cases(values: dict[str, list[Any]]) -> list[dict[str, Any]]:
    singles = [{name: value} for name, options in values.items() for value in options]
    pairs = [
        {a: values[a][0], b: values[b][0]}
        for a, b in combinations(values, 2)
        if {a, b} != {"status", "standing"}  # one `status` parameter carries either
    ]
    # the stored slot state's pairs (cypher/schema/V008) with its other value
    slot_pairs = [
        {"checkable": True, "slot": "none"},
        {"status": "supported", "slot": "none"},
        {"status": "unverified", "slot": "open"},
    ]
    return singles + pairs + slot_pairs


def _plan(store: Store, query: LiteralString, params: dict[str, Any]) -> list[str]:
    with store.driver.session(database=store.database) as session:
        plan = session.run("EXPLAIN " + query, params).consume().plan
    assert plan is not None
    found: list[str] = []
    stack = [plan]
    while stack:
        node = stack.pop()
        found.append(str(node["operatorType"]).split("@")[0])
        stack.extend(node.get("children") or [])
    return found


def _ids(store: Store, query: LiteralString, params: dict[str, Any]) -> list[str]:
    with store.driver.session(database=store.database) as session:
        return [row["item"]["id"] for row in session.run(query, params)]


def _params(case: dict[str, Any]) -> dict[str, Any]:
    return {
        **UNSET,
        **case,
        **{"after": "", "skip": 0, "limit": 1000, "count_cap": 10_000, "scan_cap": 10_000},
    }


def test_every_filter_and_pair_plans_a_seek_without_sorting_every_claim(
    seeded_store: Store,
) -> None:
    cases = _cases(_values(seeded_store))
    assert len(cases) > 60  # every filter and every pair of them
    seen: set[str] = set()
    for case in cases:
        params = _params(case)
        page, count = seeded_store.read(claim_anchors.choose, params)
        seen |= {page, count}
        page_plan = _plan(seeded_store, page_query(page, params), params)
        count_plan = _plan(seeded_store, count_query(count, params), params)
        for plan in (page_plan, count_plan):
            assert not FULL_SCANS & set(plan), (case, plan)
        assert "Limit" in count_plan, (case, count_plan)
        if page in ORDERED:  # the index yields id order: the page stops after its rows
            assert not SORTS & set(page_plan), (case, page, page_plan)
        else:  # a sort of what one node reaches, starting from its index
            assert ANCHOR_SEEKS[page] in page_plan, (case, page, page_plan)
        if page == "id":  # only filters most claims pass scan the id range
            assert {"checkable", "actor", "role", "topic", "source"}.isdisjoint(
                {name for name, value in case.items() if value is not None and name != "checkable"}
            ), case
    # every anchor is exercised by some case
    assert seen >= {"id", "type", "status", "standing", "checkable", "source", "actor"}
    assert seen >= {"slot", "topic", "rejected", "asserted_by", "reported_by"}
    assert seen >= {"contested", "consensus", "type_status", "type_standing", "type_checkable"}
    assert seen >= {"status_checkable", "standing_checkable"}
    assert seen >= {"slot_state", "checkable_slot", "status_slot"}


@pytest.mark.parametrize("degree_max", [claim_anchors.DEGREE_ANCHOR_MAX, 0])
def test_every_anchor_answers_the_rows_the_shared_filters_answer(
    seeded_store: Store, monkeypatch: pytest.MonkeyPatch, degree_max: int
) -> None:
    """Every filter and pair, read from its anchor, answers what the plain shared clause
    answers (the stored counts and consensus against the subqueries they replace); with
    `degree_max` 0 no actor, topic or count threshold is a bounded anchor."""
    monkeypatch.setattr(claim_anchors, "DEGREE_ANCHOR_MAX", degree_max)
    for case in _cases(_values(seeded_store)):
        params = _params(case)
        page, count = seeded_store.read(claim_anchors.choose, params)
        # the oracle: every filter in one shared clause, read in id order
        expected = _ids(seeded_store, claims.CLAIMS_PAGE_QUERY, params)
        assert _ids(seeded_store, page_query(page, params), params) == expected, (case, page)
        with seeded_store.driver.session(database=seeded_store.database) as session:
            counted = session.run(count_query(count, params), params).single()
        assert counted is not None and counted["total"] == len(expected), (case, count)


def test_random_filter_combinations_and_cursors_answer_the_reference(seeded_store: Store) -> None:
    """Random sets of one to four filters, from the start and from a cursor inside the
    answer: the anchored page and count are the naive reference's (every filter in the
    shared clause, id order), so the keyset cursor stays exact on every anchor."""
    values = _values(seeded_store)
    rng = random.Random(22)
    names = [name for name in values if name != "standing"]  # one `status` carries either
    seen: set[str] = set()
    cases: list[dict[str, Any]] = []
    for _ in range(60):
        chosen = rng.sample(names, rng.randint(1, 4))
        case = {name: rng.choice(values[name]) for name in chosen}
        if "status" in case and rng.random() < 0.5:  # a standing instead
            case["standing"] = rng.choice(values["standing"])
            del case["status"]
        cases.append(case)
    # a status with the stored slot state and a third filter read per row
    cases.append({"status": "supported", "slot": "open", "contested": False})
    cases.append({"status": "unverified", "slot": "none", "consensus": "single"})
    for case in cases:
        params = _params(case)
        reference = _ids(seeded_store, claims.CLAIMS_PAGE_QUERY, params)
        for after in ("", *reference[len(reference) // 2 : len(reference) // 2 + 1]):
            params = {**_params(case), "after": after}
            expected = [claim_id for claim_id in reference if claim_id > after]
            page, count = seeded_store.read(claim_anchors.choose, params)
            seen |= {page, count}
            assert _ids(seeded_store, page_query(page, params), params) == expected, (case, page)
            with seeded_store.driver.session(database=seeded_store.database) as session:
                counted = session.run(count_query(count, params), params).single()
            assert counted is not None and counted["total"] == len(expected), (case, count)
    # the stored slot state's anchors were among those checked
    assert seen >= {"slot_state", "checkable_slot", "status_slot"}, seen


@pytest.mark.parametrize("anchor", sorted(ANCHORS))
def test_each_anchor_reads_only_matching_claims(seeded_store: Store, anchor: str) -> None:
    """Forced onto any anchor with no filter of its own, a query still answers only what
    the shared filters pass (an anchor narrows the read, never the meaning)."""
    params = _params({"type": "factual", "source": "no-such-source", "actor": "no-such-actor"})
    params.update(topic="no-such-topic", status="supported", standing="weakened")
    params.update(checkable=True, slot="closed")
    assert _ids(seeded_store, page_query(anchor, params), params) == []


def test_a_popular_actor_is_counted_over_its_first_claims_as_a_lower_bound(
    seeded_store: Store,
) -> None:
    """A count from an actor reads at most `$scan_cap` of its claims: past that the
    total is a lower bound, flagged; within it the count is exact."""
    actor = max(_values(seeded_store)["actor"], key=lambda a: _about(seeded_store, a))
    params = _params({"actor": actor})
    claims_about = _about(seeded_store, actor)
    assert claims_about > 2
    with seeded_store.driver.session(database=seeded_store.database) as session:
        whole = session.run(count_query("actor", params), params).single()
        capped = session.run(count_query("actor", params), {**params, "scan_cap": 2}).single()
    assert whole is not None and (whole["total"], whole["estimate"]) == (claims_about, False)
    assert capped is not None and (capped["total"], capped["estimate"]) == (2, True)


def _about(store: Store, actor: str) -> int:
    query = "MATCH (:Actor {id: $actor})<-[:ABOUT]-(c:Claim) RETURN count(DISTINCT c) AS n"
    return int(store.read(lambda tx: tx.run(query, actor=actor).single(strict=True)["n"]))
