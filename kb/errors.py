"""One exception root for the knowledge base.

Everything `kb` raises on purpose derives from `KbError`, so the CLI and the
API can turn any of them into a one-line message or a problem document.
"""

from __future__ import annotations


class KbError(Exception):
    """Root of every error the knowledge base raises on purpose."""


class ConfigError(KbError):
    """A setting is missing or malformed."""


class DatabaseUnavailable(KbError):
    """Neo4j cannot be reached (down, wrong address, wrong password)."""


class DatabaseBusy(KbError):
    """Neo4j kept failing transiently (deadlocks, leader switches) past the retries."""


class RestoreUnderWay(DatabaseBusy):
    """A `kb restore` is replacing the graph (or was interrupted: run it again)."""


class QueryTooLarge(KbError):
    """The answer would need more memory than Neo4j allows one transaction.

    Not transient: the same request fails the same way, so it is never retried;
    the caller has to narrow it (filters, a smaller limit or depth).
    """


class LocalServerError(KbError):
    """The project's own local Neo4j could not be built, started or stopped."""


class SeedError(KbError):
    """A seed script failed or may not be applied."""


class NotFound(KbError):
    """A requested node does not exist."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"{kind} {key!r} not found")
        self.kind = kind
        self.key = key


class InvalidRequest(KbError):
    """The request is well-formed but cannot be served as asked."""

    def __init__(self, message: str, field: str | None = None, location: str = "query") -> None:
        super().__init__(message)
        self.field = field
        self.location = location  # where the field came from: "query" or "json" (the body)


class Conflict(KbError):
    """The write collides with the current state."""


class Unauthorized(KbError):
    """No valid API key was presented."""


class Forbidden(KbError):
    """The API key's role may not do this."""


class SchemaMissing(KbError):
    """The database answers but the schema is not applied yet."""


class BackupError(KbError):
    """A backup cannot be written or restored (bad file, non-empty target)."""
