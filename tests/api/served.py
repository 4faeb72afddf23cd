"""The API as a client sees it: gunicorn serving `api:create_app()` on a free loopback port,
pointed at the tests' Neo4j (not a Flask test client: real HTTP)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kb.config import PROJECT_ROOT, Settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ready(url: str) -> bool:
    """Whether a read that needs the database answers 200 (a cold Neo4j may 503 at first)."""
    try:
        with urllib.request.urlopen(url + "/api/v1/claims?limit=1", timeout=5) as response:
            return bool(response.status == 200)
    except (OSError, urllib.error.URLError):
        return False


@contextmanager
def served_api(settings: Settings, log: Path, timeout: float = 120.0) -> Iterator[str]:
    """Serve the API until the block ends; yields its base URL."""
    port = free_port()
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": settings.neo4j_password,
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--no-control-socket",
        "--graceful-timeout",
        "5",
        "api:create_app()",
    ]
    url = f"http://127.0.0.1:{port}"
    with log.open("ab") as out:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + timeout
        while not _ready(url):
            assert process.poll() is None, f"gunicorn exited; see {log}"
            assert time.monotonic() < deadline, f"the API did not answer; see {log}"
            time.sleep(0.5)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
