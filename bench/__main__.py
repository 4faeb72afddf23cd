"""`python -m bench`: the scaling benchmark of issue 8, written to docs/benchmarks/benchmarks.md.

    python -m bench [--sizes 10000,100000,1000000] [--requests 30] [--report-only]

For each size: generate an argument-shaped graph as CSV (bench/graphgen.py,
streamed), load it through UNWIND (up to --unwind-max claims) and through
neo4j-admin import on a fresh server (`.local/neo4j-bench`, ports 27687/27474),
time every read in-process beside the raw driver, then HTTP throughput under
mixed reads and evidence writes with `kb serve`. Each size's figures are saved
to .local/bench/results-<size>.json as soon as it finishes, and the report is
rebuilt from every saved size, so sizes may run one at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import time

from bench import filters, report
from bench.common import Options
from bench.suite import run_size
from kb.cli.progress import Task
from kb.config import LOCAL_DIR
from kb.sizing import MemoryRequest

RESULTS = LOCAL_DIR / "bench"


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes", type=_sizes, default="10000,100000,1000000", help="claims per graph"
    )
    parser.add_argument("--requests", type=int, default=30, help="timed requests per figure")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds per figure at most")
    parser.add_argument("--unwind-max", type=int, default=100_000, help="largest UNWIND load")
    parser.add_argument("--http-seconds", type=float, default=20.0)
    parser.add_argument("--heap", help="Neo4j heap (default: derived, see kb/sizing.py)")
    parser.add_argument("--pagecache", help="Neo4j page cache (default: derived)")
    parser.add_argument("--tx-memory", help="Neo4j transaction memory (default: derived)")
    parser.add_argument("--report-only", action="store_true", help="rebuild the report only")
    parser.add_argument("--bolt-port", type=int, default=27687, help="its server's Bolt port")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure on the store a --load-only run left (same --bolt-port), keeping its load "
        "figures",
    )
    parser.add_argument("--load-only", action="store_true", help="generate and load; no reads")
    args = parser.parse_args()
    sizes: list[int] = args.sizes
    options = Options(
        requests=args.requests,
        budget_seconds=args.budget,
        unwind_max=args.unwind_max,
        http_seconds=args.http_seconds,
        memory=MemoryRequest(args.heap, args.pagecache, args.tx_memory),
        load_only=args.load_only,
        reuse_from=_saved(sizes) if args.reuse else None,
        bolt_port=args.bolt_port,
        http_port=args.bolt_port - 213,
        api_port=args.bolt_port + 113,
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    if not args.report_only:
        with Task("bench", total=len(sizes), unit="graph sizes") as task:
            for size in sizes:
                task.phase(f"{size:,} claims")
                measure_size(size, options, sizes)
                task.advance()
    report.write(RESULTS)
    filters.write_report(RESULTS)


def measure_size(size: int, options: Options, sizes: list[int]) -> None:
    """Run every measurement on one graph size and write its results file."""
    print(f"{size:,} claims")
    started = time.perf_counter()
    figures = run_size(size, options, smallest=size == sizes[0])
    figures["wall_seconds"] = time.perf_counter() - started
    # Other work on the machine inflates every figure: say how busy it was.
    figures["load_average_1m_at_end"] = os.getloadavg()[0]
    figures["measured_at"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    (RESULTS / f"results-{size}.json").write_text(json.dumps(figures, indent=1))
    report.write(RESULTS)


def _sizes(text: str) -> list[int]:
    """`--sizes 10000,100000`: positive claim counts, smallest first."""
    try:
        sizes = sorted(int(size) for size in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {text}") from None
    if sizes[0] < 1000:
        raise argparse.ArgumentTypeError("a graph needs at least 1,000 claims")
    return sizes


def _saved(sizes: list[int]) -> dict[int, dict[str, object]]:
    files = {size: RESULTS / f"results-{size}.json" for size in sizes}
    return {size: json.loads(path.read_text()) for size, path in files.items() if path.exists()}


if __name__ == "__main__":
    main()
