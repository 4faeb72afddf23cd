"""Read an annotation file as plain data, remembering the line of every value.

PyYAML's composed nodes carry a `start_mark`; the loader walks them once and
records, for each path into the document (`("claims", 3, "quote")`), the
1-based line it starts on, so every error can name `file:line`. Only the
YAML core is accepted (SafeLoader): no tags, no Python objects. The JSON
Schema (docs/annotation.schema.json) is checked here too, its errors mapped
to the line of the offending value.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from kb.config import PROJECT_ROOT

SCHEMA_PATH = PROJECT_ROOT / "docs" / "annotation.schema.json"

Path_ = tuple[str | int, ...]

# One constructor turns composed scalar nodes into Python values (tags already resolved).
_CONSTRUCTOR = yaml.SafeLoader("")
_TOO_DEEP = "the file nests lists or mappings too deeply"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an annotation file, at a line, under a rule name."""

    file: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.rule}: {self.message}"


@dataclass
class Document:
    """The parsed file: its data, where each value starts, and its folder."""

    path: Path
    data: dict[str, Any]
    lines: dict[Path_, int] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.path)

    def line(self, path: Path_) -> int:
        """The line of `path`, or of its nearest enclosing value that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def problem(self, path: Path_, rule: str, message: str) -> Problem:
        return Problem(self.name, self.line(path), rule, message)


class AnnotationSyntaxError(Exception):
    """The file is not YAML, or not a mapping at the top."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def load(path: Path) -> Document:
    """Parse `path`; raise `AnnotationSyntaxError` when it is not a YAML mapping."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AnnotationSyntaxError(Problem(name, 1, "unreadable", str(exc))) from exc
    text = decode_utf8(name, raw)
    if not text.strip():
        raise AnnotationSyntaxError(Problem(name, 1, "empty", "the file is empty"))
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise AnnotationSyntaxError(_yaml_problem(name, exc)) from exc
    except RecursionError as exc:
        raise AnnotationSyntaxError(Problem(name, 1, "yaml-syntax", _TOO_DEEP)) from exc
    if node is None:
        raise AnnotationSyntaxError(Problem(name, 1, "empty", "the file holds only comments"))
    if not isinstance(node, yaml.MappingNode):
        raise AnnotationSyntaxError(Problem(name, 1, "schema", "the file must be a YAML mapping"))
    lines: dict[Path_, int] = {}
    try:
        data = _plain(name, node, (), lines, set())
    except RecursionError as exc:
        raise AnnotationSyntaxError(Problem(name, 1, "yaml-syntax", _TOO_DEEP)) from exc
    return Document(path, data, lines)


def decode_utf8(name: str, raw: bytes) -> str:
    """`raw` as UTF-8, or a problem naming the first bad byte, its offset, line and column."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise AnnotationSyntaxError(
            Problem(
                name,
                line,
                "not-utf8",
                f"byte 0x{raw[exc.start]:02x} at offset {exc.start} (column {column}) "
                "is not UTF-8; save the file as UTF-8",
            )
        ) from exc


def _yaml_problem(name: str, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 1
    detail = getattr(exc, "problem", None) or str(exc)
    return Problem(name, line, "yaml-syntax", " ".join(str(detail).split()))


def _plain(name: str, node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int]) -> Any:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        # A collection met twice is an alias: refused, since a self-referencing one
        # never ends and nested ones grow exponentially ("billion laughs").
        if id(node) in seen:
            raise AnnotationSyntaxError(
                Problem(name, line, "yaml-alias", "anchors and aliases (&, *) are not supported")
            )
        seen.add(id(node))
    lines[path] = line
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise AnnotationSyntaxError(
                    Problem(name, key_node.start_mark.line + 1, "schema", "a key must be a name")
                )
            key = str(_scalar(name, key_node))
            lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _plain(name, value_node, (*path, key), lines, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_plain(name, item, (*path, i), lines, seen) for i, item in enumerate(node.value)]
    return _scalar(name, node)


def _scalar(name: str, node: yaml.Node) -> Any:
    """The node's value; a scalar YAML cannot construct (a date like 2024-13-45) is a problem."""
    try:
        return _CONSTRUCTOR.construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        line = node.start_mark.line + 1
        raise AnnotationSyntaxError(Problem(name, line, "yaml-value", str(exc))) from exc


@cache
def schema() -> dict[str, Any]:
    """The published JSON Schema of the format."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def schema_problems(document: Document) -> list[Problem]:
    """Every JSON Schema violation, as `unknown-key` or `schema` problems with lines."""
    validator = jsonschema.Draft202012Validator(schema())
    problems = []
    for error in sorted(validator.iter_errors(document.data), key=lambda e: list(map(str, e.path))):
        path: Path_ = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            extra = _extra_keys(error)
            for key in extra:
                problems.append(
                    document.problem((*path, key), "unknown-key", f"unknown key {key!r}")
                )
            if extra:
                continue
        where = "/".join(map(str, path)) or "top level"
        problems.append(document.problem(path, "schema", f"{where}: {_message(error)}"))
    return problems


def _message(error: jsonschema.ValidationError) -> str:
    """jsonschema's message, except for `oneOf` (which would print the whole entry)."""
    if error.validator != "oneOf":
        return str(error.message)
    options = [", ".join(option.get("required", [])) for option in error.validator_value]  # pyright: ignore[reportGeneralTypeIssues]
    return "needs exactly one of: " + " | ".join(f"[{option}]" for option in options)


def _extra_keys(error: jsonschema.ValidationError) -> list[str]:
    allowed = set(error.schema.get("properties", {}))  # pyright: ignore[reportAttributeAccessIssue]
    instance = error.instance if isinstance(error.instance, dict) else {}
    return sorted(key for key in instance if key not in allowed)


_ID = re.compile(r"^[\w.:-]{1,200}$")


def mentioned_ids(data: Any) -> set[str]:
    """Every string in the file that could be an id (no spaces, at most 200 characters):
    a superset of the ids it defines or references, to look up in the database."""
    found: set[str] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if _ID.match(value):
                found.add(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found
