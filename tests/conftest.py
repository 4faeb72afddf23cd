"""Fixtures: a real, throwaway Neo4j -> a seeded graph -> the app -> a client.

Every test that uses the seeded graph finds it exactly as seeded: after each
such test the graph is compared with a snapshot taken right after seeding and
put back if the test changed it, so test order never matters (pytest-randomly
shuffles it on every run; `--randomly-seed=N` with the printed seed
reproduces an order).

The suite never touches a user's database. By default it starts the
project's own local server on separate ports with its own data folder
(`.local/neo4j-test`, wiped first) and stops it at the end. Set
`KB_TEST_NEO4J_URI` (with `KB_TEST_NEO4J_PASSWORD`) to use a server you
started yourself, or `KB_TEST_DOCKER=1` to let pytest-docker run the
compose file's Neo4j.

Markers (registered in pyproject.toml) are set here from what a test uses, so
`make unit` (`-m "not db and not browser"`) selects the tests that need no
server without any test file having to say so: `db` for a test whose fixtures
reach the session's Neo4j or a module that starts a server of its own,
`browser` for tests/browser, `slow` for the long ones. Under `make unit`
(`KB_UNIT_ONLY=1`) starting a Neo4j fails the test instead, naming the marker
that is missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kb import localdb
from kb.config import CYPHER_DIR, DEFAULT_PASSWORD, LOCAL_DIR, LocalServerConfig, Settings
from kb.db import Store
from kb.derived.full import recompute_all
from kb.seeding.loader import apply_scripts, discover_scripts
from tests.graph_snapshot import GraphSnapshot
from tests.second_source import write_second_source

TEST_PASSWORD = "kb-test-password"
TEST_BOLT_PORT = int(os.environ.get("KB_TEST_BOLT_PORT", "17687"))
TEST_HTTP_PORT = int(os.environ.get("KB_TEST_HTTP_PORT", "17474"))

TESTS_DIR = Path(__file__).resolve().parent
# Fixtures that reach the session's throwaway Neo4j (every other database fixture
# builds on one of these).
DB_FIXTURES = frozenset({"neo4j_settings", "store", "seeded_store"})
# Modules and folders that start a Neo4j of their own, in module-scoped fixtures.
OWN_SERVER = ("reliability/", "bench/", "integration/test_query_too_large.py")
# Long runs: faults under load, bulk loads of a generated graph, 12,000-claim graphs,
# the API fuzzing and the stored-status property test.
SLOW = (*OWN_SERVER, "api/test_fuzz.py", "integration/test_derived_oracle.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test `db`, `browser` and `slow` from its folder and its fixtures."""
    for item in items:
        where = item.path.resolve().relative_to(TESTS_DIR).as_posix()
        fixtures = set(getattr(item, "fixturenames", ()))
        if where.startswith("browser/"):
            item.add_marker(pytest.mark.browser)
        if fixtures & DB_FIXTURES or where.startswith(OWN_SERVER):
            item.add_marker(pytest.mark.db)
        if where.startswith(SLOW):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session", autouse=True)
def _no_neo4j_in_a_unit_run() -> Iterator[None]:
    """Under `make unit`, starting a Neo4j is a test's error: it lacks the `db` marker."""
    if os.environ.get("KB_UNIT_ONLY") != "1":
        yield
        return

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("`make unit` started a Neo4j: this test needs the `db` marker")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(localdb, "start", refuse)
        yield


def _wipe(store: Store) -> None:
    store.run_autocommit("MATCH (n) DETACH DELETE n")


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Settings]:
    """Settings that point at a throwaway Neo4j for this test session."""
    uri = os.environ.get("KB_TEST_NEO4J_URI")
    if uri:
        password = os.environ.get("KB_TEST_NEO4J_PASSWORD", TEST_PASSWORD)
        yield replace(Settings(), neo4j_uri=uri, neo4j_password=password)
        return
    if os.environ.get("KB_TEST_DOCKER") == "1":
        yield from _docker_settings()
        return
    local = LocalServerConfig(
        LOCAL_DIR / "neo4j-test", TEST_BOLT_PORT, TEST_HTTP_PORT, TEST_PASSWORD
    )
    with localdb.throwaway(local) as settings:
        yield settings


def _docker_settings() -> Iterator[Settings]:
    """Neo4j from docker-compose.yml through pytest-docker (users with Docker and its
    `docker compose` plugin only). It gets the tests' ports (KB_LOCAL_*_PORT, which the
    compose file reads), and the password the compose file gives it: NEO4J_PASSWORD if
    exported, else the README's default."""
    from pytest_docker.plugin import DockerComposeExecutor, Services  # noqa: PLC0415

    os.environ["KB_LOCAL_BOLT_PORT"] = str(TEST_BOLT_PORT)
    os.environ["KB_LOCAL_HTTP_PORT"] = str(TEST_HTTP_PORT)
    password = os.environ.get("NEO4J_PASSWORD") or DEFAULT_PASSWORD
    compose = DockerComposeExecutor("docker compose", [Path("docker-compose.yml")], "kbtest")
    compose.execute("up -d --build neo4j")
    try:
        services = Services(compose)
        port = services.port_for("neo4j", 7687)
        settings = Settings(neo4j_uri=f"neo4j://127.0.0.1:{port}", neo4j_password=password)
        probe = Store.connect(settings)
        services.wait_until_responsive(timeout=180, pause=2, check=lambda: _answers(probe))
        probe.close()
        yield settings
    finally:
        compose.execute("down -v")


def _answers(store: Store) -> bool:
    try:
        store.verify()
    except Exception:  # noqa: BLE001 - any failure means "not yet"
        return False
    return True


@pytest.fixture(scope="session")
def store(neo4j_settings: Settings) -> Iterator[Store]:
    """A connected store on the throwaway database."""
    connected = Store.connect(neo4j_settings)
    connected.verify()
    yield connected
    connected.close()


def seed_fresh(store: Store) -> None:
    """Empty the throwaway database and apply every script once."""
    _wipe(store)
    apply_scripts(store, discover_scripts(CYPHER_DIR), recompute=recompute_all)


@pytest.fixture(scope="session")
def seeded_snapshot(store: Store) -> GraphSnapshot:
    """The graph right after seeding: what every test starts from."""
    seed_fresh(store)
    return GraphSnapshot.take(store)


@pytest.fixture(scope="session")
def seeded_store(store: Store, seeded_snapshot: GraphSnapshot) -> Store:
    """The store holding the seeded graph (put back after any test that changes it)."""
    return store


@pytest.fixture(autouse=True)
def _seeded_graph_restored(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test that used the seeded graph, restore it if the test changed it."""
    if "seeded_store" not in request.fixturenames:
        yield
        return
    store: Store = request.getfixturevalue("seeded_store")
    snapshot: GraphSnapshot = request.getfixturevalue("seeded_snapshot")
    yield
    if GraphSnapshot.take(store).content != snapshot.content:
        snapshot.restore(store)


@pytest.fixture()
def second_source(seeded_store: Store) -> Store:
    """The seeded graph plus a small fictional wire report (tests/second_source.py)."""
    write_second_source(seeded_store)
    return seeded_store
