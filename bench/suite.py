"""One benchmark run for one graph size: generate, load both ways, time every read.

Results are plain dicts (saved as JSON by `bench.__main__`, turned into
docs/benchmarks/benchmarks.md by `bench.report`), so sizes can run in separate processes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import capture, graphgen  # noqa: F401  (capture: hook in place before any query)
from bench.common import BENCH_PASSWORD, Options, bench_settings, rss_mb
from kb import localdb
from kb.bulkcsv import discover
from kb.config import LOCAL_DIR, PROJECT_ROOT, LocalServerConfig, Settings
from kb.db import Store
from kb.services import backup as backup_service
from kb.services import bulk as bulk_service
from kb.services import keys as key_service
from kb.sizing import store_size

PASSWORD = BENCH_PASSWORD
DATA_ROOT = LOCAL_DIR / "bench-data"


def graph_files(size: int) -> tuple[Path, graphgen.GraphFacts, float]:
    """The CSV files of a `size`-claim graph, generated once and kept under .local/."""
    folder = DATA_ROOT / str(size)
    facts_file = folder / "facts.json"
    if not facts_file.exists():
        # A process of its own, so that its peak memory is the generator's alone.
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        cmd = [sys.executable, "-m", "bench.graphgen", str(folder), "--claims", str(size)]
        subprocess.run(cmd, check=True, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL)
        print(f"  generated {size:,} claims in {time.perf_counter() - started:.1f} s")
    saved = json.loads(facts_file.read_text())
    peak = saved.pop("max_rss_mb", 0.0)
    saved.pop("nodes"), saved.pop("relationships")
    return folder, graphgen.GraphFacts(**saved), peak


def server(options: Options) -> tuple[LocalServerConfig, Settings]:
    local = LocalServerConfig(
        LOCAL_DIR / f"neo4j-bench-{options.bolt_port}",
        options.bolt_port,
        options.http_port,
        PASSWORD,
        memory=options.memory,
    )
    return local, bench_settings(local, read_timeout=300.0, patient_requests=True)


def run_size(size: int, options: Options, smallest: bool) -> dict[str, Any]:
    """Everything measured on one graph size."""
    folder, facts, generator_mb = graph_files(size)
    local, settings = server(options)
    previous = options.reuse_from.get(size) if options.reuse_from else None
    localdb.stop(local)
    if previous is None:
        shutil.rmtree(local.data_dir, ignore_errors=True)
    localdb.start(local, timeout=600)
    store = Store.connect(settings)
    result: dict[str, Any] = {
        "claims": size,
        "facts": facts.as_dict(),
        "generator_max_rss_mb": generator_mb,
    }
    try:
        if previous is not None:
            # The store a --load-only run built: its load figures stand; the code of this
            # run brings schema and derived values current on it.
            print("  reusing the loaded store ...")
            for key in ("import", "unwind", "store_mb", "rss_after_load_mb"):
                if key in previous:
                    result[key] = previous[key]
            report = bulk_service.LoadReport("reuse")
            bulk_service.after_load(store, report, None)
            result["reuse"] = _report(report)
        elif size <= options.unwind_max:
            result["unwind"] = measure_unwind(store, folder, options, smallest)
            backup_service.wipe(store)
        if previous is None:
            print("  bulk import ...")
            report = bulk_service.load(settings, store, folder, mode="import")
            result["import"] = _report(report)
            result["store_mb"] = store_size(local.data_dir) / 2**20
            result["rss_after_load_mb"] = {"neo4j": rss_mb(localdb.status(local).pid)}
        result["memory"] = localdb.memory_for(local).describe()
        if options.load_only:
            return result
        from bench import http_load, reads  # after the load: the app needs the store up

        result["reads"] = reads.measure(settings, facts, options)
        result["rss_after_reads_mb"] = {"neo4j": rss_mb(localdb.status(local).pid)}
        from bench import filters

        result["filters"] = filters.measure(settings, facts, options)
        key = key_service.create_key(store, f"bench-{int(time.time())}", "analyst")
        result["http"] = http_load.measure(settings, facts, options, key)
    finally:
        store.close()
        localdb.stop(local)
    return result


def measure_unwind(store: Store, folder: Path, options: Options, smallest: bool) -> dict[str, Any]:
    """rows/s of the UNWIND path: the whole graph at the default batch size, and on the
    smallest graph the claims and their supports at each batch size."""
    files = discover(folder)
    figures: dict[str, Any] = {}
    if smallest:
        subset = [f for f in files if f.key in ("Claim", "SUPPORTS-Claim-Claim")]
        sweep = {}
        for batch in options.batch_sizes:
            backup_service.wipe(store)
            report = bulk_service.merge_files(store, subset, batch)
            sweep[str(batch)] = _report(report)
            print(f"  unwind batch {batch}: {report.rows_per_second:,.0f} rows/s")
        figures["batch_sweep"] = sweep
        backup_service.wipe(store)
    print(f"  unwind full graph, batch {bulk_service.DEFAULT_BATCH} ...")
    report = bulk_service.merge_files(store, files, bulk_service.DEFAULT_BATCH)
    figures["full"] = _report(report)
    print(f"  unwind: {report.rows_per_second:,.0f} rows/s")
    return figures


def _report(report: bulk_service.LoadReport) -> dict[str, Any]:
    return {
        "mode": report.mode,
        "nodes": report.nodes,
        "relationships": report.relationships,
        "phases": report.phases,
        "seconds": report.seconds,
        "rows_per_second": report.rows_per_second,
    }
