"""The two fictional sample sources import on top of the article (issue 11).

`corpus/samples/` holds a wire report and an official's statement written for
the tests (README there). Imported through the import service, exactly as
`kb import --apply` does, into a copy of `cypher/`, they must give the counts
the README promises: claims shared across sources are one node with several
assertions, the statement's contradictions are ATTACKS on the article's
claims, and nothing breaks a curation rule. The module imports once and puts
the seeded graph back at the end, so other tests never see the samples.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from kb.config import CORPUS_DIR, CYPHER_DIR, Settings
from kb.db import Store, records
from kb.services.agreement import agreement
from kb.services.annotation import ImportPlan, apply_import, plan_import
from kb.services.claims import ClaimFilters, list_claims
from kb.services.lint import lint
from tests.graph_snapshot import GraphSnapshot
from tests.seed_versions import next_seed_version

SAMPLES = CORPUS_DIR / "samples"
# An import reads every id and runs full-text searches: on a busy machine that
# takes longer than the 5 s an API read may (the CLI's KB_READ_TIMEOUT_SECONDS).
IMPORT_READ_TIMEOUT_SECONDS = 120.0
WIRE = SAMPLES / "wire-001.yaml"
STATEMENT = SAMPLES / "statement-001.yaml"

SHARED_WITH_ARTICLE = {
    "c-first-phase-announced",
    "c-second-phase-provisions",
    "c-second-phase-stopped",
    "c-hamas-goals",
    "c-second-phase-decisive-moment",
}
# Both the article and the wire only report Netanyahu's declared goal (article revision 3).
BOTH_REPORT = "c-netanyahu-declared-goal-eliminate-hamas"
# The article asserts the decisive moment (the statement shares it) and only
# presupposes the daily killing (its question heading), which the wire asserts.
WIRE_NEWLY_ASSERTS = SHARED_WITH_ARTICLE - {"c-second-phase-decisive-moment"} | {
    "c-israel-continues-daily-killings-during-truce",
    BOTH_REPORT,
}
SHARED_BY_THE_SAMPLES = {
    "c-w1-living-hostages-released",
    "c-w1-palestinian-prisoners-freed",
    "c-w1-aid-increased",
    "c-w1-deceased-hostages-remains-in-gaza",
}
THREE_SOURCES = {"c-first-phase-announced", "c-second-phase-provisions"}
ATTACKS_ON_THE_ARTICLE = {
    ("att-w1-1", "wire-001", "c-w1-first-phase-israeli-pullback", "c-first-phase-terms"),
    (
        "att-s1-1",
        "statement-001",
        "c-s1-delay-due-to-technical-requirements",
        "c-second-phase-deliberately-stopped",
    ),
    (
        "att-s1-2",
        "statement-001",
        "c-s1-delay-due-to-technical-requirements",
        "c-second-phase-not-stopped-for-technical-reasons",
    ),
    ("att-s1-3", "statement-001", "c-view-us-mediator", "c-us-active-party"),
    (
        "att-s1-4",
        "statement-001",
        "c-s1-us-pressed-both-parties",
        "c-us-shields-israel-from-pressure",
    ),
    ("att-s1-5", "statement-001", "c-s1-second-phase-not-halted", "c-second-phase-stopped"),
    (
        "att-s1-6",
        "statement-001",
        "c-s1-violations-isolated",
        "c-israel-continues-daily-killings-during-truce",
    ),
}

COUNTS_QUERY = """
CALL { MATCH (s:Source) RETURN count(s) AS sources }
CALL { MATCH (c:Claim) RETURN count(c) AS claims }
CALL { MATCH ()-[a:ASSERTS]->() RETURN count(a) AS asserts }
CALL { MATCH ()-[r:SUPPORTS]->() RETURN count(r) AS supports }
CALL { MATCH ()-[r:ATTACKS]->() RETURN count(r) AS attacks }
CALL { MATCH (l:CausalLink) RETURN count(l) AS causal_links }
CALL { MATCH (a:Actor) RETURN count(a) AS actors }
CALL { MATCH (t:Topic) RETURN count(t) AS topics }
RETURN sources, claims, asserts, supports, attacks, causal_links, actors, topics
"""
SOURCES_PER_CLAIM_QUERY = """
MATCH (s:Source)-[a:ASSERTS]->(c:Claim)
WITH c, collect(DISTINCT s.id) AS any_mode,
     collect(DISTINCT CASE WHEN a.stance = 'asserts' THEN s.id END) AS asserting
WHERE size(any_mode) >= 2
RETURN c.id AS claim, any_mode, asserting
"""
ATTACKS_ACROSS_QUERY = """
MATCH (a:Claim)-[r:ATTACKS]->(b:Claim)
WHERE r.source_id <> 'article-001'
  AND EXISTS { MATCH (:Source {id: 'article-001'})-[:ASSERTS]->(b) }
