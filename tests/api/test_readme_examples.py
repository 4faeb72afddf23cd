"""The README's examples answer what the README shows, so the next drift fails here.

Every `curl` line of the sections below is run, in order, against the seeded
app (the analyst's session writes, so order matters): method, path, headers and
body are read from the curl command, and every scalar field the README's sample
output shows (`"key": value`, also nested; strings cut with `...` match by their
pieces) must be in the answer. Headers shown after `curl -i` / `-D -` must be in
the response's headers. A `jq` filter is not run: the values it prints must
appear in the answer. What differs from run to run is not compared: new ids
(the README's stand for the ones this run made, in the commands after them),
timestamps and search scores. The `kb export` lines of the Exports section are
run with the CLI and each line shown must be printed.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from kb.config import PROJECT_ROOT, Settings
from kb.db import Store
from kb.services import keys as key_service
from tests.api.openapi_check import CheckedClient
from tests.integration.test_cli import run_kb

SECTIONS = ("The API", "An analyst's session", "Exports")
BASE = "http://127.0.0.1:8000"
# Values that differ from run to run: never compared.
VOLATILE_KEYS = frozenset({"score", "added_at", "retracted_at", "opened_at", "closed_at"})
NEW_ID = re.compile(r"^(evl|ev)-[0-9a-f]{20}$")
ELLIPSIS = re.compile(r"\(\.\.\.\)|\.\.\.|…")
SCALAR = r'"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null'
PAIR = re.compile(rf'"(\w+)"\s*:\s*({SCALAR})')
HEADER = re.compile(r"^([A-Za-z][A-Za-z0-9-]*): (.*)$")
LOOP = re.compile(r"for (\w+) in ([^;]+); do\s+(.*?);\s*done", re.S)
TSV_OF_FIELDS = re.compile(r"\[\s*(\.\w+(?:\s*,\s*\.\w+)*)\s*\]\s*\|\s*@tsv")


@dataclass
class Example:
    """One shell command of the README and the output shown under it."""

    section: str
    command: str
    output: list[str] = field(default_factory=list)


def _section(readme: str, title: str) -> str:
    return readme.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def _console_blocks(section: str) -> Iterator[list[str]]:
    for block in re.findall(r"```console\n(.*?)```", section, re.S):
        yield block.splitlines()


def _complete(command: str) -> bool:
    if command.endswith("\\"):
        return False
    try:
        shlex.split(command)
    except ValueError:  # an open quote: the command goes on on the next line
        return False
    return True


def examples() -> list[Example]:
    """The README's commands with their sample outputs, section by section, in order."""
    readme = (PROJECT_ROOT / "README.md").read_text("utf-8")
    found: list[Example] = []
    for title in SECTIONS:
        for lines in _console_blocks(_section(readme, title)):
            current: Example | None = None
            rows = iter(lines)
            for line in rows:
                if line.startswith("$ "):
                    command = line[2:]
                    while not _complete(command) or (
                        command.startswith("for ") and not command.rstrip().endswith("done")
                    ):
                        command = command.removesuffix("\\") + "\n" + next(rows)
                    current = Example(title, command)
                    found.append(current)
                elif line.startswith("#") or not line.strip():
                    current = None
                elif current is not None:
                    current.output.append(line)
    return [one for example in found for one in _expanded(example)]


def _expanded(example: Example) -> list[Example]:
    """A `for X in A B; do CMD; done` loop as one example per item, with its output line."""
    loop = LOOP.fullmatch(example.command.strip())
    if loop is None:
        return [example]
    name, items, body = loop.group(1), loop.group(2).split(), loop.group(3)
    assert len(items) == len(example.output), example.command
    return [
        Example(example.section, body.replace(f"${name}", item), [line])
        for item, line in zip(items, example.output, strict=True)
    ]


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: str | None
    shows_headers: bool
    jq: str | None  # the filter the output went through


def parse_curl(command: str) -> Request | None:
    """The request of a `curl ...` command (None for any other command)."""
    words = shlex.split(command.replace("\\\n", " "))
    if not words or words[0] != "curl":
        return None
    pipe = words.index("|") if "|" in words else len(words)
    args, after = words[1:pipe], words[pipe + 1 :]
    method, body, url, shows_headers = "GET", None, "", False
    headers: dict[str, str] = {}
    options = iter(args)
    for arg in options:
        if arg == "-X":
            method = next(options)
        elif arg == "-H":
            name, value = next(options).split(":", 1)
            headers[name.strip()] = value.strip()
        elif arg == "-d":
            body = next(options)
            method = "POST" if method == "GET" else method
        elif arg.startswith("-") and arg.endswith(("o", "D")):  # -o FILE, -sD -
            target = next(options)
            shows_headers = shows_headers or (arg.endswith("D") and target == "-")
        elif arg.startswith("-"):  # -s, -si: flags without a value
            shows_headers = shows_headers or "i" in arg[1:]
        else:
            url = arg
    assert url.startswith(BASE), f"README curl example not on {BASE}: {command}"
    jq = after[-1] if after[:1] == ["jq"] else None
    return Request(method, url.removeprefix(BASE), headers, body, shows_headers, jq)


