"""Cypher for the seed history kept in the database."""

from typing import LiteralString

APPLIED_SCRIPTS_QUERY: LiteralString = """
MATCH (script:AppliedScript)
RETURN script.id AS name, script.checksum AS checksum
"""

RECORD_APPLIED_SCRIPT_QUERY: LiteralString = """
MERGE (script:AppliedScript {id: $name})
SET script.checksum = $checksum,
    script.statements = $statements,
    script.applied_at = datetime()
"""
