"""Benchmark: a generated 500-claim annotation file through `kb import --apply`.

Writes a synthetic source (500 claims, each with its own sentence, 499
support links, one causal link per 10 claims, an actor and a topic on every
fifth claim: `kb.annotation.synthetic`) under a temporary folder,
then times `plan_import` (compile, lint trial, diff, match proposals) and
`apply_import` (write + apply the seed script) against the configured
database. Run: `.venv/bin/python -m bench.import_500` with a seeded
database (`kb db start && kb seed`); it adds the source `bench-import-500`.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from kb.annotation import synthetic
from kb.config import CYPHER_DIR, Settings
from kb.db import Store
from kb.services.annotation import apply_import, plan_import

CLAIMS = 500


def write_source(folder: Path, tag: str = "bench", place: str = "district") -> Path:
    """The file, its ids made with `tag` and its sentences about a `place` (two files
    with different tags and places can be imported one after the other)."""
    return synthetic.write(folder, CLAIMS, tag, place)


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    cypher_dir = folder / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    path = write_source(folder)
    store = Store.connect(Settings.from_env())
    try:
        started = time.perf_counter()
        plan = plan_import(store, path, cypher_dir)
        planned = time.perf_counter() - started
        apply_import(store, plan, cypher_dir)
        applied = time.perf_counter() - started - planned
    finally:
        store.close()
    statements = plan.script_text.count(";\n")
    print(
        f"{CLAIMS} claims: plan (compile, lint trial, diff, matches) {planned:.2f}s, "
        f"write + apply {applied:.2f}s, script {len(plan.script_text) // 1024} KiB, "
        f"{statements} statements"
    )


if __name__ == "__main__":
    main()
