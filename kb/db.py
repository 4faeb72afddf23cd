"""The one way this project talks to Neo4j.

`Store` wraps the official driver with the database name and managed
transactions (`execute_read` / `execute_write`, which retry transient
errors), and translates the driver's connection failures into
`DatabaseUnavailable` with a message a person can act on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, LiteralString, TypeVar

import neo4j
from neo4j import Driver, GraphDatabase, ManagedTransaction, NotificationMinimumSeverity
from neo4j.exceptions import (
    AuthError,
    ConstraintError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from kb.config import Settings
from kb.errors import Conflict, DatabaseBusy, DatabaseUnavailable

T = TypeVar("T")


def create_driver(settings: Settings) -> Driver:
    """Open a driver for `settings` (no I/O until first use)."""
    return GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password),
        connection_acquisition_timeout=10.0,
        max_transaction_retry_time=settings.neo4j_max_retry_seconds,
        # Schema-less hints ("label does not exist yet") are noise for a fresh graph.
        notifications_min_severity=NotificationMinimumSeverity.OFF,
    )


@contextmanager
def translate_driver_errors(uri: str) -> Iterator[None]:
    """Turn the driver's failures into the knowledge base's own errors.

    Connection and authentication failures become `DatabaseUnavailable`, a
    uniqueness violation `Conflict`, and a transient error that outlived the
    managed transaction's retries `DatabaseBusy`; nothing above `kb.db` needs
    to know the driver's exception types.
    """
    try:
        yield
    except ConstraintError as exc:
        raise Conflict("the write conflicts with an existing record") from exc
    except TransientError as exc:
        raise DatabaseBusy("the graph database is busy; try again shortly") from exc
    except AuthError as exc:
        raise DatabaseUnavailable(
            f"Neo4j at {uri} refused the credentials (check NEO4J_USER / NEO4J_PASSWORD)"
        ) from exc
    except (ServiceUnavailable, SessionExpired) as exc:
        raise DatabaseUnavailable(
            f"Neo4j is not reachable at {uri} (is it running? `kb db start` starts a local one)"
        ) from exc


class Store:
    """A driver bound to one database, with managed read and write transactions."""

    def __init__(self, driver: Driver, database: str, uri: str = "") -> None:
        self.driver = driver
        self.database = database
        self.uri = uri

    @classmethod
    def connect(cls, settings: Settings) -> Store:
        """Create a store for `settings`; the connection opens lazily."""
        return cls(create_driver(settings), settings.neo4j_database, settings.neo4j_uri)

    def close(self) -> None:
        self.driver.close()

    def verify(self) -> None:
        """Raise `DatabaseUnavailable` unless the server answers and accepts us."""
        with translate_driver_errors(self.uri):
            self.driver.verify_connectivity()

    def read(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `work(tx, *args, **kwargs)` in a managed read transaction."""
        with translate_driver_errors(self.uri), self._session() as session:
            return session.execute_read(work, *args, **kwargs)

    def write(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `work(tx, *args, **kwargs)` in a managed write transaction."""
        with translate_driver_errors(self.uri), self._session() as session:
            return session.execute_write(work, *args, **kwargs)

    def run_autocommit(self, query: LiteralString | neo4j.Query, **params: Any) -> None:
        """Run one statement outside an explicit transaction (schema changes need this)."""
        with translate_driver_errors(self.uri), self._session() as session:
            session.run(query, params).consume()

    def _session(self) -> neo4j.Session:
        return self.driver.session(database=self.database)


def records(tx: ManagedTransaction, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
    """Run a stored `query` in `tx` and return its records as plain dicts (consumed inside).

    `query` is one of the fixed statements of `kb.queries`; values go in `params`.
    """
    return [record.data() for record in tx.run(query, params)]
