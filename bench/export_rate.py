"""`python -m bench.export_rate`: each export format beside the raw stream of its reads.

    python -m bench.export_rate [--sizes 10000] [--bolt-port 17664] [--repeat 3]

For each size: the graph of `python -m bench` (bench/graphgen.py, `kb bulk-load`
through neo4j-admin import, so links carry no text offsets) on a server of its
own (`.local/neo4j-bench-export-rate`). Then, alternating, `repeat` times each
per format: the raw stream (the very keyset pages the format reads, each its own
read transaction, records consumed and dropped by the driver: what any export
must pay) and the export itself to its bytes. Best times are compared (the
machine is shared). ClaimReview reads only claims with analysts' evidence, which
the generated graph has none of, so it is left out. Writes
docs/benchmarks/export-rate.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from bench.common import fresh_bench_server, timed
from bench.suite import graph_files
from kb import localdb
from kb.config import LOCAL_DIR, PROJECT_ROOT
from kb.db import Store
from kb.queries import export as q
from kb.queries import export_formats as f
from kb.schema import ARGUMENTS, DOMAIN_RELATIONSHIPS
from kb.services import bulk as bulk_service
from kb.services import export as export_service

REPORT = PROJECT_ROOT / "docs" / "benchmarks" / "export-rate.md"
TARGET = 1.2  # an export may cost at most this much more than reading its data

# (query, keyset key, parameters) of every page read, per format.
Reads = list[tuple[LiteralString, str, dict[str, Any]]]


def _graph_reads() -> Reads:
    """GraphML's and the CSV's reads: every node label, then every relationship kind."""
    nodes: Reads = [(query, "id", {}) for query in q.NODE_PAGE_QUERIES.values()]
    rels: Reads = [
        (q.REL_PAGE_QUERIES[kind.name], "anchor_id", {}) for kind in DOMAIN_RELATIONSHIPS
    ]
    return nodes + rels


def _aif_reads() -> Reads:
    return [
        (q.NODE_PAGE_QUERIES["Source"], "id", {}),
        (f.AIF_CLAIM_PAGE_QUERY, "id", {}),
        *[(f.AIF_ARGUMENT_PAGE_QUERIES[kind.type], "id", {}) for kind in ARGUMENTS],
        (f.AIF_CAUSAL_LINK_PAGE_QUERY, "id", {}),
    ]


READS: dict[str, Callable[[], Reads]] = {
    "aif": _aif_reads,
    "graphml": _graph_reads,
    "csv": _graph_reads,
}


def _raw_page(
    tx: ManagedTransaction, query: LiteralString, key: str, params: dict[str, Any], after: str
) -> tuple[int, str]:
    rows, last = 0, ""
    page = {**params, "source_id": None, "after": after, "limit": export_service.PAGE_SIZE}
    for record in tx.run(query, page):
        rows, last = rows + 1, record[key]
    return rows, last


def raw_stream(store: Store, reads: Reads) -> int:
    """The pages of `reads` through the driver, records consumed and dropped; rows read."""
    total = 0
    for query, key, params in reads:
        after = ""
        while True:
            rows, after = store.read_bulk(_raw_page, query, key, params, after)
            total += rows
            if rows < export_service.PAGE_SIZE:
                break
    return total


def exported_bytes(store: Store, format_name: str, folder: Path) -> int:
    if format_name == "csv":
        shutil.rmtree(folder, ignore_errors=True)
        export_service.write_csv(store, None, folder)
        return sum(path.stat().st_size for path in folder.iterdir())
    return sum(len(chunk) for chunk in export_service.export(store, format_name).body)


def measure(size: int, bolt_port: int, repeat: int) -> dict[str, Any]:
    folder, _facts, _mb = graph_files(size)
    home = LOCAL_DIR / "neo4j-bench-export-rate"
    settings = fresh_bench_server(home, bolt_port, bolt_port + 1000)
    local = settings.local
    assert local is not None
    store = Store.connect(settings)
    csv_folder = LOCAL_DIR / "bench" / "export-rate-csv"
    result: dict[str, Any] = {"claims": size, "formats": []}
    try:
        print(f"  loading {size:,} claims ...")
        bulk_service.load(settings, store, folder, mode="import")
        for name, reads in READS.items():
            raw: list[float] = []
            export: list[float] = []
            raw_cpu: list[float] = []
            export_cpu: list[float] = []
            out = 0
            for _ in range(repeat):
                cpu = time.process_time()
                raw.append(timed(lambda reads=reads: raw_stream(store, reads())))
                raw_cpu.append(time.process_time() - cpu)
                started, cpu = time.perf_counter(), time.process_time()
                out = exported_bytes(store, name, csv_folder)
                export.append(time.perf_counter() - started)
                export_cpu.append(time.process_time() - cpu)
                print(
                    f"  {name}: raw {raw[-1]:.2f} s ({raw_cpu[-1]:.2f} CPU), "
                    f"export {export[-1]:.2f} s ({export_cpu[-1]:.2f} CPU)"
                )
            result["formats"].append(
                {
                    "format": name,
                    "raw": min(raw),
                    "export": min(export),
                    "raw_cpu": min(raw_cpu),
                    "export_cpu": min(export_cpu),
                    "mib": out / 2**20,
                }
            )
        result["load"] = os.getloadavg()
    finally:
        store.close()
        localdb.stop(local)
        shutil.rmtree(csv_folder, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)
    return result


def _rows(results: list[dict[str, Any]]) -> Iterator[str]:
    for result in results:
        for row in result["formats"]:
            ratio = row["export"] / row["raw"]
            verdict = "met" if ratio <= TARGET else "NOT met"
            yield (
                f"| {result['claims']:,} | {row['format']} | {row['raw']:.2f} | "
                f"{row['export']:.2f} | {ratio:.2f}x | {row['mib']:.1f} | {verdict} | "
                f"{row['raw_cpu']:.2f} | {row['export_cpu']:.2f} |"
            )


def write(results: list[dict[str, Any]], command: str) -> None:
    loads = ", ".join(f"{r['claims']:,}: {r['load'][0]:.1f}" for r in results)
    REPORT.write_text(
        f"""# Exports against the raw stream of their reads

