"""In-process read latencies (Flask test client, no socket) beside the raw driver's
time for the same Cypher (see `bench.capture`)."""

from __future__ import annotations

from typing import Any

from bench import capture
from bench.common import Options, percentiles, sample_pair
from bench.graphgen import GraphFacts
from bench.probes import BY_NUMBER, answer_size, deep_page_by_number, endpoints
from bench.profile import profile
from kb.config import Settings
from kb.db import create_driver

LATENCY_TARGETS = ("detail", "list page 1", "search")


def misses(name: str, api: dict[str, float], raw: dict[str, float]) -> bool:
    """Whether a figure misses a target checkable within one size (p95 ≤ 50 ms for the
    three, API ≤ 1.5x raw); the cross-size ratio is checked by the report."""
    return api["p50"] > 1.5 * raw["p50"] or (name in LATENCY_TARGETS and api["p95"] > 50)


def measure(settings: Settings, facts: GraphFacts, options: Options) -> dict[str, Any]:
    from api import create_app  # the app only once the store is up

    app = create_app({"KB_SETTINGS": settings})
    client = app.test_client()
    driver = create_driver(settings)
    figures: dict[str, Any] = {}
    try:
        probes = {**endpoints(facts), BY_NUMBER: deep_page_by_number(facts)}
        for name, url in probes.items():
            statuses: list[int] = []

            def call(url: str = url, statuses: list[int] = statuses) -> None:
                statuses.append(client.get(url).status_code)

            response = client.get(url)
            statements = capture.capture(lambda url=url: client.get(url))
            # Alternated, so that neither side runs on a page cache the other warmed.
            api_ms, raw_ms = sample_pair(
                call,
                lambda st=statements: capture.replay(driver, settings.neo4j_database, st),
                options.requests,
                2 * options.budget_seconds,
            )
            figures[name] = {
                "url": url,
                "api": percentiles(api_ms),
                "raw": percentiles(raw_ms),
                "statements": len(statements),
                "status": response.status_code,
                "errors": sum(1 for s in statuses if s >= 400),
                "answer": answer_size(response.get_json(silent=True)),
                "bytes": len(response.data),
            }
            api, raw = figures[name]["api"], figures[name]["raw"]
            if misses(name, api, raw):
                figures[name]["profile"] = profile(call, options.profile_seconds)
            print(
                f"  {name:22} api p50 {api['p50']:8.1f} ms p95 {api['p95']:8.1f}  raw p50 "
                f"{raw['p50']:8.1f}  [{response.status_code}, answer {figures[name]['answer']}]"
            )
    finally:
        driver.close()
    return figures
