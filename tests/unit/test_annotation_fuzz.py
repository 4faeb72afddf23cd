"""Corrupted annotation files: every one is refused in `file:line: rule: message` lines.

The compiler is fed a valid file that was truncated, sprinkled with bytes
that are not UTF-8, given a value of the wrong type at a random place, or
blown up to megabytes; each must end in at least one problem, each problem
one line, and no exception may escape. KB_ANNOTATION_FUZZ_EXAMPLES raises the
budget (`make fuzz-annotations`); CI runs 30 examples per corruption.
`tests/integration/test_import_errors.py` runs one of each through the CLI.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.annotation.compiler import compile_document
from kb.annotation.document import AnnotationSyntaxError, Problem, load
from kb.annotation.model import ExistingIds

EXAMPLES = int(os.environ.get("KB_ANNOTATION_FUZZ_EXAMPLES", "30"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# A valid file whose last line is `format:`, so any cut before its last byte breaks it.
BASE_DATA: dict[str, Any] = {
    "source": {
        "id": "fuzz-001",
        "title": "A fuzzed source",
        "kind": "news_report",
        "language": "en",
        "fictional": True,
        "text": "The crossing reopened on Monday. Talks resumed because the crossing reopened.",
    },
    "claims": [
        {
            "id": "c-fz-reopened",
            "text": "The crossing reopened on Monday.",
            "type": "factual",
            "quote": "The crossing reopened on Monday.",
        },
        {
            "id": "c-fz-talks",
            "text": "Talks resumed.",
            "type": "factual",
            "quote": "Talks resumed",
        },
    ],
    "links": [
        {
            "id": "sup-fz-1",
            "kind": "supports",
            "from": "c-fz-reopened",
            "to": "c-fz-talks",
            "basis": "connective",
            "marker": "because",
            "quote": "Talks resumed because the crossing reopened.",
        }
    ],
}
BASE = yaml.safe_dump(BASE_DATA, allow_unicode=True, sort_keys=False) + "format: kb-annotation/1"
LINE = re.compile(r"^(?P<file>[^\n]+):(?P<line>\d+): (?P<rule>[a-z0-9-]+): [^\n]+$")


def problems_of(path: Path) -> list[Problem]:
    """What `kb import` reports for `path` before it touches the database."""
    try:
        document = load(path)
    except AnnotationSyntaxError as exc:
        return [exc.problem]
    compiled, problems = compile_document(document, ExistingIds(), "seed/V999__fuzz.cypher")
    assert (compiled is None) == bool(problems)
    return problems


def assert_refused(path: Path) -> None:
    problems = problems_of(path)
    assert problems, f"{path} was accepted"
    for problem in problems:
        match = LINE.match(str(problem))
        assert match is not None, repr(str(problem))
        assert match["file"] == str(path)


def test_the_base_file_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert problems_of(path) == []


@FUZZ
@given(cut=st.integers(min_value=0, max_value=len(BASE.encode()) - 2))
def test_truncated_file(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "truncated.yaml"
    path.write_bytes(BASE.encode()[:cut])
    assert_refused(path)


@FUZZ
@given(
    at=st.integers(min_value=0, max_value=len(BASE.encode())),
    junk=st.binary(min_size=1, max_size=8),
    bad=st.sampled_from([b"\xff", b"\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80"]),
)
def test_bytes_that_are_not_utf8(tmp_path: Path, at: int, junk: bytes, bad: bytes) -> None:
    raw = BASE.encode()
    path = tmp_path / "bytes.yaml"
    path.write_bytes(raw[:at] + bad + junk + raw[at:])
    problems = problems_of(path)
    assert [p.rule for p in problems] == ["not-utf8"]
    assert_refused(path)


@FUZZ
@given(raw=st.binary(max_size=512))
def test_random_bytes(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "random.yaml"
    path.write_bytes(raw)
    assert_refused(path)


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


PATHS = _paths(BASE_DATA)
WRONG = st.one_of(
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(min_size=1, max_size=5), st.integers(), max_size=2),
    st.none(),
)


@FUZZ
@given(where=st.sampled_from(PATHS), value=WRONG)
def test_value_of_the_wrong_type(tmp_path: Path, where: tuple[str | int, ...], value: Any) -> None:
    data = yaml.safe_load(BASE)
    parent = data
    for key in where[:-1]:
        parent = parent[key]
    original = parent[where[-1]]
    if type(value) is type(original) or (isinstance(original, bool) and value is None):
        value = [value]  # same type by chance: a list is wrong everywhere a scalar goes
    parent[where[-1]] = value
    path = tmp_path / "types.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert_refused(path)


@settings(max_examples=min(EXAMPLES, 2), deadline=None)
@given(size=st.integers(min_value=1_000_000, max_value=1_500_000), key=st.booleans())
def test_huge_file(size: int, key: bool) -> None:
    data = yaml.safe_load(BASE)
    if key:
        data["padding"] = "x" * size  # an unknown key
    else:
        data["claims"][0]["quote"] = "quote not in the text " * (size // 22)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "huge.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False, width=10**9), encoding="utf-8")
        assert_refused(path)


SHAPES = {
    "empty": (b"", "empty", 1),
    "only comments": (b"# nothing here\n", "empty", 1),
    "a list": (b"- a\n- b\n", "schema", 1),
    "bad yaml": (b"source: [unclosed\n", "yaml-syntax", 2),
    "bad date": (
        b"format: kb-annotation/1\nsource:\n  published_on: 2024-13-45\n",
        "yaml-value",
        3,
    ),
    "alias bomb": (b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "yaml-alias", 1),
    "deep": (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "yaml-syntax", 1),
    "latin-1": (b"format: kb-annotation/1\n# caf\xe9\n", "not-utf8", 2),
}


def test_each_shape_of_broken_file_has_its_rule_and_line(tmp_path: Path) -> None:
    for name, (raw, rule, line) in SHAPES.items():
        path = tmp_path / f"{name}.yaml"
        path.write_bytes(raw)
        problems = problems_of(path)
        assert [(p.rule, p.line) for p in problems][:1] == [(rule, line)], (name, problems)
        assert_refused(path)


def test_not_utf8_names_the_byte_and_its_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"format: kb-annotation/1\n# caf\xe9\n")
    (problem,) = problems_of(path)
    assert str(problem) == (
        f"{path}:2: not-utf8: byte 0xe9 at offset 29 (column 6) is not UTF-8;"
        " save the file as UTF-8"
    )
