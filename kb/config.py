"""Settings, read once from the environment.

Every setting has a working local default, so `kb` runs on a fresh machine
with no configuration; the README lists the variables.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from kb.errors import ConfigError
from kb.sizing import MemoryRequest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CYPHER_DIR = PROJECT_ROOT / "cypher"
CORPUS_DIR = PROJECT_ROOT / "corpus"
LOCAL_DIR = PROJECT_ROOT / ".local"

DEFAULT_PASSWORD = "kb-local-password"


def _float_env(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number of seconds, got {raw!r}") from exc
    if not value > 0 or value == float("inf"):
        raise ConfigError(f"{name} must be a positive number of seconds, got {raw!r}")
    return value


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc


# Where `kb serve` answers by default (`make run`); the Neo4j Browser guide links the
# explorer here unless KB_EXPLORER_URL says otherwise.
DEFAULT_EXPLORER_URL = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class LocalServerConfig:
    """Where and how the project's own Neo4j runs (see `kb.localdb`)."""

    home: Path
    bolt_port: int
    http_port: int
    password: str
    # Extra Neo4j settings as `name=value`, applied over the launcher's own (tests use it
    # for limits such as `db.memory.transaction.max`).
    settings: tuple[str, ...] = ()
    # Heap, page cache and transaction memory; what is left open is derived (`kb.sizing`).
    memory: MemoryRequest = field(default_factory=MemoryRequest)
    # The explorer's address, for the links of the Browser guide this server serves.
    explorer_url: str = DEFAULT_EXPLORER_URL

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "neo4j.log"

    @property
    def pid_file(self) -> Path:
        return self.home / "neo4j.pid"


@dataclass(frozen=True)
class Settings:
    """Connection settings for Neo4j and the local server."""

    neo4j_uri: str = "neo4j://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = DEFAULT_PASSWORD
    neo4j_database: str = "neo4j"
    # How long a managed transaction keeps retrying transient failures (CLI and seeding).
    neo4j_max_retry_seconds: float = 5.0
    # Server-side limit of every read transaction: Neo4j ends a runaway read.
    read_timeout_seconds: float = 5.0
    # Opening a connection, and getting one from the pool, give up after this.
    connect_timeout_seconds: float = 1.0
    # What an API request waits for one database call, retries included, before it checks
    # whether Neo4j still answers (503 if not; see `kb.db.Store`); and the shorter retry
    # budget inside it (see `for_requests`).
    request_timeout_seconds: float = 1.0
    request_max_retry_seconds: float = 1.0
    # Set by `for_requests`: the deadline `Store` enforces on each call (None: no deadline).
    call_deadline_seconds: float | None = None
    local: LocalServerConfig = field(
        default_factory=lambda: LocalServerConfig(
            home=LOCAL_DIR / "neo4j",
            bolt_port=7687,
            http_port=7474,
            password=DEFAULT_PASSWORD,
        )
    )

    @classmethod
    def from_env(cls) -> Settings:
        """Read `NEO4J_*` and `KB_LOCAL_*` variables, falling back to defaults."""
        env = os.environ
        password = env.get("NEO4J_PASSWORD", DEFAULT_PASSWORD)
        local = LocalServerConfig(
            home=Path(env.get("KB_LOCAL_NEO4J_HOME", str(LOCAL_DIR / "neo4j"))),
            bolt_port=_int_env("KB_LOCAL_BOLT_PORT", 7687),
            http_port=_int_env("KB_LOCAL_HTTP_PORT", 7474),
            password=password,
            memory=MemoryRequest.from_env(),
            explorer_url=env.get("KB_EXPLORER_URL", DEFAULT_EXPLORER_URL),
        )
        return cls(
            neo4j_uri=env.get("NEO4J_URI", f"neo4j://127.0.0.1:{local.bolt_port}"),
            neo4j_user=env.get("NEO4J_USER", "neo4j"),
            neo4j_password=password,
            neo4j_database=env.get("NEO4J_DATABASE", "neo4j"),
            neo4j_max_retry_seconds=float(_int_env("NEO4J_MAX_RETRY_SECONDS", 5)),
            read_timeout_seconds=_float_env("KB_READ_TIMEOUT_SECONDS", 5.0),
            connect_timeout_seconds=_float_env("KB_CONNECT_TIMEOUT_SECONDS", 1.0),
            request_timeout_seconds=_float_env("KB_REQUEST_TIMEOUT_SECONDS", 1.0),
            request_max_retry_seconds=_float_env("KB_REQUEST_MAX_RETRY_SECONDS", 1.0),
            local=local,
        )

    def for_requests(self) -> Settings:
        """These settings as the API uses them: fail fast instead of waiting out an outage.

        A request gets `request_timeout_seconds` per database call (a stopped or
        frozen Neo4j answers 503 within that plus a short probe), and managed transactions retry
        for at most `request_max_retry_seconds` inside it. The CLI keeps the longer
        `neo4j_max_retry_seconds` and no deadline, since seeding may take a while.
        """
        retry = min(self.neo4j_max_retry_seconds, self.request_max_retry_seconds)
        return replace(
            self,
            neo4j_max_retry_seconds=retry,
            call_deadline_seconds=self.request_timeout_seconds,
        )
