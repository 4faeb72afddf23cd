"""Split a Cypher script into statements at top-level semicolons.

A `;` inside a string literal ('...' or "..."), a backtick-quoted name or a
comment is part of the statement, not a separator, so this is a small scanner
rather than `str.split`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    """One statement of a script, with the line it starts on (1-based)."""

    text: str
    line: int


def split_statements(script: str) -> list[Statement]:
    """Return the non-empty statements of `script`, comments kept in place."""
    statements: list[Statement] = []
    current: list[str] = []
    start_line = line = 1
    quote: str | None = None  # the open quote character, while inside a literal
    i = 0
    while i < len(script):
        char = script[i]
        pair = script[i : i + 2]
        if quote is not None:
            if char == "\\" and quote != "`":  # an escape: take the next char verbatim
                current.append(pair)
                line += pair.count("\n")
                i += 2
                continue
            if char == quote:
                quote = None
        elif pair == "//":
            end = script.find("\n", i)
            end = len(script) if end == -1 else end
            current.append(script[i:end])
            i = end
            continue
        elif pair == "/*":
            end = script.find("*/", i + 2)
            end = len(script) if end == -1 else end + 2
            current.append(script[i:end])
            line += script.count("\n", i, end)
            i = end
            continue
        elif char in "'\"`":
            quote = char
        elif char == ";":
            _flush(statements, current, start_line)
            current = []
            start_line = line
            i += 1
            continue
        if char == "\n":
            line += 1
        current.append(char)
        i += 1
    if quote is not None:
        raise ValueError(f"unterminated {quote} literal starting before line {line}")
    _flush(statements, current, start_line)
    return statements


def _flush(statements: list[Statement], chars: list[str], start_line: int) -> None:
    text = "".join(chars)
    code_line = _first_code_line(text)
    if code_line is not None:
        statements.append(Statement(text.strip(), start_line + code_line))


def _first_code_line(text: str) -> int | None:
    """Offset of the first line holding more than whitespace and `//` comments."""
    for offset, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped and not stripped.startswith("//"):
            return offset
    return None
