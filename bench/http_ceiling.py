"""`python -m bench.http_ceiling`: where an API request's time goes, and mixed req/s over HTTP.

    python -m bench.http_ceiling [--claims 10000] [--seconds 15] [--clients 16]

On the graph of `python -m bench` (graphgen's CSV through `kb bulk-load`, on a
server of its own, `.local/neo4j-bench-http-ceiling`, deleted afterwards), with
a mix of what users ask: claim detail, the first and a deep page, a rare and a
common word, status/type/checkable filters, walks, impact and causal chains.

In-process (Flask's test client, one thread): per request, the time inside
Neo4j calls (the managed transaction) and the API's own time, for the old
JSON encoder (stdlib), orjson, and orjson without the deadline hop (the call run
on the request's thread). Over HTTP: `kb serve` in several arrangements
(workers x threads, access log on or off), `--clients` keep-alive clients for
`--seconds` each. Writes docs/benchmarks/http-ceiling.md.
"""

from __future__ import annotations

import argparse
import functools
import http.client
import os
import platform
import random
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flask.json.provider import DefaultJSONProvider

from api import create_app
from api.fast_json import FastJSONProvider
from bench.common import API, BENCH_PASSWORD, fresh_bench_server
from bench.graphgen import GraphFacts, claim_id
from bench.http_load import cpu_seconds
from bench.probes import COMMON_WORD, endpoints, user_mix
from bench.suite import graph_files
from kb import localdb
from kb.config import LOCAL_DIR, PROJECT_ROOT, Settings
from kb.db import Store
from kb.services import bulk as bulk_service

REPORT = PROJECT_ROOT / "docs" / "benchmarks" / "http-ceiling.md"
# (workers, threads, access log, response cache) of each `kb serve` run; the first is
# the old default.
ARRANGEMENTS: tuple[tuple[int, int, bool, bool], ...] = (
    (2, 8, True, False),
    (2, 8, False, False),
    (2, 8, False, True),
    (2, 4, False, True),
    (2, 4, True, True),  # kb serve's default since issue 22
    (3, 4, False, True),
    (4, 4, False, True),
)


class StdlibJSON(DefaultJSONProvider):
    """What the API used before orjson (keys in schema order)."""

    sort_keys = False


def mix(facts: GraphFacts) -> list[str]:
    """The request mix's fixed URLs (40% of requests are a random claim's detail on top)."""
    urls = [url for name, url in endpoints(facts).items() if "hub" not in name]
    return [*urls, *user_mix()]


def pick(urls: list[str], facts: GraphFacts, rng: random.Random) -> str:
    if rng.random() < 0.4:  # detail of any claim, so no cache answers all
        return f"{API}/claims/{claim_id(rng.randrange(facts.claims))}"
    return rng.choice(urls)


