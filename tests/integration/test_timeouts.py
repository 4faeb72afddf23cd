"""A sick database gives fast, honest errors instead of hanging the caller.

A "black hole" listener stands in for a frozen Neo4j at the network level: it
accepts TCP connections and never says a word, which is what a SIGSTOPped
server looks like to a client (the kernel still completes the handshake).
The real SIGSTOP, kill -9 and restart cases run in tests/reliability/.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from neo4j import GraphDatabase, ManagedTransaction

from api import create_app
from kb import db
from kb.config import Settings
from kb.db import Store
from kb.errors import ConfigError, DatabaseBusy, DatabaseUnavailable
from kb.services.health import check_health


@pytest.fixture
def black_hole() -> Iterator[int]:
    """A port that accepts connections and never answers; yields the port."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()


def _frozen_settings(port: int) -> Settings:
    # Connection timeouts far longer than the deadline: only the deadline can end the wait.
    return Settings(
        neo4j_uri=f"bolt://127.0.0.1:{port}",
        neo4j_password="x",
        connect_timeout_seconds=60.0,
        request_timeout_seconds=0.5,
    )


def _one(tx: ManagedTransaction) -> int:
    return int(tx.run("RETURN 1 AS one").single(strict=True)["one"])


def test_a_request_store_gives_up_on_a_frozen_database(black_hole: int) -> None:
    store = Store.connect(_frozen_settings(black_hole).for_requests())
    try:
        with pytest.raises(DatabaseUnavailable, match="did not answer within 0.5s"):
            store.read(_one)
        with pytest.raises(DatabaseUnavailable, match="did not answer within 0.5s"):
            store.write(_one)
    finally:
        store.close()


def test_the_health_check_gives_up_on_a_frozen_database(black_hole: int) -> None:
    store = Store.connect(_frozen_settings(black_hole))  # even without a request deadline
    try:
        with pytest.raises(DatabaseUnavailable, match="did not answer within"):
            check_health(store)
    finally:
        store.close()


def test_frozen_database_answers_503_with_retry_after(black_hole: int) -> None:
    app: Flask = create_app({"TESTING": True, "KB_SETTINGS": _frozen_settings(black_hole)})
    client = app.test_client()
    for url in ("/api/v1/claims", "/healthz"):
        response = client.get(url)
        assert response.status_code == 503, url
        assert response.mimetype == "application/problem+json"
        assert response.headers["Retry-After"] == "1"
        assert "unavailable" in response.get_json()["detail"]


def test_stopped_database_answers_503_with_retry_after() -> None:
    app: Flask = create_app(
        {"TESTING": True, "KB_SETTINGS": Settings(neo4j_uri="bolt://127.0.0.1:1")}
    )
    response = app.test_client().get("/api/v1/sources")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"


def test_requests_retry_briefly_and_the_cli_longer() -> None:
    settings = Settings(neo4j_max_retry_seconds=5.0, request_max_retry_seconds=1.0)
    assert settings.call_deadline_seconds is None
    api = settings.for_requests()
    assert api.neo4j_max_retry_seconds == 1.0
    assert api.call_deadline_seconds == settings.request_timeout_seconds


def test_timeouts_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_READ_TIMEOUT_SECONDS", "7.5")
    monkeypatch.setenv("KB_REQUEST_TIMEOUT_SECONDS", "0.9")
    settings = Settings.from_env()
    assert settings.read_timeout_seconds == 7.5
    assert settings.for_requests().call_deadline_seconds == 0.9
    monkeypatch.setenv("KB_CONNECT_TIMEOUT_SECONDS", "soon")
    with pytest.raises(ConfigError, match="KB_CONNECT_TIMEOUT_SECONDS must be a number"):
        Settings.from_env()


def _slow(tx: ManagedTransaction) -> int:
    query = "UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*) AS n"
    return int(tx.run(query).single(strict=True)["n"])


def test_a_runaway_read_is_ended_by_the_server(store: Store) -> None:
    timed = Store(store.driver, store.database, store.uri, read_timeout=0.3)
    with pytest.raises(DatabaseBusy, match="did not finish in time"):
        timed.read(_slow)


