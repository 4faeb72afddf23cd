"""`kb import` on bad files: every problem names the file, the line and the rule.

Each fixture under tests/fixtures/annotations/ breaks one rule; the import
must refuse it with that rule's message and write nothing (no script, no
change to the graph).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.config import CYPHER_DIR, Settings
from kb.db import Store
from kb.services.annotation import AnnotationError, plan_import
from tests.graph_snapshot import GraphSnapshot
from tests.integration.test_cli import run_kb

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "annotations"

CASES = [
    (
        "quote_not_found.yaml",
        13,
        "quote-not-found",
        "quote 'The crossing closed on Monday' does not occur in the text; closest passage at"
        " line 1, column 1: 'The crossing reopened on Monday'; first difference at character"
        " 14 of the quote:",
    ),
    (
        "ambiguous_quote.yaml",
        13,
        "ambiguous-quote",
        "quote 'talks resumed' occurs 2 times: add `occurrence: N` (1-2)",
    ),
    (
        "unknown_id.yaml",
        14,
        "unknown-id",
        "actor 'no-such-actor' is neither defined in this file nor in the database",
    ),
    (
        "duplicate_id.yaml",
        14,
        "duplicate-id",
        "claim id 'c-fx-crossing-reopened' is already used on line 10",
    ),
    (
        "marker_not_in_quote.yaml",
        25,
        "marker-not-in-quote",
        "marker 'therefore' does not occur in the link's quote",
    ),
    (
        "cycle.yaml",
        19,
        "cycle",
        "support/causal cycle through c-fx-crossing-reopened -> c-fx-talks-resumed"
        " (links sup-fx-1, sup-fx-2)",
    ),
    (
        "lint_rule.yaml",
        10,
        "reported-speech",
        "c-fx-officials-said-talks-resumed: reported speech with no speaker, not unattributed",
    ),
    (
        # The loop runs through the article's sup-001: the violation's id is an existing
        # link, the line is the file's link that closes it.
        "cycle_through_existing.yaml",
        16,
        "no-cycle",
        "sup-001: support/causal cycle through c-second-phase-decisive-moment ->"
        " c-second-phase-provisions (links sup-001, sup-fx-back)",
    ),
    ("unknown_key.yaml", 14, "unknown-key", "unknown key 'confidence'"),
    (
        "ref_with_definition.yaml",
        11,
        "schema",
        "`text` does not go with `ref` (it belongs where claim 'c-second-phase-stopped'",
    ),
    ("schema_violation.yaml", 12, "schema", "claims/0/type: 'rumour' is not one of"),
]


@pytest.mark.parametrize(("fixture", "line", "rule", "message"), CASES)
def test_bad_file_is_refused_with_file_line_and_rule(
    seeded_store: Store, tmp_path: Path, fixture: str, line: int, rule: str, message: str
) -> None:
    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    before = GraphSnapshot.take(seeded_store).content
    scripts_before = sorted(p.name for p in (cypher_dir / "seed").iterdir())
    path = FIXTURES / fixture
    with pytest.raises(AnnotationError) as raised:
        plan_import(seeded_store, path, cypher_dir)
    lines = [str(problem) for problem in raised.value.problems]
    assert any(text.startswith(f"{path}:{line}: {rule}: ") and message in text for text in lines), (
        lines
    )
    assert GraphSnapshot.take(seeded_store).content == before
    assert sorted(p.name for p in (cypher_dir / "seed").iterdir()) == scripts_before


def test_cli_prints_each_problem_and_exits_non_zero(
    seeded_store: Store, neo4j_settings: Settings
) -> None:
    """The CLI: one stderr line per problem, then the summary, exit 1, no traceback."""
    path = FIXTURES / "quote_not_found.yaml"
    result = run_kb(neo4j_settings, "import", str(path), "--dry-run")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"{path}:13: quote-not-found: ")
    assert "1 problem(s)" in lines[-1] and "nothing written" in lines[-1]


CORRUPTED = {
    "not-utf8": b"format: kb-annotation/1\nsource:\n  title: caf\xe9\n",
    "empty": b"",
    "yaml-syntax": b"format: kb-annotation/1\nsource: [unclosed\n",
    "schema": b"format: kb-annotation/1\nsource: 12\n",
    "unknown-key": b"format: kb-annotation/1\nsurce: {}\n",
    "quote-not-found": (FIXTURES / "quote_not_found.yaml")
    .read_bytes()
    .replace(b"reopened on Monday.", b"reopened\\non Monday.", 1)
    .replace(b"closed on Monday", b"reopened on Monday"),
}


@pytest.mark.parametrize("rule", sorted(CORRUPTED))
def test_cli_answers_a_corrupted_file_in_one_line_per_problem(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path, rule: str
) -> None:
    """`kb import --dry-run` on each kind of broken file: exit 1, no traceback, nothing written."""
    path = tmp_path / f"{rule}.yaml"
    path.write_bytes(CORRUPTED[rule])
    before = GraphSnapshot.take(seeded_store).content
    seed_before = sorted(p.name for p in (CYPHER_DIR / "seed").iterdir())
    result = run_kb(neo4j_settings, "import", str(path), "--dry-run")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    *problems, summary = result.stderr.strip().splitlines()
    assert problems and all(line.startswith(f"{path}:") for line in problems), result.stderr
    assert problems[0].split(": ")[1] == rule, problems
    assert "nothing written" in summary
    assert GraphSnapshot.take(seeded_store).content == before
    assert sorted(p.name for p in (CYPHER_DIR / "seed").iterdir()) == seed_before


def test_quote_with_a_straight_apostrophe_names_the_curly_one(tmp_path: Path) -> None:
    from kb.annotation.anchors import AnchorError, anchor

    with pytest.raises(AnchorError) as raised:
        anchor("He said: “it’s over” and left.", "it's over", None)
    assert str(raised.value).endswith(
        "closest passage at line 1, column 11: 'it’s over'; first difference at character 3"
        " of the quote: ’ (U+2019) in the text, ' in the quote"
    )


def test_an_import_arguing_from_a_rejected_view_is_refused_and_writes_nothing(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    """The article records c-view-us-mediator as a rejected view: no file may rest a
    link on it (`rejected-view-not-premise`), even one whose source asserts it."""
    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    before = GraphSnapshot.take(seeded_store).content
    scripts_before = sorted(p.name for p in (cypher_dir / "seed").iterdir())
    path = FIXTURES / "rejected_view_premise.yaml"
    result = run_kb(neo4j_settings, "import", str(path), "--apply", "--cypher-dir", str(cypher_dir))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    *problems, summary = result.stderr.strip().splitlines()
    assert problems == [
        f"{path}:16: rejected-view-not-premise: sup-fx-from-rejected-view: c-view-us-mediator"
        " is recorded as a rejected view, yet supports c-us-unable-to-stop-killings"
    ], result.stderr
    assert "nothing written" in summary
    assert GraphSnapshot.take(seeded_store).content == before
    assert sorted(p.name for p in (cypher_dir / "seed").iterdir()) == scripts_before