@contextmanager
def database_clock() -> Iterator[list[float]]:
    """Seconds spent inside managed transactions (reads and writes), summed."""
    spent = [0.0]
    originals = Store._execute_read, Store._execute_write

    def clocked(original: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        def run(self: Store, *args: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(self, *args)
            finally:
                spent[0] += time.perf_counter() - started

        return run

    Store._execute_read = clocked(originals[0])  # type: ignore[method-assign]
    Store._execute_write = clocked(originals[1])  # type: ignore[method-assign]
    try:
        yield spent
    finally:
        Store._execute_read, Store._execute_write = originals  # type: ignore[method-assign]


def in_process(settings: Settings, facts: GraphFacts, seconds: float) -> list[dict[str, Any]]:
    urls = mix(facts)
    rows = []
    variants = (
        ("stdlib JSON, deadline hop", StdlibJSON, True),
        ("orjson, deadline hop", FastJSONProvider, True),
        ("orjson, no deadline hop", FastJSONProvider, False),
    )
    for name, provider, hop in variants:
        request_settings = settings.for_requests()
        store = Store.connect(
            request_settings
            if hop
            else Settings(
                neo4j_uri=settings.neo4j_uri,
                neo4j_password=settings.neo4j_password,
                read_timeout_seconds=request_settings.read_timeout_seconds,
            )
        )
        app = create_app({"KB_SETTINGS": settings, "KB_STORE": store, "KB_RESPONSE_CACHE": False})
        app.json = provider(app)
        client = app.test_client()
        rng = random.Random(7)
        for _ in range(50):  # warm: plans cached, pages in memory
            client.get(pick(urls, facts, rng))
        count, errors = 0, 0
        with database_clock() as spent:
            started = time.perf_counter()
            while time.perf_counter() - started < seconds:
                errors += client.get(pick(urls, facts, rng)).status_code >= 400
                count += 1
            wall = time.perf_counter() - started
        store.close()
        rows.append(
            {
                "variant": name,
                "per_second": count / wall,
                "ms": 1000 * wall / count,
                "db_ms": 1000 * spent[0] / count,
                "errors": errors,
            }
        )
        print(f"  in-process {name}: {rows[-1]}")
    return rows


def _serve(
    settings: Settings, port: int, workers: int, threads: int, log: bool, cache: bool
) -> Any:
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": settings.neo4j_password,
        "NEO4J_DATABASE": settings.neo4j_database,
        # One address is one caller: its limit (300/s per worker) would cap the run.
        "KB_RATE_LIMIT": "off",
    }
    cmd = [sys.executable, "-m", "kb", "serve", "--port", str(port)]
    cmd += ["--workers", str(workers), "--threads", str(threads)]
    cmd += [] if log else ["--no-access-log"]
    cmd += [] if cache else ["--no-response-cache"]
    proc = subprocess.Popen(
        cmd, env=env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", f"{API}/openapi.json")
            conn.getresponse().read()
            return proc
        except (OSError, http.client.HTTPException):
            time.sleep(0.5)
    proc.terminate()
    raise RuntimeError(f"kb serve did not answer on port {port}")


def _drive(
    port: int, urls: list[str], facts: GraphFacts, seconds: float, clients: int
) -> list[int]:
    """Statuses of what `clients` keep-alive clients asked in `seconds`."""
    done: list[int] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(number: int) -> None:
        rng = random.Random(number)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop_at:
            try:
                conn.request("GET", pick(urls, facts, rng))
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 599
            with lock:
                done.append(status)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done


def over_http(
    settings: Settings, facts: GraphFacts, port: int, seconds: float, clients: int
) -> list[dict[str, Any]]:
    urls = mix(facts)
    rows = []
    for workers, threads, log, cache in ARRANGEMENTS:
        proc = _serve(settings, port, workers, threads, log, cache)
        try:
            neo4j_pid = [localdb.status(settings.local).pid]
            before = cpu_seconds(neo4j_pid)
            started = time.monotonic()
            done = _drive(port, urls, facts, seconds, clients)
            wall = time.monotonic() - started
            rows.append(
                {
                    "arrangement": f"{workers} x {threads}, access log {'on' if log else 'off'}, "
                    f"cache {'on' if cache else 'off'}",
                    "per_second": len(done) / wall,
                    "errors": sum(status >= 400 for status in done),
                    "neo4j_cores": (cpu_seconds(neo4j_pid) - before) / wall,
                    "load": os.getloadavg()[0],
                    "clients": clients,
                }
            )
            print(f"  http {rows[-1]}")
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return rows


SECTION = "\n## Measured at "


def write(
    claims: int, command: str, local: list[dict[str, Any]], remote: list[dict[str, Any]]
) -> None:
    """Put this size's section into the report, replacing an earlier one of the same size
    and keeping the rest (the findings above the measured sections, other sizes)."""
    local_rows = "\n".join(
        f"| {r['variant']} | {r['per_second']:.0f} | {r['ms']:.2f} | {r['db_ms']:.2f} | "
        f"{r['ms'] - r['db_ms']:.2f} | {r['errors']} |"
        for r in local
    )
    remote_rows = "\n".join(
        f"| {r['arrangement']} | {r['per_second']:.0f} | {r['errors']} | "
        f"{r['neo4j_cores']:.2f} | {r['load']:.1f} |"
        for r in remote
    )
    section = f"""{claims:,} claims

`{command}` on {platform.machine()}, Python {platform.python_version()},
Neo4j {localdb.neo4j_version()}, {os.cpu_count()} cores shared with other jobs.

In-process (Flask's test client, one thread, no response cache):

| variant | req/s | ms per request | of which in Neo4j calls | API's own ms | errors |
|---|---|---|---|---|---|
{local_rows}

Over HTTP (`kb serve`, {remote[0]["clients"] if remote else 0} keep-alive clients):

| arrangement (workers x threads) | req/s | errors | Neo4j cores used | load average (1 min) |
|---|---|---|---|---|
{remote_rows}
"""
    text = REPORT.read_text() if REPORT.exists() else f"# The HTTP ceiling\n\n{_MIX}\n"
    head, *sections = text.split(SECTION)
    kept = [part for part in sections if not part.startswith(f"{claims:,} claims")]
    ordered = sorted([*kept, section], key=lambda part: int(part.split()[0].replace(",", "")))
    REPORT.write_text(head + "".join(SECTION + part.rstrip("\n") + "\n" for part in ordered))


_MIX = (
    "The mix: 40% a random claim's detail, the rest evenly over the first and a deep page, "
    f"a rare word and a common word (`{COMMON_WORD}`, in about 64% of claims), status, type "
    "and checkable filters, dependents, dependencies, impact and causal chains."
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--bolt-port", type=int, default=17665)
    parser.add_argument("--api-port", type=int, default=18665)
    parser.add_argument(
        "--reuse",
        type=int,
        metavar="BOLT_PORT",
        help="measure the store a `bench.filters --keep --bolt-port BOLT_PORT` run left "
        "(no load, the store kept): one 1M load serves every benchmark",
    )
    args = parser.parse_args()
    folder, facts, _mb = graph_files(args.claims)
    if args.reuse:
        settings = _kept_server(args.reuse)
    else:
        home = LOCAL_DIR / "neo4j-bench-http-ceiling"
        settings = fresh_bench_server(home, args.bolt_port, args.bolt_port + 1003)
    local = settings.local
    assert local is not None
    store = Store.connect(settings)
    try:
        if not args.reuse:  # a kept store is current: the filters run that kept it loaded it
            print(f"  loading {args.claims:,} claims ...")
            bulk_service.load(settings, store, folder, mode="import")
        store.close()
        serving = Settings(neo4j_uri=settings.neo4j_uri, neo4j_password=BENCH_PASSWORD, local=local)
        local_rows = in_process(serving, facts, args.seconds)
        remote_rows = over_http(serving, facts, args.api_port, args.seconds, args.clients)
    finally:
        if not args.reuse:
            localdb.stop(local)
            shutil.rmtree(local.home, ignore_errors=True)
    command = (
        f"python -m bench.http_ceiling --claims {args.claims} --seconds {args.seconds:g} "
        f"--clients {args.clients}"
    )
    write(args.claims, command, local_rows, remote_rows)
    print(REPORT.read_text())


def _kept_server(bolt_port: int) -> Settings:
    """The bench server `bench.filters --keep` left on `bolt_port`, started."""
    from bench.common import Options
    from bench.suite import server

    local, settings = server(Options(bolt_port=bolt_port, http_port=bolt_port - 213))
    localdb.start(local, timeout=600)
    return settings


if __name__ == "__main__":
    main()
