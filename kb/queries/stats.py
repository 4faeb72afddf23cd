"""Cypher for `kb stats` and the health check."""

from typing import LiteralString

NODE_COUNTS_QUERY: LiteralString = """
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
"""

RELATIONSHIP_COUNTS_QUERY: LiteralString = """
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
"""

CLAIMS_BY_TYPE_QUERY: LiteralString = """
MATCH (c:Claim)
RETURN c.type AS type, count(*) AS count, sum(CASE WHEN c.checkable THEN 1 ELSE 0 END) AS checkable
ORDER BY type
"""

SLOTS_BY_STATUS_QUERY: LiteralString = """
MATCH (slot:EvidenceSlot)
RETURN slot.kind AS kind, slot.status AS status, count(*) AS count
ORDER BY kind, status
"""

CONSTRAINT_NAMES_QUERY: LiteralString = """
SHOW CONSTRAINTS YIELD name
RETURN collect(name) AS names
"""
