"""Benchmark: an import, `kb lint` and `kb recompute --check` against each graph size.

    python -m bench.import_lint [--sizes 10000,100000] [--keep]

For each size: the graph of bench/graphgen.py (generated once under .local/),
bulk-loaded into a fresh bench server of its own (ports 27650/27651), then

- the 500-claim file of bench/import_500.py through `plan_import` (compile, the
  bounded lint trial, diff, match proposals) and `apply_import`, and whether
  Neo4j still answers afterwards;
- `kb lint` (the paged lint) over the whole graph;
- `kb recompute --check` in a process of its own: its time and peak RSS.

Figures go to .local/bench/import-lint-<size>.json and are printed; the table in
docs/benchmarks/import-lint.md is written from them by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import Options
from bench.import_500 import write_source
from bench.suite import PASSWORD, graph_files, server
from kb import localdb
from kb.config import CYPHER_DIR, LOCAL_DIR, PROJECT_ROOT
from kb.db import Store
from kb.services import bulk as bulk_service
from kb.services.annotation import apply_import, plan_import
from kb.services.lint import lint_pages

RESULTS = LOCAL_DIR / "bench"
OPTIONS = Options(bolt_port=27650, http_port=27651)


def measure(size: int, keep: bool, reuse: bool) -> dict[str, Any]:
    folder, _facts, _peak = graph_files(size)
    local, settings = server(OPTIONS)
    localdb.stop(local)
    if not reuse:
        shutil.rmtree(local.data_dir, ignore_errors=True)
    localdb.start(local, timeout=600)
    store = Store.connect(settings)
    result: dict[str, Any] = {"claims": size}
    try:
        if not reuse:
            started = time.perf_counter()
            bulk_service.load(settings, store, folder, mode="import")
            result["load_s"] = time.perf_counter() - started
        result |= _import(store)
        store.verify()  # Neo4j survived the import
        result["neo4j_alive_after_import"] = True
        started = time.perf_counter()
        result["lint_violations"] = len(lint_pages(store))
        result["lint_s"] = time.perf_counter() - started
        result |= _recompute_check(settings.neo4j_uri)
    finally:
        store.close()
        if not keep:
            localdb.stop(local)
            shutil.rmtree(local.data_dir, ignore_errors=True)
    return result


def _import(store: Store) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp())
    cypher_dir = folder / "cypher"
    # The schema only: the article's seeds would collide with the synthetic ids.
    shutil.copytree(CYPHER_DIR / "schema", cypher_dir / "schema")
    (cypher_dir / "seed").mkdir()
    path = write_source(folder)
    started = time.perf_counter()
    plan = plan_import(store, path, cypher_dir)
    planned = time.perf_counter() - started
    apply_import(store, plan, cypher_dir)
    applied = time.perf_counter() - started - planned
    shutil.rmtree(folder)
    return {
        "import_plan_s": planned,
        "import_apply_s": applied,
        "script_kib": len(plan.script_text) // 1024,
    }


# `kb recompute --check`, then the process's own peak RSS on stderr.
_MEASURED = """
import resource, runpy, sys
sys.argv = ["kb", "recompute", "--check"]
try:
    runpy.run_module("kb", run_name="__main__")
finally:
    print("maxrss_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def _recompute_check(uri: str) -> dict[str, Any]:
    env = {**os.environ, "NEO4J_URI": uri, "NEO4J_PASSWORD": PASSWORD}
    env["KB_READ_TIMEOUT_SECONDS"] = "600"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    peak_kb = next(
        int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("maxrss_kb")
    )
    return {
        "recompute_check_s": seconds,
        "recompute_check_rss_mb": peak_kb / 1024,
        "recompute_check_exit": done.returncode,
        "recompute_check_tail": done.stdout.strip().splitlines()[-1:],
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.import_lint", description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--keep", action="store_true", help="keep the server and its store")
    parser.add_argument("--reuse", action="store_true", help="measure on the kept store")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"{size:,} claims ...", flush=True)
        result = measure(size, args.keep, args.reuse)
        (RESULTS / f"import-lint-{size}.json").write_text(json.dumps(result, indent=2))
        print(json.dumps(result, indent=2), flush=True)


if __name__ == "__main__":
    main()
