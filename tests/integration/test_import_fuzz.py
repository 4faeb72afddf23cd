"""`kb import`'s plan (what `--dry-run` runs) on corrupted files, against the seeded graph.

The same corruptions as tests/unit/test_annotation_fuzz.py, drawn at random,
go through `plan_import` with a real database: every file is refused with
`file:line: rule: message` problems (never another exception), and at the end
the graph and the seed folder are as they were. 30 examples in CI;
KB_ANNOTATION_FUZZ_EXAMPLES raises the budget.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.config import CYPHER_DIR
from kb.db import Store
from kb.services.annotation import AnnotationError, plan_import
from tests.graph_snapshot import GraphSnapshot
from tests.unit.test_annotation_fuzz import BASE, EXAMPLES, PATHS, WRONG

LINE = re.compile(r"^[^\n]+:\d+: [a-z0-9-]+: [^\n]+$")


def _wrong_type(where: tuple[str | int, ...], value: Any) -> bytes:
    data = yaml.safe_load(BASE)
    parent = data
    for key in where[:-1]:
        parent = parent[key]
    if type(value) is type(parent[where[-1]]):
        value = [value]
    parent[where[-1]] = value
    return yaml.safe_dump(data, sort_keys=False).encode()


CORRUPTED = st.one_of(
    st.integers(0, len(BASE.encode()) - 2).map(lambda cut: BASE.encode()[:cut]),
    st.tuples(st.integers(0, len(BASE.encode())), st.binary(max_size=8)).map(
        lambda t: BASE.encode()[: t[0]] + b"\xff" + t[1] + BASE.encode()[t[0] :]
    ),
    st.binary(max_size=256),
    st.tuples(st.sampled_from(PATHS), WRONG).map(lambda t: _wrong_type(*t)),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=CORRUPTED)
def test_every_corrupted_file_is_refused_in_lines_and_nothing_is_written(
    seeded_store: Store, raw: bytes
) -> None:
    before = GraphSnapshot.take(seeded_store).content
    with tempfile.TemporaryDirectory() as folder:
        cypher_dir = Path(folder) / "cypher"
        shutil.copytree(CYPHER_DIR, cypher_dir)
        scripts = sorted(p.name for p in (cypher_dir / "seed").iterdir())
        path = Path(folder) / "corrupted.yaml"
        path.write_bytes(raw)
        try:
            plan_import(seeded_store, path, cypher_dir)
        except AnnotationError as exc:
            problems = [str(problem) for problem in exc.problems]
        else:
            problems = []
        assert problems, raw
        assert all(LINE.match(p) and p.startswith(f"{path}:") for p in problems), problems
        assert sorted(p.name for p in (cypher_dir / "seed").iterdir()) == scripts
    assert GraphSnapshot.take(seeded_store).content == before
