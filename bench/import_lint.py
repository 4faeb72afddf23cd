"""Benchmark: an import, `kb lint` and `kb recompute --check` against each graph size.

    python -m bench.import_lint [--sizes 10000,100000] [--keep] [--bolt-port 27650]

For each size: the graph of bench/graphgen.py (generated once under .local/),
bulk-loaded into a fresh bench server of its own (bolt port 27650 and the next
one for HTTP, unless --bolt-port says otherwise), then

- the 500-claim file of bench/import_500.py through `plan_import` (compile, the
  bounded lint trial, diff, match proposals) and `apply_import`, each with the
  seconds of its phases (`_phases`), first cold (just after the load, or with
  --reuse just after a restart and the warm-up of `kb db start`), then a second
  file like it (other ids and words) warm; and whether Neo4j still answers
  afterwards;
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.common import Options
from bench.import_500 import write_source
from bench.suite import PASSWORD, graph_files, server
from kb import localdb
from kb.config import CYPHER_DIR, LOCAL_DIR, PROJECT_ROOT
from kb.db import Store
from kb.repositories import annotation as annotation_repo
from kb.repositories import revision as revision_repo
from kb.services import annotation, import_derived, import_trial, warmup
from kb.services import bulk as bulk_service
from kb.services.annotation import apply_import, plan_import
from kb.services.lint import lint_pages

RESULTS = LOCAL_DIR / "bench"
BOLT_PORT = 27650

# The phases of a plan and of an apply, as (module, function): each call's seconds
# are added up under the function's name; what no phase covers is the rest.
PHASES: tuple[tuple[ModuleType, str], ...] = (
    (annotation, "load"),
    (annotation_repo, "existing_among"),  # the ids the file mentions
    (annotation_repo, "retired_among"),
    (revision_repo, "previous"),  # an applied revision of the source, if any
    (annotation, "compile_document"),
    (annotation_repo, "current_state"),  # what the diff compares with
    (annotation, "render"),
    (annotation, "_lint_trial"),
    (import_trial, "run_script_statement"),  # inside the trial: the script itself
    (import_trial, "lint_region"),  # inside the trial: the region, before and after
    (import_trial, "_cycle_region"),  # inside lint_region: the cycle search
    (annotation, "diff"),
    (annotation, "propose_matches"),
    (annotation, "_probe_all"),  # inside propose_matches: full-text probes and the sample
    (annotation_repo, "claim_texts"),  # inside propose_matches: the word-weight sample
    (annotation, "Weights"),  # inside propose_matches: weighing the sample's words
    (import_derived, "reach_of"),  # apply: what the import reaches, read before
    (import_derived, "refresh_after_change"),  # apply: derived values of the reach
    (import_derived, "recompute_all"),  # apply: the full recompute, if it ran
)


def measure(
    size: int, keep: bool, reuse: bool, bolt_port: int, lint: bool = True
) -> dict[str, Any]:
    folder, _facts, _peak = graph_files(size)
    local, settings = server(Options(bolt_port=bolt_port, http_port=bolt_port + 1))
    localdb.stop(local)
    if not reuse:
        shutil.rmtree(local.data_dir, ignore_errors=True)
    localdb.start(local, timeout=600)
    store = Store.connect(settings)
    result: dict[str, Any] = {"claims": size}
    try:
        if reuse:
            # What `kb db start` does after starting a server (the bulk load does it too).
            warmed = warmup.warm_store(settings)
            result["start_warm_s"] = warmed.seconds
            result["start_rehearsal_s"] = warmed.rehearsal_seconds
        else:
            started = time.perf_counter()
            bulk_service.load(settings, store, folder, mode="import")
            result["load_s"] = time.perf_counter() - started
        # A kept store already holds the files of earlier runs: other ids this time.
        result |= _import(store, tag=f"r{int(time.time())}" if reuse else "")
        store.verify()  # Neo4j survived the import
        result["neo4j_alive_after_import"] = True
        if lint:
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


def _import(store: Store, tag: str) -> dict[str, Any]:
    """The file into the freshly started server (cold: Neo4j has planned only the
    rehearsal of its start), then a second one like it (other ids, other words)."""
    folder = Path(tempfile.mkdtemp())
    cypher_dir = folder / "cypher"
    # The schema only: the article's seeds would collide with the synthetic ids.
    shutil.copytree(CYPHER_DIR / "schema", cypher_dir / "schema")
    (cypher_dir / "seed").mkdir()
    result: dict[str, Any] = {}
    for phase, path in (
        ("import", write_source(folder, tag=f"bench{tag}")),
        ("import_warm", write_source(folder, tag=f"warm{tag}", place="province")),
    ):
        with _phases() as plan_phases:
            started = time.perf_counter()
            plan = plan_import(store, path, cypher_dir)
            planned = time.perf_counter() - started
        with _phases() as apply_phases:
            started = time.perf_counter()
            apply_import(store, plan, cypher_dir)
            applied = time.perf_counter() - started
        result |= {
            f"{phase}_plan_s": planned,
            f"{phase}_plan_phases_s": plan_phases,
            f"{phase}_apply_s": applied,
            f"{phase}_apply_phases_s": apply_phases,
            f"{phase}_matches": len(plan.matches),
        }
    result["script_kib"] = len(plan.script_text) // 1024
    shutil.rmtree(folder)
    return result


@contextmanager
def _phases() -> Iterator[dict[str, float]]:
    """Time every call of the `PHASES` functions while inside; yields the seconds each."""
    seconds: dict[str, float] = {}
    originals = [(module, name, getattr(module, name)) for module, name in PHASES]
    for module, name, original in originals:
        setattr(module, name, _timed(original, name, seconds))
    try:
        yield seconds
    finally:
        for module, name, original in originals:
            setattr(module, name, original)


def _timed(function: Callable[..., Any], name: str, seconds: dict[str, float]) -> Any:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started

    return timed


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
    parser.add_argument(
        "--bolt-port",
        type=int,
        default=BOLT_PORT,
        help=f"the bench server's Bolt port (its HTTP port is the next one; {BOLT_PORT})",
    )
    parser.add_argument(
        "--no-lint", action="store_true", help="skip `kb lint` over the whole graph (long at 1M)"
    )
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"{size:,} claims ...", flush=True)
        result = measure(size, args.keep, args.reuse, args.bolt_port, lint=not args.no_lint)
        (RESULTS / f"import-lint-{size}.json").write_text(json.dumps(result, indent=2))
        print(json.dumps(result, indent=2), flush=True)


if __name__ == "__main__":
    main()