RETURN r.id AS id, r.source_id AS source, a.id AS from_id, b.id AS to_id
"""


@dataclass
class Imported:
    """Plans and counts of the two imports, in order."""

    store: Store
    wire_plan: ImportPlan
    statement_plan: ImportPlan
    after_wire: dict[str, Any]
    written: list[str]
    cypher_dir: Path


def counts(store: Store) -> dict[str, Any]:
    rows = store.read(records, COUNTS_QUERY)
    by_claim = store.read(records, SOURCES_PER_CLAIM_QUERY)
    return {
        **rows[0],
        "any_mode_2": len(by_claim),
        "asserted_2": sum(1 for row in by_claim if len(row["asserting"]) >= 2),
        "three": {row["claim"] for row in by_claim if len(row["any_mode"]) >= 3},
    }


@pytest.fixture(scope="module")
def imported(
    neo4j_settings: Settings,
    seeded_snapshot: GraphSnapshot,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Imported]:
    """The article as seeded, then wire-001, then statement-001 (the statement
    references the wire report's claims). Not `seeded_store`: the samples must
    stay for every test of this module, and go at its end."""
    store = Store.connect(replace(neo4j_settings, read_timeout_seconds=IMPORT_READ_TIMEOUT_SECONDS))
    if GraphSnapshot.take(store).content != seeded_snapshot.content:
        seeded_snapshot.restore(store)
    cypher_dir = tmp_path_factory.mktemp("samples") / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    try:
        wire_plan = plan_import(store, WIRE, cypher_dir)
        apply_import(store, wire_plan, cypher_dir)
        after_wire = counts(store)
        statement_plan = plan_import(store, STATEMENT, cypher_dir)
        apply_import(store, statement_plan, cypher_dir)
        written = sorted(p.name for p in (cypher_dir / "seed").iterdir())
        yield Imported(store, wire_plan, statement_plan, after_wire, written, cypher_dir)
    finally:
        seeded_snapshot.restore(store)
        store.close()


def test_the_dry_run_diff_names_what_each_sample_adds(imported: Imported) -> None:
    wire, statement = imported.wire_plan.diff, imported.statement_plan.diff
    assert len(wire.new["claims"]) == 19
    assert set(wire.newly_asserted) == WIRE_NEWLY_ASSERTS
    assert wire.new_assertions == 25
    assert "ceasefire-implementation-secretariat" in wire.new["actors"]
    assert "the Israeli government" in wire.aliases_grow["israel"]
    assert len(statement.new["claims"]) == 14
    assert SHARED_BY_THE_SAMPLES <= set(statement.newly_asserted)
    assert statement.new_assertions == 25
    assert "ceasefire-implementation-secretariat" not in statement.new["actors"]


def test_each_sample_arrives_as_its_own_seed_script(imported: Imported) -> None:
    wire, statement = (
        f"{next_seed_version()}__wire_001.cypher",
        f"{next_seed_version(1)}__statement_001.cypher",
    )
    assert imported.wire_plan.script_name == f"seed/{wire}"
    assert imported.statement_plan.script_name == f"seed/{statement}"
    assert {wire, statement} <= set(imported.written)


def test_counts_after_the_wire_report(imported: Imported) -> None:
    after = imported.after_wire
    assert (after["sources"], after["claims"], after["asserts"]) == (2, 110, 132)
    # the article's revision 2: -2 supports, -1 attack, +2 causal links
    assert (after["supports"], after["attacks"], after["causal_links"]) == (67, 16, 33)
    assert (after["actors"], after["topics"]) == (20, 22)
    # the article only reports Netanyahu's declared goal since its revision 3
    assert (after["any_mode_2"], after["asserted_2"], after["three"]) == (6, 4, set())


def test_counts_after_both_samples(imported: Imported) -> None:
    store = imported.store
    after = counts(store)
    assert (after["sources"], after["claims"], after["asserts"]) == (3, 124, 157)
    assert (after["supports"], after["attacks"], after["causal_links"]) == (74, 22, 34)
    assert (after["actors"], after["topics"]) == (21, 23)
    assert (after["any_mode_2"], after["asserted_2"]) == (15, 9)
    assert after["three"] == THREE_SOURCES


def test_asserts_per_source(imported: Imported) -> None:
    store = imported.store
    rows = store.read(
        records,
        "MATCH (s:Source)-[a:ASSERTS]->() "
        "RETURN s.id AS source, count(a) AS asserts, "
        "sum(CASE WHEN a.stance = 'rejects' THEN 1 ELSE 0 END) AS rejects",
    )
    assert {r["source"]: (r["asserts"], r["rejects"]) for r in rows} == {
        "article-001": (107, 13),
        "wire-001": (25, 0),
        "statement-001": (25, 3),
    }


def test_one_claim_many_sources(imported: Imported) -> None:
    store = imported.store
    rows = store.read(records, SOURCES_PER_CLAIM_QUERY)
    asserting = {r["claim"]: set(r["asserting"]) for r in rows if len(r["asserting"]) >= 2}
    assert SHARED_WITH_ARTICLE | SHARED_BY_THE_SAMPLES == set(asserting)
    reports = store.read(
        records,
        "MATCH (s:Source)-[a:ASSERTS {stance: 'reports'}]->(:Claim {id: $id}) "
        "RETURN s.id AS source, a.speaker AS speaker",
        id=BOTH_REPORT,
    )
    assert {(r["source"], r["speaker"]) for r in reports} == {
        ("article-001", "netanyahu"),
        ("wire-001", "netanyahu"),
    }
    assert all("article-001" in asserting[claim] for claim in SHARED_WITH_ARTICLE)
    assert all(asserting[claim] == {"wire-001", "statement-001"} for claim in SHARED_BY_THE_SAMPLES)
    three = [r for r in rows if r["claim"] in THREE_SOURCES]
    assert all(set(r["asserting"]) == {"article-001", "wire-001", "statement-001"} for r in three)


def test_the_samples_attack_the_article(imported: Imported) -> None:
    store = imported.store
    rows = store.read(records, ATTACKS_ACROSS_QUERY)
    found = {(r["id"], r["source"], r["from_id"], r["to_id"]) for r in rows}
    assert found == ATTACKS_ON_THE_ARTICLE


def test_sample_metadata_is_fictional_and_honest(imported: Imported) -> None:
    store = imported.store
    rows = store.read(
        records,
        "MATCH (s:Source) WHERE s.id IN ['wire-001', 'statement-001'] "
        "OPTIONAL MATCH (s)-[:HAS_SLOT]->(slot:EvidenceSlot {status: 'open'}) "
        "RETURN s.id AS id, s.fictional AS fictional, s.title AS title, s.author AS author, "
        "s.url AS url, collect(slot.field) AS open_fields",
    )
    by_id = {r["id"]: r for r in rows}
    assert all(r["fictional"] is True for r in rows)
    assert all(r["title"].startswith("Fictional sample:") for r in rows)
    assert by_id["wire-001"]["author"] is None
    assert set(by_id["wire-001"]["open_fields"]) == {"author", "published_on", "url"}
    assert by_id["statement-001"]["author"] == "Tomas Reyland"
    assert set(by_id["statement-001"]["open_fields"]) == {"url"}


def test_quotes_are_their_offsets_and_actors_keep_their_aliases(imported: Imported) -> None:
    store = imported.store
    rows = store.read(
        records,
        "MATCH (s:Source)-[a:ASSERTS|ASSERTS_LINK]->(x) WHERE s.id <> 'article-001' "
        "RETURN s.text AS text, x.id AS id, a.quote AS quote, a.start AS start, a.end AS end",
    )
    assert len(rows) == 52  # 50 claim assertions and the two causal links'
    assert [r["id"] for r in rows if r["text"][r["start"] : r["end"]] != r["quote"]] == []
    israel = store.read(records, "MATCH (a:Actor {id: 'israel'}) RETURN a.aliases AS aliases")
    assert {"Israel", "Tel Aviv", "the Israeli government"} <= set(israel[0]["aliases"])


def test_the_imported_graph_breaks_no_curation_rule(imported: Imported) -> None:
    store = imported.store
    assert lint(store, imported.cypher_dir) == []


def test_importing_again_changes_nothing(imported: Imported) -> None:
    store = imported.store
    again = plan_import(store, STATEMENT, imported.cypher_dir)
    assert again.reuses_script
    assert not again.diff.writes_anything
    assert not any(again.diff.new.values())
    assert not any(again.diff.changed.values())
    assert (again.diff.newly_asserted, again.diff.aliases_grow, again.diff.new_assertions) == (
        [],
        {},
        0,
    )


def test_article_and_statement_disagree_where_the_statement_rejects(imported: Imported) -> None:
    """Issue 19: the statement's "not a deliberate political decision" is disagreement."""
    body = agreement(imported.store, "article-001", "statement-001")
    disagree = {c["claim_id"] for c in body["disagree"]}
    agree = {c["claim_id"] for c in body["agree"]}
    assert "c-second-phase-deliberately-stopped" in disagree
    assert "c-second-phase-deliberately-stopped" not in agree
    for claim in body["disagree"]:  # one side committed, the other rejects
        stances = {a["stance"] for a in claim["a"]} | {a["stance"] for a in claim["b"]}
        assert "rejects" in stances
    # the 7 claims both state: the statement rejects 4 of them (README, "Sample sources")
    assert (len(body["agree"]), len(body["disagree"]), len(body["reported"])) == (3, 4, 0)
    # one article attack since revision 2 (att-013 doubled att-007 and was retired)
    assert (len(body["a_attacks_b"]), len(body["b_attacks_a"])) == (1, 6)
    thrice = list_claims(imported.store, ClaimFilters(asserted_by_min=3), 1, 50)
    assert [item["id"] for item in thrice.items] == [
        "c-first-phase-announced",
        "c-second-phase-provisions",
    ]
