"""CSV in the layout `neo4j-admin database import full` reads: the fast bulk path.

One file per label (`node-Claim.csv`: `id:ID(Claim)`, typed property columns
such as `checkable:boolean`, `aliases:string[]`, and `:LABEL`) and one per
relationship type and pair of labels (`rel-HAS_SLOT-Claim-EvidenceSlot.csv`:
`:START_ID(Claim)`, `:END_ID(EvidenceSlot)`, typed properties, `:TYPE`); the
per-label ID spaces keep an actor and a topic with the same slug apart.
Arrays use neo4j-admin's default delimiter `;`; texts span lines, so the
import needs `--multiline-fields=true` (see `import_command`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from kb.export.loss import Loss, lost
from kb.export.properties import KeyTypes

ARRAY_DELIMITER = ";"


def node_file(label: str) -> str:
    return f"node-{label}.csv"


def rel_file(rel_type: str, start: str, end: str) -> str:
    return f"rel-{rel_type}-{start}-{end}.csv"


def _column(key: str, kind: str) -> str:
    if kind == "string":
        return key
    if kind == "other":
        return key  # kept as text; reported as a loss
    return f"{key}:{kind}"


def node_header(label: str, declared: dict[str, str]) -> list[str]:
    props = [_column(key, kind) for key, kind in declared.items() if key != "id"]
    return [f"id:ID({label})", *props, ":LABEL"]


def rel_header(start: str, end: str, declared: dict[str, str]) -> list[str]:
    props = [_column(key, kind) for key, kind in declared.items()]
    return [f":START_ID({start})", f":END_ID({end})", *props, ":TYPE"]


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind.endswith("[]") and isinstance(value, list | tuple):
        return ARRAY_DELIMITER.join(_cell(item, kind[:-2]) for item in value)
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False, default=str)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _lines(rows: Iterable[list[str]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def header_line(header: list[str]) -> str:
    return next(_lines([header]))


def node_lines(
    label: str, rows: Iterable[dict[str, Any]], declared: dict[str, str]
) -> Iterator[str]:
    """CSV lines (no header) for rows of {id, props} of one label."""
    keys = [key for key in declared if key != "id"]
    return _lines(
        [row["id"], *(_cell(row["props"].get(key), declared[key]) for key in keys), label]
        for row in rows
    )


def rel_lines(
    rel_type: str, rels: Iterable[dict[str, Any]], declared: dict[str, str]
) -> Iterator[str]:
    """CSV lines (no header) for relationships {start_id, end_id, props} of one type."""
    return _lines(
        [
            rel["start_id"],
            rel["end_id"],
            *(_cell(rel["props"].get(key), kind) for key, kind in declared.items()),
            rel_type,
        ]
        for rel in rels
    )


def import_arguments(node_files: list[str], rel_files: list[str]) -> list[str]:
    """The options of `neo4j-admin database import full <database>` for these files."""
    options = [
        "--overwrite-destination",
        "--multiline-fields=true",
        f"--array-delimiter={ARRAY_DELIMITER}",
    ]
    options += [f"--nodes={name}" for name in node_files]
    options += [f"--relationships={name}" for name in rel_files]
    return options


def import_command(node_files: list[str], rel_files: list[str], database: str = "neo4j") -> str:
    """The neo4j-admin command that loads these files into a fresh database."""
    options = [
        option.replace(f"={ARRAY_DELIMITER}", f'="{ARRAY_DELIMITER}"')
        for option in import_arguments(node_files, rel_files)
    ]
    # The database goes first: the file options take several values each, so a trailing
    # database name would be read as one more file.
    return " \\\n  ".join([f"neo4j-admin database import full {database}", *options]) + "\n"


def losses(types: KeyTypes) -> list[Loss]:
    """Values neo4j-admin cannot type (points, mixed-type keys) travel as strings."""
    others = {
        f"{name.split(':')[0]}.{key}": types.values.get((scope, name, key), 0)
        for (scope, name), keys in sorted(types.types.items())
        for key, kind in keys.items()
        if kind == "other"
    }
    note = f"values of {', '.join(others)}: no neo4j-admin column type; kept as strings"
    return lost("untyped values", sum(others.values()), note)
