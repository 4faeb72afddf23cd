"""A tiny HTTP load driver for the reliability suite: threads, outcomes, figures.

Plain `http.client` against 127.0.0.1 only; every request has a client
timeout, so a hung API shows up as an outcome with status 0 instead of a
hung test. Every loop is bounded by a deadline or a stop event.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

CLIENT_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class Outcome:
    """One request: status 0 means no HTTP answer at all (refused, reset, timed out)."""

    method: str
    path: str
    status: int
    seconds: float
    retry_after: str | None
    phase: str
    error: str = ""
    body: Any = None


class Api:
    """Requests to the API under test, tagged with the scenario's current phase."""

    def __init__(self, port: int, key: str) -> None:
        self.port = port
        self.key = key
        self.phase = "before"
        self.outcomes: list[Outcome] = []
        self._lock = threading.Lock()

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Outcome:
        phase = self.phase
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=CLIENT_TIMEOUT_SECONDS)
        try:
            conn.request(method, path, body=payload, headers=headers)
            response = conn.getresponse()
            raw = response.read()
            outcome = Outcome(
                method,
                path,
                response.status,
                time.perf_counter() - started,
                response.getheader("Retry-After"),
                phase,
                body=_json(raw),
            )
        except (OSError, http.client.HTTPException) as exc:
            outcome = Outcome(
                method, path, 0, time.perf_counter() - started, None, phase, repr(exc)
            )
        finally:
            conn.close()
        with self._lock:
            self.outcomes.append(outcome)
        return outcome

    def in_phase(self, phase: str) -> list[Outcome]:
        with self._lock:
            return [o for o in self.outcomes if o.phase == phase]


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def evidence(url: str) -> dict[str, Any]:
    return {
        "url": url,
        "title": "Reliability probe",
        "publisher": "Reliability suite",
        "published_on": "2025-03-02",
        "excerpt": "An excerpt.",
        "stance": "context",
        "confidence": 0.5,
        "rationale": "Written by the reliability suite.",
    }


@dataclass
class Workers:
    """Threads running `loop(index, stop)` until `stop` is set (or they return)."""

    count: int
    loop: Callable[[int, threading.Event], None]
    stop: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)

    def __enter__(self) -> Workers:
        for index in range(self.count):
            thread = threading.Thread(target=self.loop, args=(index, self.stop), daemon=True)
            thread.start()
            self.threads.append(thread)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=CLIENT_TIMEOUT_SECONDS * 3)


def wait_until(check: Callable[[], bool], timeout: float, pause: float = 0.25) -> bool:
    """Poll `check` until it is true or `timeout` seconds pass; whether it became true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(pause)
    return False


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]
