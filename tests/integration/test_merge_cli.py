"""`kb claims merge|unmerge`: one line of output each, one-line errors."""

from __future__ import annotations

from kb.config import Settings
from kb.db import Store
from tests.graph_snapshot import GraphSnapshot
from tests.integration.test_cli import assert_one_line_error, run_kb

SURVIVOR = "c-netanyahu-survives-on-endless-war"
MERGED = "c-netanyahu-rejects-second-phase"


def test_merge_and_unmerge_from_the_command_line(
    seeded_store: Store, neo4j_settings: Settings
) -> None:
    before = GraphSnapshot.take(seeded_store)
    merged = run_kb(neo4j_settings, "claims", "merge", SURVIVOR, MERGED, "--reason", "same")
    assert merged.returncode == 0, merged.stderr
    assert f"merged {MERGED} into {SURVIVOR}" in merged.stdout
    assert "relationships moved" in merged.stdout
    again = run_kb(neo4j_settings, "claims", "merge", SURVIVOR, MERGED, "--reason", "same")
    assert_one_line_error(again, f"claim '{MERGED}' is already merged into '{SURVIVOR}'")
    back = run_kb(neo4j_settings, "claims", "unmerge", MERGED, "--reason", "differs")
    assert back.returncode == 0, back.stderr
    assert f"unmerged {MERGED} from {SURVIVOR}" in back.stdout
    after = GraphSnapshot.take(seeded_store)
    assert after.content_except("Event", "ClaimMerge") == before.content_except(
        "Event", "ClaimMerge"
    )


def test_merge_errors_are_one_line(seeded_store: Store, neo4j_settings: Settings) -> None:
    unknown = run_kb(neo4j_settings, "claims", "merge", SURVIVOR, "c-nope", "--reason", "x")
    assert_one_line_error(unknown, "claim 'c-nope' not found")
    looped = run_kb(
        neo4j_settings,
        "claims",
        "merge",
        "c-second-phase-deliberately-stopped",
        MERGED,
        "--reason",
        "x",
    )
    assert_one_line_error(looped, "would support, attack or cause itself")
    missing_reason = run_kb(neo4j_settings, "claims", "unmerge", MERGED)
    assert missing_reason.returncode != 0
    assert "--reason" in missing_reason.stderr
