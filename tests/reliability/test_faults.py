"""Neo4j killed, stopped or frozen under load: honest 503s, then recovery, no lost writes.

Each scenario runs writers (unique evidence URLs, retried on failure, which
is safe because the write is idempotent), readers (two lists) and a health
poller (/healthz, as a load balancer would) against the API while the fault
is injected, and tags every request with the phase it was sent in. Figures
(503 latency included) go to the report; the assertions are about outcomes,
not time: every answer is a 2xx or a 503 problem with `Retry-After`, never a
500 or no answer; the API recovers on its own; every acknowledged write is
present exactly once.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from tests.reliability.conftest import LONG, FaultyNeo4j, ServedApi, save_outcomes, warm_up
from tests.reliability.load import Api, Outcome, Workers, evidence, percentile
from tests.reliability.test_load import links_per_url

FAULT_SECONDS = 15.0 if LONG else 3.0
STEADY_SECONDS = 5.0 if LONG else 2.0
WRITERS = 3
READERS = 3
CLAIM = "c-ummah-duty"
RECOVERY_TIMEOUT = 180.0
HEALTH = "/healthz"


class Traffic:
    """Writers and readers against the API for the length of a `with` block."""

    def __init__(self, api: Api, prefix: str) -> None:
        self.api = api
        self.prefix = prefix
        self.acknowledged: list[str] = []
        self._lock = threading.Lock()

    def _write(self, index: int, stop: threading.Event) -> None:
        sequence = 0
        while not stop.is_set():
            url = f"{self.prefix}{index}/{sequence}"
            outcome = self.api.call("POST", f"/api/v1/claims/{CLAIM}/evidence", evidence(url))
            if outcome.status in (200, 201):
                with self._lock:
                    self.acknowledged.append(url)
                sequence += 1
            else:
                time.sleep(0.2)  # a client backing off; the same URL is retried

    def _read(self, index: int, stop: threading.Event) -> None:
        paths = ("/api/v1/claims?limit=5", "/api/v1/sources")
        turn = index
        while not stop.is_set():
            outcome = self.api.call("GET", paths[turn % 2])
            turn += 1
            if outcome.status != 200:
                time.sleep(0.2)

    def _poll_health(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self.api.call("GET", HEALTH)
            time.sleep(0.5)

    def run(self) -> Workers:
        def loop(index: int, stop: threading.Event) -> None:
            if index < WRITERS:
                self._write(index, stop)
            elif index < WRITERS + READERS:
                self._read(index, stop)
            else:
                self._poll_health(stop)

        return Workers(WRITERS + READERS + 1, loop)


def _phase(api: Api, name: str, seconds: float = 0.0) -> None:
    api.phase = name
    time.sleep(seconds)


def _recover(api: Api, served: ServedApi) -> float:
    """Wait until every kind of request succeeds again; then settle. Returns seconds."""
    started = time.perf_counter()
    _phase(api, "recovering")
    assert warm_up(served, RECOVERY_TIMEOUT), "the API did not recover"
    seconds = time.perf_counter() - started
    _phase(api, "settling", 1.0)
    _phase(api, "after", STEADY_SECONDS)
    return seconds


def _figures(api: Api, traffic: Traffic, present: dict[str, int], **extra: Any) -> dict[str, Any]:
    unavailable = [o for o in api.outcomes if o.status == 503]
    slow = [o.seconds for o in unavailable]
    health = [o.seconds for o in api.outcomes if o.path == HEALTH]
    by_phase = {
        phase: dict(sorted(Counter(o.status for o in api.in_phase(phase)).items()))
        for phase in dict.fromkeys(o.phase for o in api.outcomes)
    }
    return {
        **extra,
        "requests": len(api.outcomes),
        "statuses by phase": by_phase,
        "503 answers": len(unavailable),
        "503 with Retry-After": sum(o.retry_after is not None for o in unavailable),
        "503 latency p50 / max s": f"{percentile(slow, 0.5):.2f} / {max(slow, default=0):.2f}",
        "/healthz answers, latency max s": f"{len(health)}, {max(health, default=0):.2f}",
        "no answer (status 0)": sum(o.status == 0 for o in api.outcomes),
        "writes acknowledged": len(traffic.acknowledged),
        "acknowledged writes present": sum(url in present for url in traffic.acknowledged),
        "duplicated writes": sum(count > 1 for count in present.values()),
    }


def _assert_honest(api: Api, fault_phase: str) -> None:
    everything = api.outcomes
    assert [o for o in everything if o.status == 0] == [], "a request got no answer"
    unexpected = [o for o in everything if o.status not in (200, 201, 503)]
    assert unexpected == [], _sample(unexpected)
    unavailable = [o for o in everything if o.status == 503]
    assert all(o.retry_after == "1" for o in unavailable)
    assert all(o.body and o.body.get("status") == 503 for o in unavailable)
    assert any(o.status == 503 for o in api.in_phase(fault_phase)), "the fault was not seen"
    # Recovered: every API request succeeds again (/healthz's strict budget aside).
    after = [o for o in api.in_phase("after") if o.path != HEALTH]
    assert after and all(o.status in (200, 201) for o in after), _sample(after)


def _assert_no_write_lost(traffic: Traffic, present: dict[str, int]) -> None:
    assert traffic.acknowledged
    assert [url for url in traffic.acknowledged if url not in present] == []
    assert set(present.values()) == {1}  # none duplicated, retries included


def _sample(outcomes: list[Outcome]) -> list[tuple[str, str, int, str]]:
    failed = [o for o in outcomes if o.status not in (200, 201)]
    return [(o.phase, o.path, o.status, o.error) for o in failed][:5]


def test_frozen_database_answers_503_then_recovers(
    neo4j_restored: FaultyNeo4j, served_api: ServedApi, report: dict[str, dict[str, Any]]
) -> None:
    api = Api(served_api.port, served_api.key)
    traffic = Traffic(api, "https://reliability.test/frozen/")
    with traffic.run():
        _phase(api, "before", STEADY_SECONDS)
        neo4j_restored.freeze()
        try:
            _phase(api, "frozen", FAULT_SECONDS)
        finally:
            neo4j_restored.thaw()
        recovery = _recover(api, served_api)
    present = links_per_url(neo4j_restored.store, traffic.prefix)
    save_outcomes("frozen", api)
    report["frozen database (SIGSTOP)"] = _figures(
        api, traffic, present, **{"frozen for s": FAULT_SECONDS, "recovery s": round(recovery, 1)}
    )
    _assert_honest(api, "frozen")
    _assert_no_write_lost(traffic, present)


def _outage(
    api: Api, neo4j: FaultyNeo4j, served_api: ServedApi, fault: Callable[[], None], phase: str
) -> tuple[float, float]:
    """Inject `fault`, keep the traffic going through the outage, start Neo4j again.

    Returns how long Neo4j took to start and how long the API then took to recover.
    """
    fault()
    _phase(api, phase, FAULT_SECONDS)
    _phase(api, "starting")
    started = time.perf_counter()
    neo4j.start()
    start_seconds = time.perf_counter() - started
    return start_seconds, _recover(api, served_api)


def test_stopped_database_answers_503_then_recovers_without_restarting_the_api(
    neo4j_restored: FaultyNeo4j, served_api: ServedApi, report: dict[str, dict[str, Any]]
) -> None:
    api = Api(served_api.port, served_api.key)
    traffic = Traffic(api, "https://reliability.test/stopped/")
    with traffic.run():
        _phase(api, "before", STEADY_SECONDS)
        _phase(api, "stopping")
        start_seconds, recovery = _outage(
            api, neo4j_restored, served_api, neo4j_restored.stop, "down"
        )
    present = links_per_url(neo4j_restored.store, traffic.prefix)
    save_outcomes("stopped", api)
    report["database stopped and restarted"] = _figures(
        api,
        traffic,
        present,
        **{
            "down for s": FAULT_SECONDS,
            "Neo4j start s": round(start_seconds, 1),
            "recovery after start s": round(recovery, 1),
        },
    )
    assert served_api.process.poll() is None  # the same API process served throughout
    _assert_honest(api, "down")
    _assert_no_write_lost(traffic, present)


def test_kill_9_under_writes_loses_no_acknowledged_write(
    neo4j_restored: FaultyNeo4j, served_api: ServedApi, report: dict[str, dict[str, Any]]
) -> None:
    api = Api(served_api.port, served_api.key)
    traffic = Traffic(api, "https://reliability.test/killed/")
    with traffic.run():
        _phase(api, "before", STEADY_SECONDS)
        start_seconds, recovery = _outage(
            api, neo4j_restored, served_api, neo4j_restored.kill9, "killed"
        )
    present = links_per_url(neo4j_restored.store, traffic.prefix)
    save_outcomes("killed", api)
    report["kill -9 under writes"] = _figures(
        api,
        traffic,
        present,
        **{
            "Neo4j restart (recovery) s": round(start_seconds, 1),
            "API recovery after start s": round(recovery, 1),
        },
    )
    assert served_api.process.poll() is None
    _assert_honest(api, "killed")
    _assert_no_write_lost(traffic, present)