def test_a_full_connection_pool_is_busy_not_a_500(neo4j_settings: Settings) -> None:
    driver = GraphDatabase.driver(
        neo4j_settings.neo4j_uri,
        auth=(neo4j_settings.neo4j_user, neo4j_settings.neo4j_password),
        max_connection_pool_size=1,
        connection_acquisition_timeout=0.3,
    )
    store = Store(driver, neo4j_settings.neo4j_database, neo4j_settings.neo4j_uri)
    try:
        with driver.session(database=store.database) as held, held.begin_transaction() as tx:
            tx.run("RETURN 1").consume()  # the pool's one connection is taken
            # alive, merely busy: every connection is in use
            with pytest.raises(DatabaseBusy, match="in use"):
                store.read(_one)
    finally:
        driver.close()


def _one_connection_store(settings: Settings, deadline: float) -> Store:
    """A request store whose driver has a single pooled connection: while a call holds
    it, the deadline's liveness probe cannot get one (what a busy API sees)."""
    driver = GraphDatabase.driver(
        settings.neo4j_uri.replace("neo4j://", "bolt://"),  # no routing connection
        auth=(settings.neo4j_user, settings.neo4j_password),
        max_connection_pool_size=1,
        connection_acquisition_timeout=1.0,
    )
    return Store(driver, settings.neo4j_database, settings.neo4j_uri, call_deadline=deadline)


def test_a_slow_read_on_a_saturated_pool_is_busy_never_unavailable(
    neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _one_connection_store(neo4j_settings, deadline=0.2)
    try:
        store.driver.verify_connectivity()  # the one connection is open and pooled
        # the probe finds no free connection: alive, so the read is waited for
        assert store.read(_sleepy(1.5)) == 1
        monkeypatch.setattr(db, "SLOW_GRACE_SECONDS", 3.0)
        with pytest.raises(DatabaseBusy, match="too slow"):
            store.read(_sleepy(8.0))
    finally:
        store.close()


def _slow_write(seconds: float, marker: str) -> Callable[[ManagedTransaction], str]:
    def work(tx: ManagedTransaction) -> str:
        time.sleep(seconds)  # a cold first write on a busy machine
        tx.run("MERGE (m:KbTimeoutTestMarker {id: $id})", id=marker).consume()
        return marker

    return work


def test_a_write_that_commits_after_the_deadline_and_grace_is_reported_done(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "SLOW_GRACE_SECONDS", 0.3)
    impatient = Store(store.driver, store.database, store.uri, call_deadline=0.2)
    marker = "slow-write-commits"
    try:
        # a read this slow would answer busy; the write's outcome is waited for
        assert impatient.write(_slow_write(1.5, marker)) == marker
        found = store.read(
            lambda tx: tx.run(
                "MATCH (m:KbTimeoutTestMarker {id: $id}) RETURN count(m) AS n", id=marker
            ).single(strict=True)["n"]
        )
        assert found == 1
    finally:
        store.write(lambda tx: tx.run("MATCH (m:KbTimeoutTestMarker) DELETE m").consume())


def _sleepy(seconds: float) -> Callable[[ManagedTransaction], int]:
    def work(tx: ManagedTransaction) -> int:
        time.sleep(seconds)  # a slow call on a server that still answers
        return _one(tx)

    return work


def test_a_slow_but_alive_database_is_waited_for(store: Store) -> None:
    patient = Store(store.driver, store.database, store.uri, call_deadline=0.2)
    assert patient.read(_sleepy(1.0)) == 1


def test_a_database_slower_than_the_grace_is_busy(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "SLOW_GRACE_SECONDS", 0.3)
    impatient = Store(store.driver, store.database, store.uri, call_deadline=0.2)
    with pytest.raises(DatabaseBusy, match="too slow"):
        impatient.read(_sleepy(3.0))


def test_a_busy_database_answers_503_database_busy_not_unavailable(
    neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "SLOW_GRACE_SECONDS", 0.5)
    store = _one_connection_store(neo4j_settings, deadline=0.2)
    app = create_app({"TESTING": True, "KB_SETTINGS": neo4j_settings, "KB_STORE": store})
    try:
        store.driver.verify_connectivity()
        with store.driver.session(database=store.database) as held, held.begin_transaction() as tx:
            tx.run("RETURN 1").consume()  # every connection in use: alive, but busy
            response = app.test_client().get("/api/v1/sources")
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "1"
        body = response.get_json()
        assert body["type"].endswith("/database-busy"), body
        assert "busy" in body["detail"] and "unavailable" not in body["detail"]
    finally:
        store.close()
