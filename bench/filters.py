"""Every filter of `GET /claims` alone and in the pairs users combine, and a search for a
common word: one page each, in-process and over HTTP (issue 22, "filters that cost their
page").

    python -m bench.filters --claims 10000 [--requests 20] [--bolt-port 27690]

Generates (or reuses) the benchmark's graph of `--claims` claims (bench/graphgen.py),
imports it into a fresh server of its own (`.local/neo4j-bench-<port>`), times each probe
through the WSGI app in-process and over one keep-alive HTTP connection to `kb serve`,
saves `.local/bench/filters-<size>.json` and rebuilds docs/benchmarks/filters.md from every
saved size. `python -m bench` runs the same probes (`measure`) on each of its sizes.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from bench.common import API, Options, percentiles
from bench.graphgen import GraphFacts
from kb.config import LOCAL_DIR, PROJECT_ROOT

RESULTS = LOCAL_DIR / "bench"
DOC = PROJECT_ROOT / "docs" / "benchmarks" / "filters.md"

# A word in ~64% of the synthetic claims (graphgen's power-law word 1: "lo"+"ka"+"ka").
COMMON_WORD = "lokaka"
# An actor in ~7% of claims at every size (graphgen: actors ** random, index 0 most).
POPULAR_ACTOR = "actor-00000"

# One filter per row; values chosen so each asks what users ask of a graph this shape:
# a common and a rare value where the two plan differently.
SINGLE: dict[str, str] = {
    "type": "type=causal",
    "status": "status=supported",
    "status (common)": "status=unverified",
    "standing": "status=weakened",
    "checkable": "checkable=true",
    "actor (popular)": f"actor={POPULAR_ACTOR}",
    "actor (rare)": "actor=actor-00097",
    "topic": "topic=topic-none",
    "source": "source=src-000001",
    "slot open": "slot=open",
    "slot none": "slot=none",
    "slot closed": "slot=closed",
    "asserted_by_min": "asserted_by_min=2",
    "rejected_by_min": "rejected_by_min=1",
    "contested": "contested=true",
    "not contested": "contested=false",
    "reported_by_min": "reported_by_min=1",
    "consensus": "consensus=agreed",
}
# The pairs users combine (the issue's own examples first).
PAIRS: dict[str, str] = {
    "type+status": "type=factual&status=supported",
    "type+status (common)": "type=causal&status=unverified",
    "type+checkable": "type=factual&checkable=true",
    "checkable+slot none": "checkable=true&slot=none",
    "type+actor": f"type=factual&actor={POPULAR_ACTOR}",
    "status+actor": f"status=supported&actor={POPULAR_ACTOR}",
    "type+source": "type=factual&source=src-000001",
    "type+standing": "type=factual&status=weakened",
    "status+checkable": "status=refuted&checkable=true",
    "type+asserted_by_min": "type=factual&asserted_by_min=2",
    "actor+topic": f"actor={POPULAR_ACTOR}&topic=topic-none",
    "type+contested": "type=factual&contested=true",
    "status+slot open": "status=supported&slot=open",
    "type+rejected_by_min": "type=causal&rejected_by_min=1",
    "type+reported_by_min": "type=factual&reported_by_min=1",
    "type+consensus": "type=factual&consensus=agreed",
}
SEARCH = {"search (common word)": f"q={COMMON_WORD}"}


def probes(facts: GraphFacts | None = None) -> dict[str, str]:
    """Name -> URL of every filter probe (one page of 50)."""
    del facts  # the values above exist at every size graphgen makes
    every = {**SINGLE, **PAIRS, **SEARCH}
    return {name: f"{API}/claims?limit=50&{query}" for name, query in every.items()}


def _timed(call: Any, count: int, budget: float) -> dict[str, float]:
    for _ in range(2):
        call()
    samples: list[float] = []
    deadline = time.perf_counter() + budget
    while len(samples) < count and (len(samples) < 3 or time.perf_counter() < deadline):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return percentiles(samples)


def db_hits(driver: Any, database: str, statements: list[tuple[Any, dict[str, Any]]]) -> int:
    """Neo4j's database hits for `statements` (PROFILE): the work a request asks of the
    store, which no other load on the machine changes."""
    total = 0
    with driver.session(database=database) as session:
        for query, params in statements:
            stack = [session.run("PROFILE " + query, params).consume().profile]
            while stack:
                node = stack.pop()
                total += int(node.get("dbHits", 0))
                stack.extend(node.get("children") or [])
    return total


def measure(settings: Any, facts: GraphFacts, options: Options) -> dict[str, Any]:
    """p50/p95 of each probe in-process (Flask test client) and over HTTP (`kb serve`),
    with the database hits its statements cost."""
    from api import create_app  # the app only once the store is up
    from bench import capture
    from bench.http_load import _serve
    from kb.db import create_driver

    client = create_app({"KB_SETTINGS": settings}).test_client()
    driver = create_driver(settings)
    figures: dict[str, Any] = {}
    for name, url in probes(facts).items():
        response = client.get(url)
        body = response.get_json(silent=True) or {}
        statements = capture.capture(lambda url=url: client.get(url))
        figures[name] = {
            "url": url,
            "status": response.status_code,
            "answer": len(body.get("items", [])),
            "total": body.get("meta", {}).get("total"),
            "estimate": body.get("meta", {}).get("total_is_estimate"),
            "db_hits": db_hits(driver, settings.neo4j_database, statements),
            "api": _timed(
                lambda url=url: client.get(url), options.requests, options.budget_seconds
            ),
        }
    driver.close()
    # The cache off: a repeated URL must cost its query, not a dictionary lookup.
    proc = _serve(settings, options.api_port, response_cache=False)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", options.api_port, timeout=300)
        for name, url in probes(facts).items():
            statuses: list[int] = []

            def get(url: str = url, statuses: list[int] = statuses) -> None:
                conn.request("GET", url)
                response = conn.getresponse()
                response.read()
                statuses.append(response.status)

            figures[name]["http"] = _timed(get, options.requests, options.budget_seconds)
            figures[name]["http_errors"] = sum(1 for s in statuses if s >= 400)
            fig = figures[name]
            print(
                f"  {name:24} in-process p50 {fig['api']['p50']:7.1f} ms  http p50 "
                f"{fig['http']['p50']:7.1f} ms  {fig['db_hits']:9,} db hits  [{fig['status']}, "
                f"{fig['answer']} items, total {fig['total']}]",
                flush=True,
            )
        conn.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return figures


def main() -> None:
    from bench.suite import graph_files, server
    from kb import localdb
    from kb.db import Store
    from kb.services import bulk as bulk_service

    parser = argparse.ArgumentParser(prog="python -m bench.filters", description=__doc__)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--budget", type=float, default=20.0, help="seconds per figure at most")
    parser.add_argument("--bolt-port", type=int, default=27690)
    parser.add_argument("--keep", action="store_true", help="leave the store on disk")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the store a --keep run left (no load)"
    )
    args = parser.parse_args()
    options = Options(
        requests=args.requests,
        budget_seconds=args.budget,
        bolt_port=args.bolt_port,
        http_port=args.bolt_port - 213,
        api_port=args.bolt_port + 113,
    )
    folder, facts, _ = graph_files(args.claims)
    local, settings = server(options)
    if not args.reuse:
        localdb.stop(local)
        shutil.rmtree(local.data_dir, ignore_errors=True)
    localdb.start(local, timeout=600)
    store = Store.connect(settings)
    try:
        started = time.perf_counter()
        if args.reuse:  # the code of this run brings the schema current
            bulk_service.after_load(store, bulk_service.LoadReport("reuse"), None)
        else:
            bulk_service.load(settings, store, folder, mode="import")
        print(f"{args.claims:,} claims loaded in {time.perf_counter() - started:.0f} s")
        result = {
            "claims": args.claims,
            "filters": measure(settings, facts, options),
            "load_average_1m_at_end": os.getloadavg()[0],
            "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        }
    finally:
        store.close()
        if not args.keep:
            localdb.stop(local)
            shutil.rmtree(local.data_dir, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"filters-{args.claims}.json").write_text(json.dumps(result, indent=1))
    write_report(RESULTS)


# Targets of issue 22 at the largest size against the smallest: a page of any filter
# within 2x, a common-word search within 1.5x.
TARGET = {"search (common word)": 1.5}
DEFAULT_TARGET = 2.0


def _runs(results: Path) -> list[dict[str, Any]]:
    """Each size's filter figures: `python -m bench.filters` runs, else `python -m bench`."""
    runs: dict[int, dict[str, Any]] = {}
    for path in sorted(results.glob("results-*.json")):
        run = json.loads(path.read_text())
        if run.get("filters"):
            runs[run["claims"]] = run
    for path in sorted(results.glob("filters-*.json")):
        run = json.loads(path.read_text())
        runs[run["claims"]] = run
    return [runs[size] for size in sorted(runs)]


