"""Concurrency and steady load against a healthy database: no errors, no duplicates."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store
from tests.reliability.conftest import LONG, READS, FaultyNeo4j, ServedApi
from tests.reliability.load import Api, Workers, evidence, percentile

IDEMPOTENT_THREADS = 16
IDEMPOTENT_WRITES = 500 if LONG else 25  # per thread
KEYS = 100
MIXED_SECONDS = 60.0 if LONG else 15.0
MIXED_THREADS = 8 if LONG else 4
THINK_SECONDS = 0.05  # a client's pause between requests: steady load, not a flood
CLAIMS = (
    "c-trump-said-israel-must-finish",
    "c-second-phase-deliberately-stopped",
    "c-ummah-duty",
)


def links_per_url(store: Store, prefix: str) -> dict[str, int]:
    """Evidence URL -> number of evidence links citing it, for URLs under `prefix`."""

    def read(tx: ManagedTransaction) -> dict[str, int]:
        rows = tx.run(
            "MATCH (l:EvidenceLink)-[:CITES]->(e:Evidence) WHERE e.url STARTS WITH $prefix "
            "RETURN e.url AS url, count(l) AS links",
            prefix=prefix,
        )
        return {row["url"]: row["links"] for row in rows}

    return store.read(read)


def test_concurrent_idempotent_writes_make_exactly_one_link_per_key(
    faulty_neo4j: FaultyNeo4j, served_api: ServedApi, report: dict[str, dict[str, Any]]
) -> None:
    api = Api(served_api.port, served_api.key)
    prefix = "https://reliability.test/idempotent/"

    def loop(index: int, stop: threading.Event) -> None:
        for step in range(IDEMPOTENT_WRITES):
            if stop.is_set():
                return
            # Four threads write the same key at each step: truly concurrent duplicates.
            key = ((index % 4) * (KEYS // 4) + step) % KEYS
            api.call("POST", f"/api/v1/claims/{CLAIMS[0]}/evidence", evidence(f"{prefix}{key}"))

    started = time.perf_counter()
    with Workers(IDEMPOTENT_THREADS, loop) as workers:
        for thread in workers.threads:
            thread.join()
    seconds = time.perf_counter() - started

    statuses = [o.status for o in api.outcomes]
    links = links_per_url(faulty_neo4j.store, prefix)
    report["concurrent idempotent writes"] = {
        "threads x writes": f"{IDEMPOTENT_THREADS} x {IDEMPOTENT_WRITES}",
        "requests": len(statuses),
        "201 created": statuses.count(201),
        "200 existing": statuses.count(200),
        "errors": sum(s not in (200, 201) for s in statuses),
        "links present": sum(links.values()),
        "seconds": round(seconds, 1),
    }
    assert len(statuses) == IDEMPOTENT_THREADS * IDEMPOTENT_WRITES
    assert set(statuses) <= {200, 201}, sorted(set(statuses))
    assert statuses.count(201) == KEYS
    assert len(links) == KEYS
    assert set(links.values()) == {1}


def test_mixed_reads_and_writes_have_no_errors(
    faulty_neo4j: FaultyNeo4j, served_api: ServedApi, report: dict[str, dict[str, Any]]
) -> None:
    api = Api(served_api.port, served_api.key)
    prefix = "https://reliability.test/mixed/"
    written: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + MIXED_SECONDS

    def loop(index: int, stop: threading.Event) -> None:
        rng = random.Random(index)
        sequence = 0
        while not stop.is_set() and time.monotonic() < deadline:
            if rng.random() < 0.25:
                url = f"{prefix}{index}/{sequence}"
                sequence += 1
                outcome = api.call(
                    "POST", f"/api/v1/claims/{rng.choice(CLAIMS)}/evidence", evidence(url)
                )
                if outcome.status == 201:
                    with lock:
                        written.append(url)
            else:
                api.call("GET", rng.choice(READS))
            time.sleep(THINK_SECONDS)

    with Workers(MIXED_THREADS, loop) as workers:
        for thread in workers.threads:
            thread.join()

    errors = [o for o in api.outcomes if not 200 <= o.status < 300]
    latencies = [o.seconds for o in api.outcomes]
    links = links_per_url(faulty_neo4j.store, prefix)
    report["mixed load"] = {
        "seconds": MIXED_SECONDS,
        "threads": MIXED_THREADS,
        "requests": len(api.outcomes),
        "writes acknowledged": len(written),
        "writes present": len(links),
        "errors": len(errors),
        "p50 / p99 latency ms": (
            f"{percentile(latencies, 0.5) * 1000:.0f} / {percentile(latencies, 0.99) * 1000:.0f}"
        ),
    }
    assert api.outcomes
    assert errors == [], errors[:5]
    assert set(links) == set(written)
    assert set(links.values()) == {1}
