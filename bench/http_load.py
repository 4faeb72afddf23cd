"""HTTP throughput of `kb serve` (gunicorn, 2 workers, its default threads and response
cache, no rate limit) under a mixed read load and under evidence writes, with the
workers' and Neo4j's memory.

The clients are threads of this process with one keep-alive connection each; on a
2-core machine they share the CPU with gunicorn and Neo4j, which the report says.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bench.common import API, Options, child_pids, percentiles, rss_mb
from bench.graphgen import GraphFacts, claim_id
from bench.probes import endpoints, user_mix
from kb import localdb
from kb.config import PROJECT_ROOT, Settings


def _serve(settings: Settings, port: int, response_cache: bool = True) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": settings.neo4j_password,
        "NEO4J_DATABASE": settings.neo4j_database,
        # One address is one caller: its limit (300/s per worker) would cap the run.
        "KB_RATE_LIMIT": "off",
    }
    cmd = [sys.executable, "-m", "kb", "serve", "--port", str(port), "--workers", "2"]
    if not response_cache:
        cmd.append("--no-response-cache")
    proc = subprocess.Popen(
        cmd, env=env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", f"{API}/openapi.json")
            conn.getresponse().read()
            return proc  # any answer: the workers are up
        except (OSError, http.client.HTTPException):
            time.sleep(0.5)
    proc.terminate()
    raise RuntimeError(f"kb serve did not answer on port {port}")


def _drive(port: int, seconds: float, clients: int, request: Any) -> dict[str, Any]:
    """Run `request(conn, rng, i)` -> status from `clients` threads for `seconds`."""
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(number: int) -> None:
        rng = random.Random(number)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        i = 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                status = request(conn, rng, number * 1_000_000 + i)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                status = 599
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if status >= 400:
                    errors.append(status)
            i += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    return {
        "requests": len(latencies),
        "per_second": len(latencies) / wall,
        "errors": len(errors),
        "error_statuses": sorted(set(errors)),
        "latency": percentiles(latencies) if latencies else {},
        "clients": clients,
        "seconds": wall,
    }


def measure(settings: Settings, facts: GraphFacts, options: Options, key: str) -> dict[str, Any]:
    """Mixed reads, then evidence writes; whether written claims show a current status."""
    proc = _serve(settings, options.api_port)
    try:
        urls = [url for name, url in endpoints(facts).items() if "hub" not in name]
        urls += user_mix()  # filters and a common word, as users ask (issue 22)

        def read(conn: http.client.HTTPConnection, rng: random.Random, _i: int) -> int:
            url = rng.choice(urls)
            if rng.random() < 0.4:  # detail of any claim, so the cache does not answer all
                url = f"{API}/claims/{claim_id(rng.randrange(facts.claims))}"
            conn.request("GET", url)
            response = conn.getresponse()
            response.read()
            return response.status

        workers = child_pids(proc.pid)
        parts: dict[str, list[int | None]] = {
            "neo4j": [localdb.status(settings.local).pid],
            "gunicorn workers": list(workers),
            "benchmark clients": [os.getpid()],
        }
        before = {name: cpu_seconds(pids) for name, pids in parts.items()}
        reads = _drive(options.api_port, options.http_seconds, options.http_clients, read)
        # What bounds the rate: CPU seconds each part used per wall second (2.0 = both cores).
        reads["cpu_cores"] = {
            name: (cpu_seconds(pids) - before[name]) / reads["seconds"]
            for name, pids in parts.items()
        }
        rss = {
            "workers": sum(rss_mb(pid) for pid in workers),
            "neo4j": rss_mb(localdb.status(settings.local).pid),
        }
        written: list[str] = []

        def write(conn: http.client.HTTPConnection, rng: random.Random, i: int) -> int:
            target = claim_id(rng.randrange(facts.claims))
            body = json.dumps(
                {
                    "url": f"https://bench.example/w/{i}",
                    "stance": "supports",
                    "confidence": 0.7,
                    "rationale": "benchmark write",
                }
            )
            headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
            conn.request("POST", f"{API}/claims/{target}/evidence", body, headers)
            response = conn.getresponse()
            response.read()
            if response.status < 300:
                written.append(target)
            return response.status

        writes = _drive(options.api_port, options.http_seconds / 2, 4, write)
        writes["status_current"] = _statuses(options.api_port, written[:50])
        print(
            f"  http mixed reads {reads['per_second']:.1f}/s ({reads['errors']} errors), "
            f"writes {writes['per_second']:.1f}/s ({writes['errors']} errors)"
        )
        return {"reads": reads, "writes": writes, "rss_mb": rss, "workers": len(workers)}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def cpu_seconds(pids: list[int | None]) -> float:
    """User plus system CPU time of `pids` so far, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, TypeError):
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def _statuses(port: int, claims: list[str]) -> dict[str, int]:
    """Status of claims that just received supporting evidence: supported or contested
    (when they had refuting evidence already) if status is kept current."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    seen: dict[str, int] = {}
    for target in claims:
        conn.request("GET", f"{API}/claims/{target}")
        response = conn.getresponse()
        body = json.loads(response.read() or b"{}")
        status = str(body.get("status"))
        seen[status] = seen.get(status, 0) + 1
    return seen
