"""Time list pages, search and walks on one synthetic graph (issue 8, "pages that cost a page").

    python -m bench.pages [--claims 100000] [--requests 10] [--port 27687 --http-port 27474]
                          [--walk-limit 1000]

Starts its own server (`.local/neo4j-pages`, wiped first), seeds the article,
builds a synthetic graph of `--claims` claims (`bench/synthetic.py`), then
times through the WSGI app in-process (p50/p95 in ms, after warm-up calls):
`GET /claims?limit=50` page 1 and a page half-way through, `?q=synthetic`
(every claim matches), and the dependents of the bottom claim (a hub) at
depth 10 and 50 (with the size of their answers). Beside the list figures:
the same pages read straight through the repository (`store.read`), i.e.
without the API's status decoration. Prints one line per figure; no file is
written.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from bench import synthetic
from kb import localdb
from kb.config import CYPHER_DIR, LOCAL_DIR, LocalServerConfig, Settings
from kb.db import Store
from kb.derived.full import recompute_all
from kb.models import PageRequest
from kb.repositories import claims as claim_repo
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services.claims import unfiltered_params

PASSWORD = "kb-bench-password"
FILTERS = unfiltered_params()


def timed(call: Callable[[], object], count: int, warmup: int = 2) -> str:
    """p50/p95 milliseconds of `call`, after `warmup` untimed calls; or why it failed."""
    try:
        for _ in range(warmup):
            call()
        samples = []
        for _ in range(count):
            started = time.perf_counter()
            call()
            samples.append((time.perf_counter() - started) * 1000)
    except Exception as exc:  # noqa: BLE001 (a failure is a figure too)
        return f"failed: {str(exc)[:200]}"
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(0.95 * len(samples)))]
    return f"p50 {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms (n={count})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--port", type=int, default=27687)
    parser.add_argument("--http-port", type=int, default=27474)
    parser.add_argument("--walk-limit", type=int, help="`limit` of walk pages (newer code)")
    args = parser.parse_args()
    local = LocalServerConfig(LOCAL_DIR / "neo4j-pages", args.port, args.http_port, PASSWORD)
    # A long read timeout: a slow answer is a figure, not a 503.
    with localdb.throwaway(local, read_timeout_seconds=120.0) as settings:
        store = Store.connect(settings)
        try:
            run(store, settings, args.claims, args.requests, args.walk_limit)
        finally:
            store.close()


def run(
    store: Store, settings: Settings, claims: int, requests: int, walk_limit: int | None
) -> None:
    from api import create_app  # noqa: PLC0415 (the app is only needed once the store is up)

    apply_scripts(store, discover_scripts(CYPHER_DIR), recompute=recompute_all)
    started = time.perf_counter()
    hub = synthetic.build(store, claims)
    print(f"built {claims} claims in {time.perf_counter() - started:.1f}s", flush=True)
    client = create_app({"KB_STORE": store, "KB_SETTINGS": settings}).test_client()
    deep = max(1, claims // 50 // 2)

    def get(url: str) -> Callable[[], object]:
        def call() -> object:
            response = client.get("/api/v1" + url)
            assert response.status_code == 200, (url, response.status_code, response.data[:300])
            return response

        return call

    def raw(page: int, **params: Any) -> Callable[[], object]:
        request = PageRequest(page, 50)
        return lambda: store.read(claim_repo.claim_page, {**FILTERS, **params}, request)

    paged = f"&limit={walk_limit}" if walk_limit else ""  # older code knows no walk pages
    hub_url = f"/claims/{hub}/dependents?depth="
    figures: dict[str, Callable[[], str]] = {
        "raw list page 1": lambda: timed(raw(1), requests * 3),
        f"raw list page {deep}": lambda: timed(raw(deep), requests * 3),
        "raw search q=synthetic": lambda: timed(raw(1, q="synthetic"), requests * 3),
        f"GET dependents depth=10{paged} (hub)": lambda: timed(
            get(f"{hub_url}10{paged}"), requests, warmup=1
        ),
        f"GET dependents depth=50{paged} (hub)": lambda: timed(
            get(f"{hub_url}50{paged}"), requests, warmup=1
        ),
        "GET /claims?limit=50": lambda: timed(get("/claims?limit=50"), requests, warmup=1),
        f"GET /claims?limit=50&page={deep}": lambda: timed(
            get(f"/claims?limit=50&page={deep}"), requests, warmup=1
        ),
        "GET /claims?q=synthetic": lambda: timed(
            get("/claims?q=synthetic&limit=50"), requests, warmup=1
        ),
    }
    for depth in (10, 50):
        walk = client.get(f"/api/v1{hub_url}{depth}{paged}").get_json()
        reached = walk.get("meta", {}).get("total", len(walk["claims"]))
        print(
            f"{claims} claims | hub dependents depth={depth}: {reached} reached, "
            f"{len(walk['claims'])} in the answer, {len(json.dumps(walk))} bytes",
            flush=True,
        )
    for name, measure in figures.items():
        print(f"{claims} claims | {name}: {measure()}", flush=True)


if __name__ == "__main__":
    main()