`{command}` on {platform.machine()}, Python {platform.python_version()},
Neo4j {localdb.neo4j_version()}. The graph of `python -m bench` (graphgen's CSV through
`kb bulk-load`; its links carry no text offsets). Best of the alternating runs.

The raw stream is what every export must pay: the same keyset pages of
{export_service.PAGE_SIZE} anchors, each its own read transaction, with the driver
consuming and dropping the records. The export adds turning rows into text.
Target: every format at or under {TARGET}x the raw stream.

| claims | format | raw stream s | export s | ratio | output MiB | target | raw CPU | export CPU |
|---|---|---|---|---|---|---|---|---|
{chr(10).join(_rows(results))}

Exports read through `kb.db.value_records` (plain values, without the driver's
per-value `record.data()` conversion). ClaimReview is left out: it reads only
claims with analysts' evidence, which the generated graph has none of.
The machine is shared by other jobs (1-minute load average at the end of each
size: {loads}); compare the two columns with each other, not with another machine.
The CPU columns are this process's own CPU seconds (all its threads: the driver
decoding records, and for the export the formatting too), best of the runs: less
sensitive to the other jobs than the wall-clock columns, they show what the
format adds in Python.
"""
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", default="10000", help="comma-separated claim counts")
    parser.add_argument("--bolt-port", type=int, default=17664)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    results = [measure(size, args.bolt_port, args.repeat) for size in sizes]
    command = f"python -m bench.export_rate --sizes {args.sizes} --repeat {args.repeat}"
    write(results, command)
    print(REPORT.read_text())


if __name__ == "__main__":
    main()
