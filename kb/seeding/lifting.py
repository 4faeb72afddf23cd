"""Run a seed statement's inline `UNWIND [...] AS row` data as a parameter.

Seed scripts (hand-written and compiled by `kb import`) write their data as
literals so the file is reviewable and checksummed: `UNWIND [{id: 'a', ...},
...] AS row MATCH ...`. Sent as it stands, Neo4j parses and plans every such
statement anew, data and all (a 2,000-claim source was 1.8 MB of Cypher and
most of its import time was Neo4j compiling it). The runner instead lifts the
list into a parameter: the statement becomes `UNWIND $rows AS row ...` (one
short text per kind of statement, planned once and then found in Neo4j's plan
cache) and the list is parsed here into plain values for the driver. The file
is not changed, so checksums stay what they were.

Only a list of pure data is lifted (strings, numbers, booleans, null, lists
and maps of those); anything else (a function call, a parameter, an
expression) leaves the statement to run exactly as written.
"""

from __future__ import annotations

import re
from typing import Any

# `UNWIND [` after any leading comments and whitespace.
_HEAD = re.compile(r"\A(?:\s|//[^\n]*\n)*UNWIND\s*\[", re.IGNORECASE)
# What follows the list: `AS name` then the rest of the statement.
_TAIL = re.compile(r"\s*AS\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\b", re.IGNORECASE)
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      | (?P<number>-?(?:\d+\.\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+|\d+))
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*|`[^`]+`)
      | (?P<punct>[\[\]{},:])
    )""",
    re.VERBOSE | re.DOTALL,
)
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", "'": "'", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_CONSTANTS: dict[str, Any] = {"true": True, "false": False, "null": None}


class _NotData(Exception):
    """The list holds something other than literal data."""


def lift_rows(statement: str) -> tuple[str, list[Any]] | None:
    """`(UNWIND $rows AS name <rest>, rows)` for a statement that unwinds literal data,
    else None (run the statement as written)."""
    head = _HEAD.match(statement)
    if head is None:
        return None
    try:
        rows, end = _parse_list(statement, head.end())
    except _NotData:
        return None
    tail = _TAIL.match(statement, end)
    if tail is None:
        return None
    return f"UNWIND $rows AS {tail.group('name')}{statement[tail.end() :]}", rows


def _parse_list(text: str, at: int) -> tuple[list[Any], int]:
    """The list whose `[` ends just before `at`, and the offset after its `]`."""
    stack: list[Any] = [[]]
    keys: list[str | None] = [None]
    while True:
        token = _TOKEN.match(text, at)
        if token is None:
            raise _NotData
        at = token.end()
        kind, value = token.lastgroup, token.group(token.lastgroup or 0)
        top = stack[-1]
        if kind == "punct" and value in "]}":
            if (value == "]") != isinstance(top, list) or keys[-1] is not None:
                raise _NotData
            stack.pop()
            keys.pop()
            if not stack:
                return top, at
            _add(stack, keys, top)
        elif kind == "punct" and value in "[{":
            stack.append([] if value == "[" else {})
            keys.append(None)
        elif kind == "punct":  # `,` and `:` only separate; the structure checks the rest
            continue
        elif isinstance(top, dict) and keys[-1] is None:
            if kind != "word" or _next_is_not_colon(text, at):
                raise _NotData
            keys[-1] = value.strip("`")
        else:
            _add(stack, keys, _scalar(kind, value))


def _next_is_not_colon(text: str, at: int) -> bool:
    token = _TOKEN.match(text, at)
    return token is None or token.group(0).strip() != ":"


def _add(stack: list[Any], keys: list[str | None], value: Any) -> None:
    top = stack[-1]
    if isinstance(top, list):
        top.append(value)
    else:
        key = keys[-1]
        if key is None:
            raise _NotData
        top[key] = value
        keys[-1] = None


def _scalar(kind: str | None, value: str) -> Any:
    if kind == "string":
        return _ESCAPE.sub(_unescape, value[1:-1])
    if kind == "number":
        return float(value) if any(c in value for c in ".eE") else int(value)
    if kind == "word" and value.lower() in _CONSTANTS:
        return _CONSTANTS[value.lower()]
    raise _NotData  # a variable, a function name, a keyword: not data


def _unescape(match: re.Match[str]) -> str:
    escape = match.group(1)
    if escape[0] in "uU" and len(escape) > 1:
        return chr(int(escape[1:], 16))
    if escape in _ESCAPES:
        return _ESCAPES[escape]
    raise _NotData