def _scalars(value: Any, key: str | None = None) -> Iterator[tuple[str | None, Any]]:
    """Every (key, scalar) of a JSON value, at any depth (list items under their list's key)."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _scalars(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _scalars(item, key)
    else:
        yield key, value


def _matches(shown: Any, actual: Any) -> bool:
    if isinstance(shown, str) and ELLIPSIS.search(shown):
        pieces = [re.escape(piece) for piece in ELLIPSIS.split(shown)]
        return isinstance(actual, str) and re.fullmatch(".*".join(pieces), actual, re.S) is not None
    return type(shown) is type(actual) and shown == actual


def _shown_pairs(output: str) -> list[tuple[str, Any]]:
    return [
        (key, json.loads(raw))
        for key, raw in PAIR.findall(output)
        if key not in VOLATILE_KEYS and not NEW_ID.match(str(json.loads(raw)))
    ]


def _shown_values(output: list[str]) -> list[Any]:
    """What a `jq` filter printed: each line's scalars, where the line is JSON."""
    values: list[Any] = []
    for line in output:
        try:
            printed = json.loads(line)
        except json.JSONDecodeError:
            continue
        values.extend(v for _, v in _scalars(printed) if not NEW_ID.match(str(v)))
    return values


def _missing(output: list[str], answer: Any, jq: str | None = None) -> list[str]:
    """What the sample output shows that the answer lacks."""
    fields = TSV_OF_FIELDS.fullmatch(jq) if jq else None
    if fields:  # `[.a, .b] | @tsv`: one line, those fields in order
        names = [name.strip().lstrip(".") for name in fields.group(1).split(",")]
        printed = [str(answer.get(name)) for name in names]
        return [] if output and output[0].split() == printed else [f"{output} != {printed}"]
    actual = list(_scalars(answer))
    missing = [
        f"{key}: {value!r}"
        for key, value in _shown_pairs("\n".join(output))
        if not any(k == key and _matches(value, v) for k, v in actual)
    ]
    if jq:  # values a filter printed, whatever their keys were
        missing += [
            repr(value)
            for value in _shown_values(output)
            if not any(_matches(value, v) for _, v in actual)
        ]
    return missing


def _missing_headers(shown: Example, headers: Any) -> list[str]:
    missing = []
    for line in shown.output:
        match = HEADER.match(line)
        if match is None:
            continue
        name, value = match.groups()
        if name not in headers:
            missing.append(name)
        elif value.startswith(("[", "{")):
            answered = json.loads(headers[name])
            missing += [f"{name}: {m}" for m in _missing([value], answered)]
        elif headers[name] != value:
            missing.append(f"{name}: {value!r} (answered {headers[name]!r})")
    return missing


def test_the_readme_has_curl_examples_for_reads_and_writes() -> None:
    requests = [r for r in (parse_curl(e.command) for e in examples()) if r is not None]
    assert {r.method for r in requests} >= {"GET", "POST", "DELETE"}
    assert sum(1 for r in requests if r.method == "GET" and not r.jq) >= 4


def test_every_curl_example_answers_what_the_readme_shows(
    client: CheckedClient, seeded_store: Store
) -> None:
    key = key_service.create_key(seeded_store, "alice", "analyst")  # the README's `$KEY`
    new_ids: dict[str, str] = {}  # the README's generated id -> this run's
    drifted: dict[str, list[str]] = {}  # command -> what its sample shows that the answer lacks
    checked = 0
    for example in examples():
        command = example.command
        for readme_id, run_id in new_ids.items():
            command = command.replace(readme_id, run_id)
        request = parse_curl(command)
        if request is None:
            continue
        headers = {name: value.replace("$KEY", key) for name, value in request.headers.items()}
        response = client.open(
            request.path, method=request.method, headers=headers, data=request.body
        )
        assert response.status_code < 400, (command, response.get_data(as_text=True))
        if request.shows_headers:
            missing = _missing_headers(example, response.headers)
        else:
            answer = response.get_json()
            missing = _missing(example.output, answer, request.jq)
            shown_id = re.search(r'"id":\s*"((?:evl|ev)-[0-9a-f]{20})"', "\n".join(example.output))
            if request.method == "POST" and shown_id:
                new_ids[shown_id.group(1)] = answer["id"]
        if missing:
            drifted[command] = missing
        checked += 1
    assert drifted == {}
    assert checked >= 7


@pytest.mark.parametrize(
    "example",
    [e for e in examples() if e.command.startswith(".venv/bin/kb ")],
    ids=lambda e: e.command,
)
def test_every_kb_export_example_prints_what_the_readme_shows(
    example: Example, seeded_store: Store, neo4j_settings: Settings, tmp_path: Any
) -> None:
    words = shlex.split(example.command)[1:]
    if "--out" in words:  # into the test's folder, not the working directory
        at = words.index("--out") + 1
        words[at] = str(tmp_path / words[at])
    result = run_kb(neo4j_settings, *words)
    assert result.returncode == 0, result.stderr
    printed = (result.stdout + result.stderr).splitlines()
    assert [line for line in example.output if line not in printed] == []
