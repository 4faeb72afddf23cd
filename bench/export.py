"""Time the exports and compare neo4j-admin's CSV import with the Cypher load path.

    python -m bench.export [--claims 20000]

Starts its own server (`.local/neo4j-bench-export`, ports from
KB_LOCAL_BOLT_PORT / KB_LOCAL_HTTP_PORT, default 27697/27494, wiped first),
seeds the article (the seed scripts), adds a synthetic argument graph
(batched `UNWIND` writes, the Cypher bulk path), then times each export with
its peak Python allocation (tracemalloc: the exports stream page by page, so
this should not grow with the graph). It then stops the server, loads the CSV
export into a fresh store with `neo4j-admin database import full` (Neo4j's
own AdminTool from the launcher's classpath), starts a server on that store and
checks that every label and relationship type arrived with the same count.
Writes docs/benchmarks/export-benchmark.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench import synthetic
from kb import localdb
from kb.config import CYPHER_DIR, LOCAL_DIR, PROJECT_ROOT, LocalServerConfig, Settings
from kb.db import Store
from kb.derived.full import recompute_all
from kb.export import neo4j_csv
from kb.export.formats import FORMATS
from kb.schema import DOMAIN_NODES
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services import export as export_service
from kb.services.stats import graph_stats

PASSWORD = "kb-bench-password"
REPORT = PROJECT_ROOT / "docs" / "benchmarks" / "export-benchmark.md"
# What an export carries (operational records and retired elements stay behind).
DOMAIN_LABELS = {kind.label for kind in DOMAIN_NODES}


def _server(home: Path, wipe: bool) -> tuple[LocalServerConfig, Settings]:
    bolt = int(os.environ.get("KB_LOCAL_BOLT_PORT", "27697"))
    http = int(os.environ.get("KB_LOCAL_HTTP_PORT", "27494"))
    local = LocalServerConfig(home, bolt, http, PASSWORD)
    if wipe:
        shutil.rmtree(home, ignore_errors=True)
    settings = Settings(neo4j_uri=f"neo4j://127.0.0.1:{bolt}", neo4j_password=PASSWORD, local=local)
    return local, settings


def _timed_export(store: Store, format_name: str, folder: Path) -> dict[str, Any]:
    tracemalloc.start()
    started = time.perf_counter()
    if FORMATS[format_name].to_folder:
        export_service.write_csv(store, None, folder)
        size = sum(path.stat().st_size for path in folder.iterdir())
    else:
        size = sum(len(chunk) for chunk in export_service.export(store, format_name).body)
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    mib = 2**20
    return {"format": format_name, "seconds": seconds, "mib": size / mib, "peak_mib": peak / mib}


def _domain_counts(store: Store) -> tuple[dict[str, int], dict[str, int]]:
    stats = graph_stats(store)
    nodes = {label: n for label, n in stats.nodes.items() if label in DOMAIN_LABELS}
    return nodes, dict(stats.relationships)


def _admin_import(home: Path, folder: Path) -> float:
    """Run neo4j-admin's import into `home` (server stopped); returns its seconds."""
    conf = home / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").write_text(f"server.directories.data={home / 'data'}\n")
    names = sorted(p.name for p in folder.glob("*.csv"))
    nodes = [str(folder / n) for n in names if n.startswith("node-")]
    rels = [str(folder / n) for n in names if n.startswith("rel-")]
    entries = localdb.CLASSPATH_FILE.read_text().strip().split(os.pathsep)
    classpath = os.pathsep.join([str(localdb.CLASSES_DIR), *entries])
    options = neo4j_csv.import_arguments(nodes, rels)
    cmd = [
        "java",
        *localdb.JVM_OPTIONS,
        "-cp",
        classpath,
        "org.neo4j.cli.AdminTool",
        "database",
        "import",
        "full",
        "neo4j",
        *options,
    ]
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(conf)}
    started = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        output = result.stdout[-3000:] + result.stderr[-3000:]
        raise SystemExit(f"neo4j-admin import failed:\n{output}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--claims", type=int, default=20000, help="synthetic claims to add")
    args = parser.parse_args()
    folder = LOCAL_DIR / "bench-export-csv"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)

    local, settings = _server(LOCAL_DIR / "neo4j-bench-export", wipe=True)
    localdb.start(local, timeout=300)
    store = Store.connect(settings)
    try:
        started = time.perf_counter()
        apply_scripts(store, discover_scripts(CYPHER_DIR), recompute=recompute_all)
        seed_seconds = time.perf_counter() - started
        started = time.perf_counter()
        synthetic.build(store, args.claims)
        build_seconds = time.perf_counter() - started
        exported_nodes, exported_rels = _domain_counts(store)
        # Every registered format, the folder-writing one (neo4j-admin CSV) last.
        names = sorted(FORMATS, key=lambda name: FORMATS[name].to_folder)
        exports = [_timed_export(store, name, folder) for name in names]
    finally:
        store.close()
        localdb.stop(local)

    imported, settings = _server(LOCAL_DIR / "neo4j-bench-import", wipe=True)
    import_seconds = _admin_import(imported.home, folder)
    localdb.start(imported, timeout=300)
    store = Store.connect(settings)
    try:
        imported_nodes, imported_rels = _domain_counts(store)
    finally:
        store.close()
        localdb.stop(imported)
    figures = {
        "claims": args.claims,
        "seed_seconds": seed_seconds,
        "build_seconds": build_seconds,
        "import_seconds": import_seconds,
        "exports": exports,
        "nodes": sum(exported_nodes.values()),
        "rels": sum(exported_rels.values()),
        "same": (exported_nodes, exported_rels) == (imported_nodes, imported_rels),
    }
    _write(figures)
    print(REPORT.read_text())


