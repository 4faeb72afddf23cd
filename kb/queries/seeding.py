"""Cypher for the seed history kept in the database (like neo4j-migrations)."""

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

# A script changed after it was applied: the history keeps both checksums,
# when, and why, so the applied history keeps telling the truth.
RECORD_SCRIPT_CHANGE_QUERY: LiteralString = """
MATCH (script:AppliedScript {id: $name})
CREATE (script)-[:CHANGED]->(:ScriptChange {
  script: $name, old_checksum: script.checksum, new_checksum: $checksum,
  at: datetime(), reason: $reason
})
"""

SCRIPT_CHANGES_QUERY: LiteralString = """
MATCH (change:ScriptChange)
RETURN change.script AS script, change.old_checksum AS old_checksum,
       change.new_checksum AS new_checksum, toString(change.at) AS at, change.reason AS reason
ORDER BY change.at
"""
