"""What the benchmark suite and its measurements share: the options, the sampling and
the process figures (`suite` runs `reads` and `http_load`, which read these, not it)."""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kb import localdb
from kb.config import LocalServerConfig, Settings
from kb.sizing import MemoryRequest

API = "/api/v1"


@dataclass(frozen=True)
class Options:
    """What `python -m bench` was asked to do."""

    requests: int = 30
    budget_seconds: float = 20.0  # per figure: fewer samples when one request is slow
    unwind_max: int = 100_000
    batch_sizes: tuple[int, ...] = (1_000, 5_000, 20_000)
    http_seconds: float = 20.0
    http_clients: int = 8
    memory: MemoryRequest = MemoryRequest()
    bolt_port: int = 27687
    http_port: int = 27474
    api_port: int = 27800
    profile_seconds: float = 6.0  # py-spy per figure that misses a target
    load_only: bool = False
    # Sizes whose store a previous run left loaded: their saved figures, to reuse.
    reuse_from: dict[int, dict[str, Any]] | None = (
        None  # generate and load, no reads (loading figures of a large size)
    )


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        "n": len(ordered),
    }


def sample_pair(
    first: Callable[[], Any], second: Callable[[], Any], count: int, budget: float
) -> tuple[list[float], list[float]]:
    """`sample` of two calls taken in turn (first, second, first, ...), so both see the
    same cache and the same machine."""
    for _ in range(2):
        first()
        second()
    samples: tuple[list[float], list[float]] = ([], [])
    deadline = time.perf_counter() + budget
    while len(samples[0]) < count and (len(samples[0]) < 3 or time.perf_counter() < deadline):
        for call, into in ((first, samples[0]), (second, samples[1])):
            started = time.perf_counter()
            call()
            into.append((time.perf_counter() - started) * 1000)
    return samples


def _rss_mb(pid: int | None) -> float:
    if pid is None:
        return 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def child_pids(parent: int) -> list[int]:
    """Processes whose parent is `parent` (gunicorn's workers), from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return found


def rss_mb(pid: int | None) -> float:
    return _rss_mb(pid)


BENCH_PASSWORD = "kb-bench-password"


def bench_settings(
    local: LocalServerConfig, read_timeout: float = 3600.0, patient_requests: bool = False
) -> Settings:
    """Settings that reach the bench server `local` (patient reads: bench queries are
    large); API requests keep the production deadline unless `patient_requests`."""
    settings = Settings(
        neo4j_uri=f"neo4j://127.0.0.1:{local.bolt_port}",
        neo4j_password=BENCH_PASSWORD,
        local=local,
        neo4j_max_retry_seconds=60.0,
        read_timeout_seconds=read_timeout,
    )
    if patient_requests:
        return replace(
            settings, request_timeout_seconds=read_timeout, request_max_retry_seconds=5.0
        )
    return settings


def fresh_bench_server(home: Path, bolt_port: int, http_port: int) -> Settings:
    """A Neo4j server of the benchmark's own at `home`, started with an empty store
    (neo4j-admin import needs it empty); the settings to reach it (`.local` is set)."""
    local = LocalServerConfig(home, bolt_port, http_port, BENCH_PASSWORD)
    settings = bench_settings(local)
    localdb.stop(local)
    shutil.rmtree(local.data_dir, ignore_errors=True)
    localdb.start(local, timeout=600)
    return settings


def timed(work: Callable[[], Any]) -> float:
    """Seconds `work()` took."""
    started = time.perf_counter()
    work()
    return time.perf_counter() - started
