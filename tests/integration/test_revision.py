"""`kb import` on an applied source: a revision re-anchors, retires and records, never corrupts."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from kb.config import CYPHER_DIR, Settings
from kb.db import Store
from kb.derived import full
from kb.derived.oracle import assess
from kb.lint.rules import check
from kb.repositories import lint as lint_repo
from kb.services.annotation import apply_import, plan_import
from tests.integration.test_cli import run_kb

TEXT_1 = (
    "Mediators met in Cairo. The ceasefire began on Monday after weeks of talks. "
    "Officials said on Tuesday that the second round of talks had stalled over the crossings. "
    "Critics argued that the whole plan was doomed from the start."
)
# One word inside a quote changed, text inserted before every quote, one sentence dropped.
TEXT_2 = (
    "UPDATED. Mediators met in Cairo on Sunday. The ceasefire began on Monday after weeks of "
    "talks. Officials said on Wednesday that the second round of talks had stalled over the "
    "crossings."
)


def annotation(text: str, *, with_doomed: bool, why: str | None = None) -> dict[str, Any]:
    claims = [
        {
            "id": "c-rv-began",
            "text": "The ceasefire began on Monday.",
            "type": "factual",
            "quote": "The ceasefire began on Monday",
        },
        {
            "id": "c-rv-stalled",
            "text": "The second round of talks stalled over the crossings.",
            "type": "factual",
            "quote": "Officials said on Tuesday that the second round of talks had stalled",
        },
    ]
    links = []
    if with_doomed:
        claims.append(
            {
                "id": "c-rv-doomed",
                "text": "The plan was doomed from the start.",
                "type": "factual",
                "quote": "the whole plan was doomed from the start",
            }
        )
        links.append(
            {
                "id": "sup-rv-001",
                "kind": "supports",
                "from": "c-rv-stalled",
                "to": "c-rv-doomed",
                "basis": "curator",
                "rationale": "the stall is the critics' evidence",
                "quote": "Critics argued that the whole plan was doomed",
            }
        )
    data: dict[str, Any] = {
        "format": "kb-annotation/1",
        "source": {
            "id": "fixture-revised",
            "title": "A fictional wire item, revised (test fixture)",
            "kind": "news_report",
            "language": "en",
            "fictional": True,
            "text": text,
        },
        "claims": claims,
        "links": links,
    }
    if why:
        data["revision"] = {"why": why}
    return data


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def spans_match_text(store: Store) -> list[dict[str, Any]]:
    """Every current span of any source that differs from its text (none expected)."""
    return store.read(
        lambda tx: tx.run(
            "MATCH (s:Source)-[a:ASSERTS|ASSERTS_LINK]->(t) "
            "WHERE substring(s.text, a.start, a.end - a.start) <> a.quote "
            "RETURN s.id AS source, t.id AS id, a.start AS start, a.quote AS quote "
            "UNION ALL "
            "MATCH (s:Source)<-[]-(:Claim) WITH DISTINCT s "
            "MATCH (:Claim)-[r:SUPPORTS|ATTACKS]->(t:Claim) WHERE r.source_id = s.id "
            "  AND substring(s.text, r.start, r.end - r.start) <> r.quote "
            "RETURN s.id AS source, r.id AS id, r.start AS start, r.quote AS quote"
        ).data()
    )


def assert_invariants(store: Store) -> None:
    """Spans equal the text, none twice, stored status and standing equal the oracle."""
    assert spans_match_text(store) == []
    twice = store.read(
        lambda tx: tx.run(
            "MATCH (s:Source)-[a:ASSERTS|ASSERTS_LINK]->(t) "
            "WITH s.id AS source, t.id AS target, a.stance AS stance, a.quote AS quote, "
            "  count(*) AS n WHERE n > 1 RETURN source, target, quote, n"
        ).data()
    )
    assert twice == []
    oracle = assess(store)
    stored = store.read(
        lambda tx: tx.run(
            "MATCH (c:Claim) RETURN c.id AS id, c.status AS status, c.standing AS standing"
        ).data()
    )
    for row in stored:
        assert row["status"] == oracle.status_of(row["id"]), row
        if row["standing"] is not None or row["id"] in oracle.standing:
            assert row["standing"] == oracle.standing_of(row["id"]), row
    assert list(full.drift(store)) == []
    lint = store.read(lambda tx: check(lint_repo.claim_rows(tx), lint_repo.link_rows(tx)))
    assert [v for v in lint if v.rule in ("span-matches-text", "duplicate-link")] == []


def test_revision_reanchors_retires_and_records(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    first = write(tmp_path / "v1.yaml", annotation(TEXT_1, with_doomed=True))
    apply_import(seeded_store, plan_import(seeded_store, first, cypher_dir), cypher_dir)
    assert_invariants(seeded_store)

    second = write(
        tmp_path / "v2.yaml",
        annotation(TEXT_2, with_doomed=False, why="the agency corrected the day"),
    )
    args = ("--cypher-dir", str(cypher_dir))
    dry = run_kb(neo4j_settings, "import", str(second), "--dry-run", *args)
    assert dry.returncode == 0, dry.stderr
    assert "revision 2: the agency corrected the day" in dry.stdout
    assert "span moved: claim:c-rv-began (24 -> 43)" in dry.stdout
    assert "span fuzzy: claim:c-rv-stalled" in dry.stdout
    assert "claim retired unless another source asserts it: c-rv-doomed" in dry.stdout
    assert "link retired: sup-rv-001" in dry.stdout
    assert "span orphaned, appearance retired: claim:c-rv-doomed" in dry.stdout

    applied = run_kb(neo4j_settings, "import", str(second), "--apply", *args)
    assert applied.returncode == 0, applied.stderr
    assert_invariants(seeded_store)
    state = seeded_store.read(
        lambda tx: tx.run(
            "MATCH (s:Source {id: 'fixture-revised'}) "
            "RETURN s.revision AS revision, "
            "  [(s)-[:HAS_REVISION]->(r) | r.number] AS numbers, "
            "  [(s)-[a:ASSERTS]->(c) | c.id + '@' + toString(a.start)] AS asserts, "
            "  COUNT { MATCH (r:RetiredAppearance {source_id: s.id}) } AS retired, "
            "  COUNT { MATCH (:Claim {id: 'c-rv-doomed'}) } AS live_doomed, "
            "  [(c:RetiredClaim {id: 'c-rv-doomed'})-[:HAS_SLOT]->(slot) | slot.id] AS slots, "
            "  COLLECT { MATCH (l:SupersededLink {id: 'sup-rv-001'}) RETURN l.reason }"
            " AS superseded, "
            "  COLLECT { MATCH (e:Event {target_id: 'c-rv-doomed'}) RETURN e.kind } AS events"
        ).single()
    )
    assert state is not None
    assert state["revision"] == 2 and sorted(state["numbers"]) == [1, 2]
    assert sorted(state["asserts"]) == ["c-rv-began@43", "c-rv-stalled@95"]
    assert state["retired"] == 1 and state["live_doomed"] == 0
    assert state["slots"] == ["slot-c-rv-doomed-1"]  # the retired claim keeps its evidence slot
    assert state["superseded"] == ["revision 2 of fixture-revised: the agency corrected the day"]
    assert sorted(state["events"]) == ["appearance_retired", "claim_retired"]

    again = plan_import(seeded_store, second, cypher_dir)
    assert again.reuses_script and again.already_applied == 2 and again.revision is None

    # The claim comes back when a third revision asserts it again.
    third = write(tmp_path / "v3.yaml", annotation(TEXT_1, with_doomed=True, why="reverted"))
    plan = plan_import(seeded_store, third, cypher_dir)
    assert plan.revision is not None and plan.revision.revived_claims == ["c-rv-doomed"]
    apply_import(seeded_store, plan, cypher_dir)
    assert_invariants(seeded_store)
    live = seeded_store.read(
        lambda tx: tx.run(
            "MATCH (c:Claim {id: 'c-rv-doomed'}) RETURN labels(c) AS labels, "
            "c.retired_in AS retired_in"
        ).single()
    )
    assert live is not None and live["retired_in"] is None
    assert "RetiredClaim" not in live["labels"] and "Factual" in live["labels"]


def test_an_orphaned_quote_is_one_error_naming_it(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    first = write(tmp_path / "v1.yaml", annotation(TEXT_1, with_doomed=False))
    apply_import(seeded_store, plan_import(seeded_store, first, cypher_dir), cypher_dir)
    rewritten = TEXT_1.replace(
        "Officials said on Tuesday that the second round of talks had stalled",
        "Nobody knows what happened next in the negotiations at all",
    )
    second = write(tmp_path / "v2.yaml", annotation(rewritten, with_doomed=False))
    result = run_kb(neo4j_settings, "import", str(second), "--cypher-dir", str(cypher_dir))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "quote-not-found" in line]
    assert len(lines) == 1
    assert "cannot be re-anchored" in lines[0] and "Officials said on Tuesday" in lines[0]


def test_a_causal_link_the_revision_drops_is_superseded_with_its_evidence(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    """A causal link the revised file no longer states, asserted by no other source,
    becomes a SupersededCausalLink whose reason names the revision; its slot and its
    ends stay readable, and it no longer joins its claims as a CausalLink."""
    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    data = annotation(TEXT_1, with_doomed=False)
    data["causal_links"] = [
        {
            "id": "cl-rv-start-stalls-talks",
            "cause": "c-rv-began",
            "effect": "c-rv-stalled",
            "mechanism": "The start moved the talks to the crossings, where they stalled.",
            "quote": "Officials said on Tuesday that the second round of talks had stalled",
            "basis": "curator",
            "rationale": "the stall follows the start in the report",
        }
    ]
    first = write(tmp_path / "v1.yaml", data)
    apply_import(seeded_store, plan_import(seeded_store, first, cypher_dir), cypher_dir)
    second = write(
        tmp_path / "v2.yaml",
        annotation(TEXT_1, with_doomed=False, why="the causal reading was ours, not the text's"),
    )
    args = ("--cypher-dir", str(cypher_dir))
    dry = run_kb(neo4j_settings, "import", str(second), "--dry-run", *args)
    assert dry.returncode == 0, dry.stderr
    assert "  causal link retired: cl-rv-start-stalls-talks" in dry.stdout.splitlines()
    assert "span orphaned, appearance retired: causal:cl-rv-start-stalls-talks" in dry.stdout
    assert "+ cl-rv-start-stalls-talks" not in dry.stdout  # not reported as new

    applied = run_kb(neo4j_settings, "import", str(second), "--apply", *args)
    assert applied.returncode == 0, applied.stderr
    assert_invariants(seeded_store)
    state = seeded_store.read(
        lambda tx: tx.run(
            "MATCH (l:SupersededCausalLink {id: 'cl-rv-start-stalls-talks'}) "
            "RETURN labels(l) AS labels, l.superseded_reason AS reason, "
            "  l.mechanism AS mechanism, "
            "  [(c)-[:CAUSE_OF]->(l) | c.id] AS causes, [(l)-[:LEADS_TO]->(e) | e.id] AS effects, "
            "  [(l)-[:HAS_SLOT]->(slot) | slot.id] AS slots, "
            "  COUNT { MATCH (:Claim)-[:CAUSE_OF]->(:CausalLink {id: l.id}) } AS live, "
            "  COUNT { MATCH (r:RetiredAppearance {target_id: l.id}) } AS retired_appearances"
        ).single()
    )
    assert state is not None
    assert "CausalLink" not in state["labels"] and state["live"] == 0
    assert state["reason"] == (
        "revision 2 of fixture-revised: the causal reading was ours, not the text's"
    )
    assert state["mechanism"].startswith("The start moved the talks")
    assert state["causes"] == ["c-rv-began"] and state["effects"] == ["c-rv-stalled"]
    assert state["slots"] == ["slot-cl-rv-start-stalls-talks-1"]
    assert state["retired_appearances"] == 1


def test_a_ref_to_a_retired_claim_says_it_is_retired_and_how_to_revive_it(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    args = ("--cypher-dir", str(cypher_dir))
    for name, with_doomed in (("v1.yaml", True), ("v2.yaml", False)):
        path = write(tmp_path / name, annotation(TEXT_1, with_doomed=with_doomed, why=name))
        assert run_kb(neo4j_settings, "import", str(path), "--apply", *args).returncode == 0
    other = annotation("Critics argued that the whole plan was doomed.", with_doomed=False)
    other["source"]["id"] = "fixture-other"
    other["claims"] = [{"ref": "c-rv-doomed", "quote": "the whole plan was doomed"}]
    path = write(tmp_path / "other.yaml", other)
    result = run_kb(neo4j_settings, "import", str(path), "--dry-run", *args)
    assert result.returncode == 1
    problems = result.stderr.strip().splitlines()[:-1]
    assert problems == [
        f"{path}:10: retired-claim: claim 'c-rv-doomed' is retired (revision 2 of "
        "fixture-revised); to revive it, assert it again with `id: c-rv-doomed` and its text "
        "instead of `ref`"
    ], result.stderr
    # As the message says: asserted again with its id (and text), the claim comes back.
    other["claims"] = [
        {
            "id": "c-rv-doomed",
            "text": "The plan was doomed from the start.",
            "type": "factual",
            "quote": "the whole plan was doomed",
        }
    ]
    revived = run_kb(neo4j_settings, "import", str(write(path, other)), "--apply", *args)
    assert revived.returncode == 0, revived.stderr
    live = seeded_store.read(
        lambda tx: tx.run(
            "MATCH (c {id: 'c-rv-doomed'}) RETURN labels(c) AS labels, "
            "[(c)-[:HAS_SLOT]->(slot) | slot.id] AS slots"
        ).data()
    )
    assert len(live) == 1 and "Claim" in live[0]["labels"], live  # one node, not a copy
    assert "RetiredClaim" not in live[0]["labels"]
    assert live[0]["slots"] == ["slot-c-rv-doomed-1"]
