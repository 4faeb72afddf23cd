"""Measure the API's latencies on the article's graph: docs/benchmarks/benchmarks-article.md.

The scaling benchmark of issue 8 is `python -m bench` (docs/benchmarks/benchmarks.md).

    python -m bench.run [--requests 200] [--sizes 1000,5000,20000]

Starts its own server (`.local/neo4j-bench`, ports 27687/27474, wiped first),
seeds the article, then times, through the WSGI app in-process (no HTTP
socket, so these are the app's and the database's costs):
- `GET /claims/{id}/dependents` and `/impact` on the article's graph;
- `POST /claims/{id}/evidence` (each request a new URL, so each one writes);
- `dependents` (depth 10 and 50) and `impact` on synthetic graphs of growing
  size, plotted to docs/benchmarks/bench-dependents.png.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bench import synthetic
from kb import localdb
from kb.config import CYPHER_DIR, LOCAL_DIR, PROJECT_ROOT, LocalServerConfig, Settings
from kb.db import Store
from kb.derived.full import recompute_all
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services import keys as key_service

DOCS = PROJECT_ROOT / "docs" / "benchmarks"
PASSWORD = "kb-bench-password"
ARTICLE_CLAIM = "c-netanyahu-survives-on-endless-war"
READING_NOTE = """Reading the figures: a walk costs one round trip per level plus the
serialisation of one explaining path per reached claim, so depth-10 walks stay
flat while depth-50 walks grow with the claims they reach (about 3,600 here,
with paths of up to 36 steps: roughly half the time is marshmallow dumping
those paths). `impact` also derives the current standing of every claim, which
reads every dependency edge: it grows with the whole graph, not with the
answer."""


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        "max": ordered[-1],
    }


def timed(call: Callable[[int], int], count: int, warmup: int = 5) -> dict[str, float]:
    """Milliseconds per call, after `warmup` untimed calls; each call returns its status."""
    for i in range(warmup):
        call(-1 - i)
    samples = []
    for i in range(count):
        started = time.perf_counter()
        status = call(i)
        samples.append((time.perf_counter() - started) * 1000)
        assert status < 300, status
    return percentiles(samples)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200, help="timed requests per figure")
    parser.add_argument("--sizes", default="1000,5000,20000", help="synthetic graph sizes")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    local = LocalServerConfig(LOCAL_DIR / "neo4j-bench", 27687, 27474, PASSWORD)
    with localdb.throwaway(local) as settings:
        store = Store.connect(settings)
        try:
            rows = run(store, settings, args.requests, sizes)
        finally:
            store.close()
    write_report(rows, sizes)


def run(store: Store, settings: Settings, requests: int, sizes: list[int]) -> dict[str, object]:
    from api import create_app  # the app is only needed once the store is up

    started = time.perf_counter()
    apply_scripts(store, discover_scripts(CYPHER_DIR), recompute=recompute_all)
    seed_seconds = time.perf_counter() - started
    app = create_app({"KB_STORE": store, "KB_SETTINGS": settings})
    client = app.test_client()
    key = key_service.create_key(store, "bench", "analyst")

    def get(url: str) -> Callable[[int], int]:
        return lambda _i: client.get(url).status_code

    def write(i: int) -> int:
        body = {
            "url": f"https://bench.example/report/{i}",
            "stance": "supports",
            "confidence": 0.5,
            "rationale": "benchmark",
        }
        headers = {"Authorization": f"Bearer {key}"}
        return client.post(
            f"/api/v1/claims/{ARTICLE_CLAIM}/evidence", json=body, headers=headers
        ).status_code

    figures: dict[str, object] = {"seed_seconds": seed_seconds}
    figures["article_dependents"] = timed(
        get(f"/api/v1/claims/{ARTICLE_CLAIM}/dependents"), requests
    )
    figures["article_impact"] = timed(get(f"/api/v1/claims/{ARTICLE_CLAIM}/impact"), requests)
    figures["article_claim_list"] = timed(get("/api/v1/claims?limit=50"), requests)
    figures["evidence_write"] = timed(write, requests)

    scaling = []
    for size in sizes:
        synthetic.remove(store)
        root = synthetic.build(store, size)
        url = f"/api/v1/claims/{root}"
        scaling.append(
            {
                "claims": size,
                "dependents_10": timed(get(f"{url}/dependents?depth=10"), max(20, requests // 5)),
                "dependents_50": timed(get(f"{url}/dependents?depth=50"), max(20, requests // 5)),
                "impact": timed(get(f"{url}/impact"), max(10, requests // 10)),
                "reached": len(client.get(f"{url}/dependents?depth=50").get_json()["claims"]),
            }
        )
    synthetic.remove(store)
    figures["scaling"] = scaling
    figures["requests"] = requests
    return figures


def write_report(figures: dict[str, object], sizes: list[int]) -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    plot = plot_scaling(figures["scaling"])  # type: ignore[arg-type]
    row = "| {name} | {p50:.1f} | {p95:.1f} | {max:.1f} |"
    lines = [
        "# Benchmarks: the article graph",
        "",
        f"Measured by `make bench` (`python -m bench.run`) on {time.strftime('%Y-%m-%d')}, "
        f"{platform.machine()}, {platform.python_version()}; Neo4j {localdb.neo4j_version()} "
        "from the local launcher. Latencies are in-process WSGI calls (no HTTP socket), "
        f"{figures['requests']} timed requests each after 5 warm-up calls.",
        "",
        f"Seeding a fresh database (schema + article-001): {figures['seed_seconds']:.2f} s.",
        "",
        "## The article's graph",
        "",
        "| request | p50 ms | p95 ms | max ms |",
        "|---|---|---|---|",
    ]
    for name, key in (
        ("GET /claims/{id}/dependents", "article_dependents"),
        ("GET /claims/{id}/impact", "article_impact"),
        ("GET /claims?limit=50", "article_claim_list"),
        ("POST /claims/{id}/evidence (new URL each)", "evidence_write"),
    ):
        lines.append(row.format(name=name, **figures[key]))  # type: ignore[arg-type]
    lines += [
        "",
        "## Synthetic graphs",
        "",
        "Layered acyclic graphs (100 claims a layer, two supports per claim, one causal link "
        "in ten claims), walked from a bottom-layer claim.",
        "",
        "| claims | reached (depth 50) | dependents d=10 p50 ms | dependents d=50 p50 ms "
        "| impact p50 ms |",
        "|---|---|---|---|---|",
    ]
    for entry in figures["scaling"]:  # type: ignore[attr-defined]
        lines.append(
            f"| {entry['claims']} | {entry['reached']} | {entry['dependents_10']['p50']:.1f} | "
            f"{entry['dependents_50']['p50']:.1f} | {entry['impact']['p50']:.1f} |"
        )
    if plot:
        lines += ["", f"![dependents and impact latency by graph size]({plot.name})"]
    lines += ["", READING_NOTE]
    (DOCS / "benchmarks-article.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def plot_scaling(scaling: list[dict[str, object]]) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed (pip install -e '.[bench]'): no plot")
        return None
    sizes = [entry["claims"] for entry in scaling]
    figure, axis = plt.subplots(figsize=(6, 4))
    for key, label in (
        ("dependents_10", "dependents, depth 10"),
        ("dependents_50", "dependents, depth 50"),
        ("impact", "impact"),
    ):
        axis.plot(sizes, [entry[key]["p50"] for entry in scaling], marker="o", label=label)  # type: ignore[index]
    axis.set_xlabel("claims in the graph")
    axis.set_ylabel("p50 latency (ms)")
    axis.set_xscale("log")
    axis.set_title("Walk latency by graph size")
    axis.grid(True, alpha=0.3)
    axis.legend()
    path = DOCS / "bench-dependents.png"
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    return path


if __name__ == "__main__":
    main()
