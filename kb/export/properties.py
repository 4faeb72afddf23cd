"""Property types as the export formats see them, from Cypher's `valueType()`.

GraphML and neo4j-admin CSV declare a typed column per property before the
first row, so the service first reads which keys each label and
relationship kind uses with which value types, and these pure functions
turn that into one column type per key.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

# valueType() names (without " NOT NULL") -> neo4j-admin CSV types
SCALARS = {
    "STRING": "string",
    "INTEGER": "long",
    "FLOAT": "double",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "ZONED DATETIME": "datetime",
    "LOCAL DATETIME": "localdatetime",
    "ZONED TIME": "time",
    "LOCAL TIME": "localtime",
    "DURATION": "duration",
}


def base_type(value_type: str) -> str:
    """`STRING NOT NULL` -> `string`; `LIST<STRING NOT NULL> NOT NULL` -> `string[]`;
    anything else (points, mixed lists) -> `other`."""
    name = value_type.removesuffix(" NOT NULL").strip()
    if name.startswith("LIST<") and name.endswith(">"):
        inner = base_type(name[5:-1])
        return inner + "[]" if inner in ("string", "long", "double", "boolean") else "other"
    return SCALARS.get(name, "other")


def merge(types: set[str]) -> str:
    """One column type for values of several types (integers widen to doubles)."""
    if len(types) == 1:
        return next(iter(types))
    if types <= {"long", "double"}:
        return "double"
    return "other"


@dataclass
class KeyTypes:
    """For each (scope, name) — `node`/`rel` and a label or relationship kind —
    the merged type of every key, and how many values each key holds."""

    types: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    values: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def of(self, scope: str, name: str) -> dict[str, str]:
        return self.types.get((scope, name), {})


def key_types(rows: list[dict[str, Any]]) -> KeyTypes:
    """Fold rows of (scope, name, key, value_type, total) into `KeyTypes`."""
    seen: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    values: dict[tuple[str, str, str], int] = defaultdict(int)
    for row in rows:
        seen[(row["scope"], row["name"])][row["key"]].add(base_type(row["value_type"]))
        values[(row["scope"], row["name"], row["key"])] += row["total"]
    types = {
        owner: {key: merge(kinds) for key, kinds in sorted(keys.items())}
        for owner, keys in seen.items()
    }
    return KeyTypes(types, dict(values))
