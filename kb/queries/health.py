"""Cypher for the store's own liveness probe (`kb.db.Store`)."""

from typing import LiteralString

# The cheapest statement that still needs the database itself to be up, not just Bolt.
PING_QUERY: LiteralString = "RETURN 1 AS ok"
