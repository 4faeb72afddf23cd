"""`python -m bench.backup`: `kb backup` beside a raw stream of the same data.

    python -m bench.backup [--sizes 10000,100000] [--bolt-port 23697] [--repeat 3]

For each size: the graph of `python -m bench` (bench/graphgen.py, `kb bulk-load`
through neo4j-admin import) on a server of its own (`.local/neo4j-bench-backup`),
then, alternating, `repeat` times each: the raw stream (one read transaction,
every node and relationship with labels/type, ends and properties, records
consumed and dropped by the driver) and `kb backup`'s `dump` to a file; then
`kb backup --hash`, a restore of the file (`--force`) and, on the stopped
server, `kb backup --offline`. Best times are compared (the machine is shared).
Figures go to .local/bench/backup-<size>.json and are printed as a table.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from neo4j import ManagedTransaction

from bench.common import fresh_bench_server, timed
from bench.suite import graph_files
from kb import localdb
from kb.config import LOCAL_DIR
from kb.db import Store
from kb.services import backup as backup_service
from kb.services import bulk as bulk_service
from kb.services import restore as restore_service

RESULTS = LOCAL_DIR / "bench"

RAW_NODES = "MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties"
RAW_RELATIONSHIPS = """
MATCH ()-[r]->()
RETURN elementId(r) AS id, type(r) AS type, elementId(startNode(r)) AS start,
       elementId(endNode(r)) AS end, properties(r) AS properties
"""


def raw_stream(tx: ManagedTransaction) -> int:
    """Every node and relationship through the driver, consumed and dropped."""
    rows = 0
    for query in (RAW_NODES, RAW_RELATIONSHIPS):
        for _record in tx.run(query):
            rows += 1
    return rows


def measure(size: int, bolt_port: int, repeat: int) -> dict[str, Any]:
    folder, _facts, _mb = graph_files(size)
    settings = fresh_bench_server(LOCAL_DIR / "neo4j-bench-backup", bolt_port, bolt_port - 213)
    local = settings.local
    assert local is not None
    store = Store.connect(settings)
    target = LOCAL_DIR / "bench" / f"backup-{size}.jsonl"
    target.parent.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"claims": size}
    try:
        print(f"  loading {size:,} claims ...")
        bulk_service.load(settings, store, folder, mode="import")
        counts = backup_service.counts(store)
        result.update(nodes=counts.nodes, relationships=counts.relationships)
        raw: list[float] = []
        dumps: list[float] = []

        def dump() -> None:
            with target.open("w", encoding="utf-8") as out:
                backup_service.dump(store, out)

        for _ in range(repeat):
            raw.append(timed(lambda: store.write(raw_stream)))
            dumps.append(timed(dump))
            print(f"  raw {raw[-1]:.1f} s, backup {dumps[-1]:.1f} s")
        result.update(
            raw_seconds=raw,
            backup_seconds=dumps,
            ratio_best=min(dumps) / min(raw),
            backup_mb=target.stat().st_size / 2**20,
        )
        result["hash_seconds"] = timed(lambda: backup_service.content_hash(store))
        result["restore_seconds"] = timed(
            lambda: restore_service.restore(store, target, force=True)
        )
        localdb.stop(local)
        dumped = target.with_suffix(".dump")
        result["offline_seconds"] = timed(
            lambda: localdb.admin_dump(local, dumped, local.home / "logs" / "dump.log")
        )
        result["offline_mb"] = dumped.stat().st_size / 2**20
    finally:
        store.close()
        localdb.stop(local)
    return result


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| claims | nodes | relationships | raw stream s (best) | kb backup s (best) | ratio "
        "| file MiB | --hash s | restore s | --offline s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['claims']:,} | {r['nodes']:,} | {r['relationships']:,} "
            f"| {min(r['raw_seconds']):.1f} | {min(r['backup_seconds']):.1f} "
            f"| {r['ratio_best']:.2f} | {r['backup_mb']:.0f} | {r['hash_seconds']:.1f} "
            f"| {r['restore_seconds']:.1f} | {r['offline_seconds']:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.backup",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", default="10000,100000", help="claims per graph")
    parser.add_argument("--bolt-port", type=int, default=23697)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = []
    for size in (int(part) for part in args.sizes.split(",")):
        print(f"{size:,} claims")
        result = measure(size, args.bolt_port, args.repeat)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / f"backup-{size}.json").write_text(json.dumps(result, indent=2))
        results.append(result)
    print(table(results))


if __name__ == "__main__":
    main()
