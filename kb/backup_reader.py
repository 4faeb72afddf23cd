"""Reading a backup file: check all of it, then hand out its rows in batches.

A restore calls `check_file` before it writes anything: every line is read,
decoded and checked (header, kinds and their order, unique node ids, every
relationship's two ends among the nodes, every tagged value, the counts and
the SHA-256 of the body in the end line). Only a file that passes is loaded;
`rows` reads it a second time and checks the hash again, so a file changed
between the two reads is noticed before the staged data is swapped in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb import backup_format as fmt
from kb.errors import BackupError

# Labels and a relationship type a restore uses for its own staging (kb.services.restore).
RESERVED_LABELS = frozenset({"KbRestoreStaged", "KbRestore"})
RESERVED_TYPES = frozenset({"KB_RESTORE_STAGED"})


@dataclass(frozen=True)
class CheckedBackup:
    """What a checked file holds; `sha256` is None for a version 1 file (no hash)."""

    version: int
    nodes: int
    relationships: int
    sha256: str | None


@dataclass
class _Scan:
    """State of one pass over the file."""

    node_ids: set[str]
    relationships: int = 0
    in_relationships: bool = False


def check_file(path: Path) -> CheckedBackup:
    """Read and check the whole backup at `path`; `BackupError` naming the first fault."""
    entries = _entries(path)
    while True:
        try:
            next(entries)
        except StopIteration as done:
            summary: CheckedBackup = done.value
            return summary


def rows(path: Path, kind: str, batch: int) -> Iterator[list[dict[str, Any]]]:
    """The file's nodes or relationships (`kind`), decoded, `batch` rows at a time.

    The file is checked again on the way (the hash at the end): a `BackupError`
    after the last batch means it changed since `check_file`.
    """
    pending: list[dict[str, Any]] = []
    for line_kind, row in _entries(path):
        if line_kind != kind:
            continue
        pending.append(row)
        if len(pending) >= batch:
            yield pending
            pending = []
    if pending:
        yield pending


def _entries(path: Path) -> Generator[tuple[str, dict[str, Any]], None, CheckedBackup]:
    """Every node and relationship of the file as `(kind, row)`, checked; returns the summary."""
    body = hashlib.sha256()
    scan = _Scan(node_ids=set())
    try:
        source = path.open("rb")
    except OSError as exc:
        raise BackupError(f"cannot read the backup {path}: {exc.strerror}") from exc
    with source:
        first = source.readline()
        header = _parse(first, 1, complete=first.endswith(b"\n")) if first.strip() else {}
        version = fmt.check_header(header)
        number = 1
        for raw in source:
            number += 1
            line = _parse(raw, number, raw.endswith(b"\n")) if raw.strip() else None
            if line is not None and line.get("kind") == "end":
                summary = _finish(line, number, version, body.hexdigest(), scan)
                if source.read().strip():
                    raise BackupError(f"the backup has data after its end line (line {number})")
                return summary
            body.update(raw)
            if line is not None:
                yield _row(line, number, scan)
    raise BackupError(
        f"the backup is truncated: it ends at line {number} without its end line "
        "(nothing was restored)"
    )


def _parse(raw: bytes, number: int, complete: bool) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BackupError(f"line {number} of the backup is not UTF-8 text (damaged)") from exc
    try:
        return fmt.loads(text, number)
    except BackupError:
        if not complete:
            raise BackupError(
                f"the backup is truncated: line {number} is cut off (nothing was restored)"
            ) from None
        raise


def _row(line: dict[str, Any], number: int, scan: _Scan) -> tuple[str, dict[str, Any]]:
    kind = line.get("kind")
    if kind == "node":
        if scan.in_relationships:
            raise BackupError(f"line {number}: a node after the relationships")
        row = _node_row(line, number)
        if row["id"] in scan.node_ids:
            raise BackupError(f"line {number}: node id {row['id']!r} appears twice")
        scan.node_ids.add(row["id"])
        return "node", row
    if kind == "relationship":
        scan.in_relationships = True
        row = _relationship_row(line, number)
        for end in (row["start"], row["end"]):
            if end not in scan.node_ids:
                raise BackupError(
                    f"line {number}: a relationship to node {end!r}, which the backup "
                    "does not contain (the backup has relationships whose nodes it does "
                    "not contain)"
                )
        scan.relationships += 1
        return "relationship", row
    raise BackupError(f"line {number} of the backup has unknown kind {kind!r}")


def _finish(
    line: dict[str, Any], number: int, version: int, digest: str, scan: _Scan
) -> CheckedBackup:
    listed = (line.get("nodes"), line.get("relationships"))
    found = (len(scan.node_ids), scan.relationships)
    if listed != found:
        raise BackupError(
            f"the backup holds {found[0]} nodes and {found[1]} relationships, but its end "
            f"line (line {number}) lists {listed[0]} and {listed[1]}"
        )
    expected = line.get("sha256")
    if version >= 2 and expected != digest:
        raise BackupError(
            "the backup's content does not match the SHA-256 in its end line: the file "
            "was changed or damaged after it was written"
        )
    return CheckedBackup(version, found[0], found[1], digest if version >= 2 else None)


def _node_row(line: dict[str, Any], number: int) -> dict[str, Any]:
    try:
        labels = [_name(label) for label in line["labels"]]
        row = {
            "id": _name(line["id"]),
            "labels": labels,
            "properties": _properties(line["properties"]),
        }
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise BackupError(f"line {number} of the backup is not a valid node") from exc
    if not labels or RESERVED_LABELS & set(labels):
        raise BackupError(f"line {number} of the backup is not a valid node (its labels)")
    return row


def _relationship_row(line: dict[str, Any], number: int) -> dict[str, Any]:
    try:
        row = {
            "start": _name(line["start"]),
            "end": _name(line["end"]),
            "type": _name(line["type"]),
            "properties": _properties(line["properties"]),
        }
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise BackupError(f"line {number} of the backup is not a valid relationship") from exc
    if row["type"] in RESERVED_TYPES:
        raise BackupError(f"line {number} of the backup is not a valid relationship (its type)")
    return row


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("not a non-empty string")
    return value


def _properties(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("properties are not an object")
    return fmt.decode_properties(value)
