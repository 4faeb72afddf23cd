"""Settings, read once from the environment.

Every setting has a working local default, so `kb` runs on a fresh machine
with no configuration; the README lists the variables.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CYPHER_DIR = PROJECT_ROOT / "cypher"
CORPUS_DIR = PROJECT_ROOT / "corpus"
LOCAL_DIR = PROJECT_ROOT / ".local"

DEFAULT_PASSWORD = "kb-local-password"


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc


@dataclass(frozen=True)
class LocalServerConfig:
    """Where and how the project's own Neo4j runs (see `kb.localdb`)."""

    home: Path
    bolt_port: int
    http_port: int
    password: str

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
    # How long a managed transaction keeps retrying transient failures.
    neo4j_max_retry_seconds: float = 5.0
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
        )
        return cls(
            neo4j_uri=env.get("NEO4J_URI", f"neo4j://127.0.0.1:{local.bolt_port}"),
            neo4j_user=env.get("NEO4J_USER", "neo4j"),
            neo4j_password=password,
            neo4j_database=env.get("NEO4J_DATABASE", "neo4j"),
            neo4j_max_retry_seconds=float(_int_env("NEO4J_MAX_RETRY_SECONDS", 5)),
            local=local,
        )
