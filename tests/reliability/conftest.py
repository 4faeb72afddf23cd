"""Fixtures of the reliability suite: a Neo4j of its own that tests may kill, and the API.

These tests kill, stop and freeze Neo4j, so they never use the shared test
server: they start another one on their own ports (the tests' ports + 2)
with its own data folder (`.local/neo4j-reliability`, wiped first), seed it,
and serve the API from it with gunicorn's threaded worker on a free port.

`make test` runs a short version; `KB_RELIABILITY_LONG=1` (`make
reliability`) the long one. Figures go to `.local/reliability/report.md`
(docs/reliability.md quotes a long run).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from kb import localdb
from kb.cli.serve import WORKER_CLASS
from kb.config import CYPHER_DIR, LOCAL_DIR, PROJECT_ROOT, LocalServerConfig, Settings
from kb.db import Store
from kb.derived.full import recompute_all
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services import keys as key_service
from tests.conftest import TEST_BOLT_PORT, TEST_HTTP_PORT
from tests.reliability.load import Api, evidence, wait_until

LONG = os.environ.get("KB_RELIABILITY_LONG") == "1"
PASSWORD = "kb-reliability-password"
BOLT_PORT = int(os.environ.get("KB_RELIABILITY_BOLT_PORT", str(TEST_BOLT_PORT + 2)))
HTTP_PORT = int(os.environ.get("KB_RELIABILITY_HTTP_PORT", str(TEST_HTTP_PORT + 2)))
REPORT_DIR = LOCAL_DIR / "reliability"
START_TIMEOUT = 300.0
HEADER_TIMEOUT_SECONDS = 5  # how long the served API waits for a request head


@dataclass
class FaultyNeo4j:
    """The suite's own Neo4j, with the faults the tests inject."""

    config: LocalServerConfig
    settings: Settings
    store: Store

    @property
    def pid(self) -> int:
        pid = localdb.status(self.config).pid
        assert pid is not None, "the reliability Neo4j is not running"
        return pid

    def kill9(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        wait_until(lambda: not localdb.status(self.config).running, 30)

    def freeze(self) -> None:
        os.kill(self.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.pid, signal.SIGCONT)

    def stop(self) -> None:
        localdb.stop(self.config)

    def start(self) -> None:
        localdb.start(self.config, timeout=START_TIMEOUT)

    def ensure_running(self) -> None:
        """Leave the server up and thawed for the next test, whatever this one did."""
        state = localdb.status(self.config)
        if state.running and state.pid is not None:
            os.kill(state.pid, signal.SIGCONT)
        else:
            self.start()


@pytest.fixture(scope="session")
def faulty_neo4j() -> Iterator[FaultyNeo4j]:
    # Three tries on ports 10 apart: these lie in Linux's ephemeral range, so any client
    # socket may hold one for a while.
    home = LocalServerConfig(LOCAL_DIR / "neo4j-reliability", BOLT_PORT, HTTP_PORT, PASSWORD)
    with localdb.throwaway(home, attempts=3, timeout=START_TIMEOUT) as settings:
        assert settings.local is not None
        config = settings.local
        store = Store.connect(settings)
        server = FaultyNeo4j(config, settings, store)
        try:
            store.verify()
            apply_scripts(store, discover_scripts(CYPHER_DIR), recompute=recompute_all)
            yield server
        finally:
            store.close()
            state = localdb.status(config)
            if state.pid is not None:  # a stopped (SIGSTOP) server must wake up to stop
                os.kill(state.pid, signal.SIGCONT)


@dataclass(frozen=True)
class ServedApi:
    port: int
    key: str
    process: subprocess.Popen[bytes]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def served_api(faulty_neo4j: FaultyNeo4j) -> Iterator[ServedApi]:
    """The API under `kb serve`'s gunicorn worker class, on a free loopback port."""
    key = key_service.create_key(faulty_neo4j.store, "reliability-analyst", "analyst")
    port = _free_port()
    log = REPORT_DIR / "gunicorn.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "NEO4J_URI": faulty_neo4j.settings.neo4j_uri,
        "NEO4J_PASSWORD": PASSWORD,
        "KB_HEADER_TIMEOUT": str(HEADER_TIMEOUT_SECONDS),
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--worker-class",
        WORKER_CLASS,
        "--keep-alive",
        "5",
        "--threads",
        "8",
        "--no-control-socket",
        "--graceful-timeout",
        "5",
        "api:create_app()",
    ]
    with log.open("ab") as out:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=out)
    try:
        assert wait_until(lambda: _answers(port), 60), f"gunicorn did not start; see {log}"
        served = ServedApi(port, key, process)
        assert warm_up(served), f"the API did not answer every warm-up request; see {log}"
        yield served
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# One request of each kind the scenarios send. A fresh Neo4j plans each query on its
# first run, which on a busy machine can outlast the API's deadline (an honest 503);
# a deployment's readiness check does the same warm-up before taking traffic.
READS = (
    "/api/v1/claims?limit=5",
    "/api/v1/claims?limit=20",
    "/api/v1/claims/c-ummah-duty",
    "/api/v1/claims/c-second-phase-deliberately-stopped/dependencies",
    "/api/v1/sources",
    "/api/v1/slots?status=open&limit=50",
    "/api/v1/claims/c-trump-said-israel-must-finish/evidence",
)
WARM_UP = (
    ("GET", "/healthz"),
    *(("GET", path) for path in READS),
    ("POST", "/api/v1/claims/c-ummah-duty/evidence"),
)


def warm_up(served: ServedApi, timeout: float = 180.0) -> bool:
    """Send each warm-up request until it succeeds; whether all did within `timeout`."""
    api = Api(served.port, served.key)
    body = evidence("https://reliability.test/warm-up")
    deadline = time.monotonic() + timeout
    for method, path in WARM_UP:
        while not 200 <= api.call(method, path, body if method == "POST" else None).status < 300:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.25)
    return True


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def report() -> Iterator[dict[str, dict[str, Any]]]:
    """Figures per scenario, written to .local/reliability/report.{json,md} at the end."""
    figures: dict[str, dict[str, Any]] = {}
    yield figures
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    (REPORT_DIR / "report.json").write_text(json.dumps(figures, indent=2, sort_keys=True))
    lines = [f"# Reliability run ({'long' if LONG else 'short'})", ""]
    for name, values in sorted(figures.items()):
        lines.append(f"## {name}")
        lines.extend(f"- {key}: {value}" for key, value in values.items())
        lines.append("")
    (REPORT_DIR / "report.md").write_text("\n".join(lines))


@pytest.fixture
def neo4j_restored(faulty_neo4j: FaultyNeo4j) -> Iterator[FaultyNeo4j]:
    """The faulty server, put back up (and thawed) after the test whatever happened."""
    yield faulty_neo4j
    faulty_neo4j.ensure_running()


def save_outcomes(scenario: str, api: Api) -> None:
    """Every request of a scenario (phase, path, status, seconds) for a closer look."""
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    with (REPORT_DIR / f"{scenario}.jsonl").open("w") as out:
        for o in api.outcomes:
            row = {
                "phase": o.phase,
                "method": o.method,
                "path": o.path,
                "status": o.status,
                "seconds": round(o.seconds, 3),
                "retry_after": o.retry_after,
                "error": o.error,
            }
            out.write(json.dumps(row) + "\n")
