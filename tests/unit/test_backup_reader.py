"""The whole-file check a restore runs before its first write (no database needed)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from kb.backup_reader import check_file, rows
from kb.errors import BackupError

HEADER = {"format": "claim-kb-backup", "version": 2}
NODES = [
    {"kind": "node", "id": "a", "labels": ["Claim"], "properties": {"id": "c-1", "text": "é"}},
    {"kind": "node", "id": "b", "labels": ["Actor"], "properties": {"d": {"$date": "2024-02-29"}}},
]
RELATIONSHIP = {
    "kind": "relationship",
    "id": "r",
    "type": "ASSERTS",
    "start": "b",
    "end": "a",
    "properties": {},
}


def _line(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":")) + "\n"


def _backup(body_lines: list[dict[str, object]], **end: object) -> str:
    body = "".join(_line(line) for line in body_lines)
    nodes = sum(line["kind"] == "node" for line in body_lines)
    final = {
        "kind": "end",
        "nodes": nodes,
        "relationships": len(body_lines) - nodes,
        "sha256": hashlib.sha256(body.encode()).hexdigest(),
        **end,
    }
    return _line(HEADER) + body + _line(final)


def _write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "backup.jsonl"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def test_a_good_file_passes_and_gives_its_rows_in_batches(tmp_path: Path) -> None:
    path = _write(tmp_path, _backup([*NODES, RELATIONSHIP]))
    checked = check_file(path)
    assert (checked.version, checked.nodes, checked.relationships) == (2, 2, 1)
    batches = list(rows(path, "node", 1))
    assert [[row["id"] for row in batch] for batch in batches] == [["a"], ["b"]]
    assert [row["start"] for batch in rows(path, "relationship", 10) for row in batch] == ["b"]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda text: text[: len(text) // 2], "truncated"),
        (lambda text: text.rsplit("\n", 2)[0] + "\n", "without its end line"),
        (lambda text: text.replace("c-1", "c-2"), "does not match the SHA-256"),
        (lambda text: text + _line(NODES[0]), "data after its end line"),
        (lambda text: text.replace('"version":2', '"version":3'), "version 3"),
    ],
)
def test_damage_is_found(tmp_path: Path, damage: object, message: str) -> None:
    text = _backup([*NODES, RELATIONSHIP])
    with pytest.raises(BackupError, match=message):
        check_file(_write(tmp_path, damage(text)))  # type: ignore[operator]


def test_bytes_that_are_not_utf8_are_named_by_line(tmp_path: Path) -> None:
    data = _backup([*NODES, RELATIONSHIP]).encode()
    damaged = data.replace(b"c-1", b"\xff\xfe\xfd")  # in line 2
    with pytest.raises(BackupError, match="line 2 of the backup is not UTF-8"):
        check_file(_write(tmp_path, damaged))


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([NODES[0], NODES[0]], "appears twice"),
        ([NODES[0], RELATIONSHIP], "does not contain"),
        ([*NODES, RELATIONSHIP, NODES[0]], "a node after the relationships"),
        ([{**NODES[0], "labels": []}], "not a valid node"),
        ([{**NODES[0], "labels": ["KbRestoreStaged"]}], "not a valid node"),
        ([*NODES, {**RELATIONSHIP, "type": ""}], "not a valid relationship"),
        ([{"kind": "edge"}], "unknown kind"),
    ],
)
def test_structure_is_checked_even_with_a_matching_hash(
    tmp_path: Path, lines: list[dict[str, object]], message: str
) -> None:
    with pytest.raises(BackupError, match=message):
        check_file(_write(tmp_path, _backup(lines)))


def test_counts_must_match_the_end_line(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="lists 5 and 1"):
        check_file(_write(tmp_path, _backup([*NODES, RELATIONSHIP], nodes=5)))


def test_a_version_1_file_has_no_hash_to_check(tmp_path: Path) -> None:
    text = _backup([*NODES, RELATIONSHIP]).replace('"version":2', '"version":1')
    lines = text.splitlines(keepends=True)
    end = json.loads(lines[-1])
    del end["sha256"]
    checked = check_file(_write(tmp_path, "".join(lines[:-1]) + _line(end)))
    assert checked.version == 1 and checked.sha256 is None
