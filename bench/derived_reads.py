"""Reads decorated with status and standing, and the writes that keep them, on a synthetic graph.

    python -m bench.derived_reads [--claims 10000] [--requests 30] [--bolt 21687 --http 21474]

Starts its own Neo4j (`.local/neo4j-derived-bench`, wiped first), seeds the
article, builds a synthetic graph (`bench.synthetic`), brings derived values
current (`recompute_all`, timed) where the code stores them, and times
in-process (WSGI, no socket) claim detail, `?status=` list pages, impact, and
evidence writes that do and do not change a standing. Prints p50/p95 in ms.
Runs against whatever `kb` is importable, so the same script measures the code
before derived values were stored (it then skips the recompute).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from bench import synthetic
from kb import localdb
from kb.config import CYPHER_DIR, LOCAL_DIR, LocalServerConfig, Settings
from kb.db import Store
from kb.derived.full import recompute_all
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services import keys as key_service

PASSWORD = "kb-bench-password"


def timed(call: Callable[[int], int], count: int, warmup: int = 3) -> str:
    for i in range(warmup):
        call(-1 - i)
    samples = []
    for i in range(count):
        started = time.perf_counter()
        status = call(i)
        samples.append((time.perf_counter() - started) * 1000)
        assert status < 300, status
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(0.95 * len(samples)))]
    return f"p50 {statistics.median(samples):8.1f} ms  p95 {p95:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--bolt", type=int, default=21687)
    parser.add_argument("--http", type=int, default=21474)
    args = parser.parse_args()
    local = LocalServerConfig(LOCAL_DIR / "neo4j-derived-bench", args.bolt, args.http, PASSWORD)
    with localdb.throwaway(local) as settings:
        store = Store.connect(settings)
        try:
            run(store, settings, args.claims, args.requests)
        finally:
            store.close()


def run(store: Store, settings: Settings, claims: int, requests: int) -> None:
    from api import create_app

    apply_scripts(store, discover_scripts(CYPHER_DIR), recompute=recompute_all)
    started = time.perf_counter()
    bottom = synthetic.build(store, claims)
    print(f"synthetic graph of {claims} claims built in {time.perf_counter() - started:.1f} s")
    # `build` recomputed already: this times a pass that finds nothing to write
    started = time.perf_counter()
    done = recompute_all(store)
    seconds = time.perf_counter() - started
    print(f"recompute_all (nothing drifted): {seconds:.1f} s, wrote {done.claims} claims")
    from kb.derived.oracle import assess  # what every read ran before values were stored

    samples = []
    for _ in range(3):
        started = time.perf_counter()
        assess(store)
        samples.append((time.perf_counter() - started) * 1000)
    before = statistics.median(samples)
    print(f"{'full recomputation (assess), per read before':52} p50 {before:8.1f} ms")
    app = create_app({"KB_STORE": store, "KB_SETTINGS": settings})
    client = app.test_client()
    key = key_service.create_key(store, "bench", "analyst")
    headers = {"Authorization": f"Bearer {key}"}
    middle = f"syn-{claims // 2:06d}"
    top = f"syn-{claims - 150:06d}"  # two layers below the top: a few dependents

    def get(url: str) -> Callable[[int], int]:
        return lambda _i: client.get(url).status_code

    def evidence(claim_id: str, stance: str) -> Callable[[int], int]:
        def post(i: int) -> int:
            body = {
                "url": f"https://bench.example/{stance}/{claim_id}/{i}",
                "stance": stance,
                "confidence": 0.5,
                "rationale": "benchmark",
            }
            url = f"/api/v1/claims/{claim_id}/evidence"
            return client.post(url, json=body, headers=headers).status_code

        return post

    figures = {
        "GET /claims/{id}": get(f"/api/v1/claims/{middle}"),
        "GET /claims?status=unverified&limit=50": get("/api/v1/claims?status=unverified&limit=50"),
        "GET /claims?status=refuted&limit=50": get("/api/v1/claims?status=refuted&limit=50"),
        "GET /claims?status=undermined&limit=50": get("/api/v1/claims?status=undermined&limit=50"),
        "GET /claims/{id}/impact (near the top)": get(f"/api/v1/claims/{top}/impact"),
        "POST evidence, supports (no standing changes)": evidence(middle, "supports"),
    }
    for name, call in figures.items():
        print(f"{name:52} {timed(call, requests)}")
    # one refutation near the top (small region) and one at the bottom (the whole graph
    # above it rests on it): a write that changes standings costs its region
    for name, claim_id in (("near the top", top), ("bottom claim", bottom)):
        started = time.perf_counter()
        status = evidence(claim_id, "refutes")(0)
        print(
            f"POST evidence, refutes {name:29} {(time.perf_counter() - started) * 1000:8.1f} ms"
            f" (status {status})"
        )
    print(
        f"{'GET /claims/{id} after the refutations':52} "
        f"{timed(get(f'/api/v1/claims/{middle}'), requests)}"
    )
    undermined = client.get("/api/v1/claims?status=undermined&limit=1").get_json()
    print(f"undermined claims now: {undermined['meta']['total']}")


if __name__ == "__main__":
    main()
