"""The backup file format: versioned JSON Lines, lossless for every Neo4j property type.

A backup is one JSON object per line, written with sorted keys and no spaces
so that dumping the same graph twice gives the same bytes:

    {"format":"claim-kb-backup","version":2}
    {"id":"4:...:0","kind":"node","labels":["Claim"],"properties":{...}}
    {"end":"4:...:1","id":"5:...:0","kind":"relationship","properties":{...},"start":"4:...:0","type":"ASSERTS"}
    {"kind":"end","nodes":412,"relationships":980,"sha256":"<hex>"}

Ids are the source database's element ids; they only connect relationship
lines to node lines and are not restored. The end line carries the counts
and (since version 2) the SHA-256 of the body, every byte between the header
line and the end line, so a restore notices a truncated, damaged or edited
file before it writes anything. Version 1 files (no hash) are still read,
with a warning: their structure is checked, their content cannot be.
Values JSON has no type for are tagged objects with one
`$`-key (`{"$date": "2024-02-29"}`), so a float stays a float, a zoned
datetime keeps its zone, and a byte array its bytes.
"""

from __future__ import annotations

import base64
import json
import math
from typing import Any

import pytz  # the driver's own time-zone library: its DateTime works with pytz zones
from neo4j.spatial import CartesianPoint, Point, WGS84Point
from neo4j.time import Date, DateTime, Duration, Time

from kb.errors import BackupError

FORMAT = "claim-kb-backup"
VERSION = 2
READABLE_VERSIONS = (1, 2)

_POINT_CLASSES: dict[int, type[Point]] = {
    7203: CartesianPoint,
    9157: CartesianPoint,
    4326: WGS84Point,
    4979: WGS84Point,
}


def header() -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION}


def check_header(line: dict[str, Any]) -> int:
    """The format version of header `line`; `BackupError` unless this code can read it."""
    if line.get("format") != FORMAT:
        raise BackupError("not a claim-kb backup (the first line has no claim-kb-backup header)")
    version = line.get("version")
    if version not in READABLE_VERSIONS:
        raise BackupError(
            f"backup format version {version!r} is not supported "
            f"(this kb reads versions {', '.join(map(str, READABLE_VERSIONS))})"
        )
    return int(version)


# One encoder for every line (json.dumps would build one per call, at a million lines).
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), allow_nan=False)


def dumps(line: Any) -> str:
    """One line of the file, canonical: sorted keys, no spaces, ASCII only."""
    return _ENCODER.encode(line) + "\n"


def loads(text: str, number: int) -> dict[str, Any]:
    try:
        line = json.loads(text)
    except ValueError as exc:
        raise BackupError(f"line {number} of the backup is not JSON: {exc}") from exc
    if not isinstance(line, dict):
        raise BackupError(f"line {number} of the backup is not a JSON object")
    return line


def encode_properties(properties: dict[str, Any]) -> dict[str, Any]:
    return {key: encode_value(value) for key, value in properties.items()}


def decode_properties(properties: dict[str, Any]) -> dict[str, Any]:
    return {key: decode_value(value) for key, value in properties.items()}


def encode_value(value: Any) -> Any:
    """A JSON-able form of a property value, tagged when JSON alone would lose its type."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # the common case, first
        return value
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, list | tuple):
        return [encode_value(item) for item in value]
    if isinstance(value, bytes | bytearray):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, DateTime):
        return _encode_datetime(value)
    if isinstance(value, Date):
        return {"$date": value.iso_format()}
    if isinstance(value, Time):
        tag = "$localtime" if value.tzinfo is None else "$time"
        return {tag: value.iso_format()}
    if isinstance(value, Duration):
        parts = [value.months, value.days, value.seconds, value.nanoseconds]
        return {"$duration": parts}
    if isinstance(value, Point):
        return {"$point": {"srid": value.srid, "coordinates": list(value)}}
    raise BackupError(f"cannot back up a property of type {type(value).__name__}")


def _encode_datetime(value: DateTime) -> dict[str, Any]:
    tz = value.tzinfo
    if tz is None:
        return {"$localdatetime": value.iso_format()}
    zone = getattr(tz, "zone", None) or getattr(tz, "key", None)
    if isinstance(zone, str):
        # The instant in UTC plus the zone's name: unambiguous even in a DST fold. A value
        # already in UTC is its own instant (and converting is the slow part of a backup).
        utc = value if zone == "UTC" else value.astimezone(pytz.utc)
        return {"$datetime": utc.iso_format(), "zone": zone}
    return {"$datetime": value.iso_format()}


def decode_value(value: Any) -> Any:
    """The inverse of `encode_value`."""
    if isinstance(value, list):
        return [decode_value(item) for item in value]
    if not isinstance(value, dict):
        return value
    tags = [key for key in value if key.startswith("$")]
    if len(tags) != 1:
        raise BackupError(f"unknown value in backup: {value!r}")
    tag, raw = tags[0], value[tags[0]]
    try:
        return _decode_tagged(tag, raw, value)
    except (TypeError, ValueError, KeyError) as exc:
        raise BackupError(f"malformed {tag} value in backup: {raw!r}") from exc


def _decode_tagged(tag: str, raw: Any, value: dict[str, Any]) -> Any:
    if tag == "$float":
        return float(raw)
    if tag == "$bytes":
        return base64.b64decode(raw, validate=True)
    if tag == "$date":
        return Date.from_iso_format(raw)
    if tag in ("$datetime", "$localdatetime"):
        parsed = DateTime.from_iso_format(raw)
        zone = value.get("zone")
        return parsed.astimezone(pytz.timezone(zone)) if zone else parsed
    if tag in ("$time", "$localtime"):
        return Time.from_iso_format(raw)
    if tag == "$duration":
        months, days, seconds, nanoseconds = raw
        return Duration(months=months, days=days, seconds=seconds, nanoseconds=nanoseconds)
    if tag == "$point":
        return _POINT_CLASSES[raw["srid"]](raw["coordinates"])
    raise BackupError(f"unknown value tag {tag!r} in backup")