def _write(f: dict[str, Any]) -> None:
    rows = "\n".join(
        f"| {e['format']} | {e['seconds']:.1f} | {e['mib']:.1f} | {e['peak_mib']:.1f} |"
        for e in f["exports"]
    )
    REPORT.write_text(
        f"""# Exports and bulk import: measured

`python -m bench.export --claims {f["claims"]}` on {platform.machine()}, Python
{platform.python_version()}, Neo4j {localdb.neo4j_version()} (the project's local server,
512 MiB heap). The graph: the seeded article plus {f["claims"]:,} synthetic claims with
their support and causal links: {f["nodes"]:,} nodes and {f["rels"]:,} relationships.

## Exporting the whole graph

| format | seconds | output MiB | peak Python allocation MiB |
|---|---|---|---|
{rows}

Exports read keyset pages of {export_service.PAGE_SIZE} anchors, each its own read transaction, and
stream the text out, so the peak allocation stays near one page's worth
rather than the graph's size (AIF keeps its edges and locutions in a spooled
temporary file until the nodes are out). The synthetic graph carries no
analysts' evidence, so its ClaimReview export is empty: that row is the fixed
cost of deriving every status.

## Loading: Cypher vs neo4j-admin

| path | seconds |
|---|---|
| seed scripts (the article, schema included) | {f["seed_seconds"]:.1f} |
| batched `UNWIND` writes of the {f["claims"]:,} synthetic claims | {f["build_seconds"]:.1f} |
| `neo4j-admin database import full` of the whole CSV export | {f["import_seconds"]:.1f} |

A server started on the imported store holds the same count per label and
relationship type as the exported one: **{"yes" if f["same"] else "NO"}**.
The importer writes the store files directly (no transactions) and most of
its time here is the JVM's and the importer's fixed start-up; the Cypher path
pays per transaction and per index update, so the gap widens with the corpus.
Figures are wall-clock on a shared 2-core machine (other jobs were running):
compare them with each other, not with another machine.
Constraints and indexes are not in the CSV: `kb seed` creates them afterwards.
"""
    )


if __name__ == "__main__":
    main()
