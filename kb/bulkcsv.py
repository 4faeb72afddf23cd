"""Read CSV in `neo4j-admin database import` layout, streamed in batches for UNWIND.

The layout is the one `kb export neo4j-csv` and `bench/graphgen.py` write: one
`node-<Label>.csv` per label (`id:ID(<Label>)`, typed property columns such as
`checkable:boolean`, `aliases:string[]`, `:LABEL`) and one `rel-<TYPE>-<Start>-<End>.csv`
per relationship type and pair of labels (`:START_ID(<Start>)`, `:END_ID(<End>)`,
properties, `:TYPE`). neo4j-admin reads these files as they are; the UNWIND path
(`kb bulk-load` on a database that already has data) reads them here, one batch
at a time, so memory stays flat however large the files are.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from kb.errors import KbError

ARRAY_DELIMITER = ";"
NODE_FILE = re.compile(r"^node-(?P<label>[A-Za-z]+)\.csv$")
REL_FILE = re.compile(r"^rel-(?P<type>[A-Z_]+)-(?P<start>[A-Za-z]+)-(?P<end>[A-Za-z]+)\.csv$")
_SPECIAL = (":LABEL", ":TYPE", ":IGNORE")
# Fields of quoted multi-line texts (source texts) can be long.
csv.field_size_limit(1 << 30)


class BulkLoadError(KbError):
    """A bulk load cannot start or cannot go on (bad files, non-empty database, ...)."""


@dataclass(frozen=True)
class ImportFile:
    """One CSV file of the import layout: a label's nodes or a relationship type's links."""

    path: Path
    label: str = ""  # node files
    rel_type: str = ""  # relationship files
    start: str = ""
    end: str = ""

    @property
    def is_node(self) -> bool:
        return bool(self.label)

    @property
    def key(self) -> str:
        return self.label if self.is_node else f"{self.rel_type}-{self.start}-{self.end}"


def discover(directory: Path) -> list[ImportFile]:
    """The import files of `directory`: node files first, then relationship files."""
    if not directory.is_dir():
        raise BulkLoadError(f"{directory} is not a directory")
    nodes, rels = [], []
    for path in sorted(directory.glob("*.csv")):
        if match := NODE_FILE.match(path.name):
            nodes.append(ImportFile(path, label=match["label"]))
        elif match := REL_FILE.match(path.name):
            rels.append(
                ImportFile(path, rel_type=match["type"], start=match["start"], end=match["end"])
            )
    if not nodes:
        raise BulkLoadError(
            f"{directory} has no node-<Label>.csv file (expected neo4j-admin's import layout, "
            "as written by `kb export neo4j-csv` or bench/graphgen.py)"
        )
    return nodes + rels


def _converter(kind: str) -> Callable[[str], Any]:
    base = kind[:-2] if kind.endswith("[]") else kind
    one: Callable[[str], Any]
    if base in ("int", "long", "short", "byte"):
        one = int
    elif base in ("float", "double"):
        one = float
    elif base == "boolean":
        one = lambda text: text.strip().lower() == "true"  # noqa: E731
    else:  # string, and temporal types travel as their ISO text
        one = str
    if kind.endswith("[]"):
        return lambda text: [one(item) for item in text.split(ARRAY_DELIMITER)]
    return one


def _columns(header: list[str], path: Path) -> list[tuple[int, str, Callable[[str], Any]]]:
    """(position, property, converter) of each property column, ids and specials excluded."""
    columns = []
    for position, cell in enumerate(header):
        if cell in _SPECIAL or cell.startswith((":START_ID", ":END_ID")) or ":ID" in cell:
            continue
        name, _, kind = cell.partition(":")
        if not name:
            raise BulkLoadError(f"{path.name}: unnamed column {cell!r}")
        columns.append((position, name, _converter(kind or "string")))
    return columns


def _position(header: list[str], prefix: str, path: Path) -> int:
    for position, cell in enumerate(header):
        if cell.startswith(prefix):
            return position
    raise BulkLoadError(f"{path.name}: no {prefix} column in the header")


def count_rows(import_file: ImportFile) -> int:
    """Data rows of the file (a quoted text may span lines, so this parses the CSV)."""
    with import_file.path.open(newline="", encoding="utf-8") as handle:
        return max(0, sum(1 for _ in csv.reader(handle)) - 1)


def batches(import_file: ImportFile, size: int) -> Iterator[list[dict[str, Any]]]:
    """Rows of the file as `{id, props}` (nodes) or `{start, end, props}` (relationships),
    `size` at a time; empty cells are left out of `props` (Neo4j stores no nulls)."""
    path = import_file.path
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            return
        columns = _columns(header, path)
        id_at = start_at = end_at = -1
        if import_file.is_node:
            id_at = next((i for i, cell in enumerate(header) if ":ID" in cell), -1)
            if id_at < 0:
                raise BulkLoadError(f"{path.name}: no :ID column in the header")
        else:
            start_at = _position(header, ":START_ID", path)
            end_at = _position(header, ":END_ID", path)
        while chunk := list(islice(reader, size)):
            rows = []
            for cells in chunk:
                props = {name: convert(cells[i]) for i, name, convert in columns if cells[i] != ""}
                if import_file.is_node:
                    rows.append({"id": cells[id_at], "props": props})
                else:
                    rows.append({"start": cells[start_at], "end": cells[end_at], "props": props})
            yield rows
