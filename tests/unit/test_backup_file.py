"""`kb backup FILE` leaves FILE only when the backup succeeded (never a partial one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.cli.backup import _atomic_text


def test_a_failed_backup_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "graph.jsonl"
    target.write_text("the good backup", "utf-8")
    with pytest.raises(RuntimeError), _atomic_text(target) as out:
        out.write("half a backup")
        raise RuntimeError("the graph kept changing")
    assert target.read_text("utf-8") == "the good backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.jsonl"]


def test_a_finished_backup_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.jsonl"
    with _atomic_text(target) as out:
        out.write("a whole backup")
    assert target.read_text("utf-8") == "a whole backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.jsonl"]
