"""Cypher for API keys (stored only as SHA-256 hashes)."""

from typing import LiteralString

CREATE_KEY_QUERY: LiteralString = """
CREATE (k:ApiKey {name: $name, role: $role, hash: $hash, created_at: $now})
RETURN k.name AS name
"""

KEY_BY_HASH_QUERY: LiteralString = """
MATCH (k:ApiKey {hash: $hash})
RETURN k.name AS name, k.role AS role, k.revoked_at AS revoked_at
"""

LIST_KEYS_QUERY: LiteralString = """
MATCH (k:ApiKey)
RETURN k.name AS name, k.role AS role, k.created_at AS created_at, k.revoked_at AS revoked_at
ORDER BY k.name
"""

REVOKE_KEY_QUERY: LiteralString = """
MATCH (k:ApiKey {name: $name})
SET k.revoked_at = coalesce(k.revoked_at, $now)
RETURN k.name AS name
"""