def write_report(results: Path, doc: Path = DOC) -> None:
    """docs/benchmarks/filters.md from every saved size."""
    runs = _runs(results)
    if not runs:
        return
    small, large = runs[0], runs[-1]
    sizes = " | ".join(f"{run['claims']:,}" for run in runs)
    lines = [
        "# Filters and common-word search at every size",
        "",
        "Generated by `python -m bench.filters --claims N` (or `python -m bench`, which runs",
        "the same probes on each of its sizes) from the saved figures; do not edit by hand.",
        "Notes and the method: [benchmarks-notes.md](benchmarks-notes.md), section",
        '"Filters and common-word search (issue 22)".',
        "",
        "One page of 50 (`GET /api/v1/claims?limit=50&...`), p50 ms in-process (Flask test",
        "client) / over HTTP (`kb serve`, one keep-alive connection), and Neo4j's database",
        "hits for the request's statements (PROFILE): the work asked of the store, which",
        "other load on the machine does not change. The machine is shared (load average at",
        "the end of each size below), so the milliseconds are noisy; the hits are not.",
        "",
        "| size | measured | load average (1 min) |",
        "|---|---|---|",
    ]
    for run in runs:
        lines.append(
            f"| {run['claims']:,} | {run.get('measured_at', '?')} "
            f"| {run.get('load_average_1m_at_end', 0):.1f} |"
        )
    lines += [
        "",
        f"| probe | query | in-process p50 ms ({sizes}) | HTTP p50 ms ({sizes}) "
        f"| db hits ({sizes}) | in-process {large['claims']:,} / {small['claims']:,} "
        "| db hits ratio | target, judged on db hits |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, fig in small["filters"].items():
        figs = [run["filters"].get(name) for run in runs]
        query = fig["url"].split("limit=50&", 1)[-1]

        def col(key: str, figs: list[Any] = figs) -> str:
            return " / ".join(f"{f[key]['p50']:.1f}" if f else "-" for f in figs)

        hits = " / ".join(f"{f['db_hits']:,}" if f else "-" for f in figs)
        last = figs[-1]
        ratio = last["api"]["p50"] / fig["api"]["p50"] if last else float("nan")
        hits_ratio = last["db_hits"] / max(1, fig["db_hits"]) if last else float("nan")
        target = TARGET.get(name, DEFAULT_TARGET)
        verdict = "met" if hits_ratio <= target else "missed"
        if name in TARGET:  # Lucene's own work is not in the database hits
            verdict = "judged on ms only: " + ("met" if ratio <= target else "missed")
        if len(runs) < 2:
            verdict = "needs a second size"
        lines.append(
            f"| {name} | `{query}` | {col('api')} | {col('http')} | {hits} | {ratio:.2f}x "
            f"| {hits_ratio:.2f}x | ≤ {target}x: {verdict} |"
        )
    doc.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
