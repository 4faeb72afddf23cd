"""Cypher for `kb backup` / `kb restore`.

A backup streams the whole graph in one write transaction that locks every
node and relationship as it reads it (`REMOVE` of a property no entity has
takes the entity's write lock and changes nothing); see
`kb.services.backup.dump` for why that gives a consistent cut. The scans run
in store order, with no sort and no paging, so a backup costs about one pass
over the store.

A restore stages the backup beside the live graph under `KbRestoreStaged`
nodes and `KB_RESTORE_STAGED` relationships (the real labels and type kept in
properties, so no constraint or index of the live graph sees them), then
swaps: deletes the old graph and promotes the staged one. Labels and
relationship types are data here: they are set through Neo4j 5.26 dynamic
labels and types given as parameters or properties (`$(...)`), never by
building query text.
"""

from typing import LiteralString

# --- backup -----------------------------------------------------------------

# The lock needs the property key to exist (else the REMOVE is planned away).
CREATE_LOCK_PROPERTY_QUERY: LiteralString = "CALL db.createProperty('kb_backup_lock')"

LOCKED_NODES_QUERY: LiteralString = """
MATCH (n)
REMOVE n.kb_backup_lock
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
"""

LOCKED_RELATIONSHIPS_QUERY: LiteralString = """
MATCH ()-[r]->()
REMOVE r.kb_backup_lock
RETURN elementId(r) AS id, type(r) AS type, elementId(startNode(r)) AS start,
       elementId(endNode(r)) AS end, properties(r) AS properties
"""

NODE_COUNT_QUERY: LiteralString = "MATCH (n) RETURN count(n) AS nodes"

# For the content hash: every node, and each relationship with the full content of both
# ends, one pass each.
NODES_QUERY: LiteralString = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties"

RELATIONSHIP_CONTENT_QUERY: LiteralString = """
MATCH (a)-[r]->(b)
RETURN type(r) AS type, properties(r) AS properties,
       labels(a) AS start_labels, properties(a) AS start_properties,
       labels(b) AS end_labels, properties(b) AS end_properties
"""

COUNTS_QUERY: LiteralString = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
"""

# --- restore: the marker ----------------------------------------------------

# One marker node while a restore runs (or after one was interrupted): /healthz
# answers 503 while it exists, and the next restore reads its phase to recover.
RESTORE_PHASE_QUERY: LiteralString = "MATCH (m:KbRestore) RETURN m.phase AS phase LIMIT 1"

BEGIN_RESTORE_QUERY: LiteralString = """
MERGE (m:KbRestore {id: 'restore'})
SET m.phase = 'staging', m.started_at = datetime()
"""

SET_RESTORE_PHASE_QUERY: LiteralString = "MATCH (m:KbRestore) SET m.phase = $phase"

END_RESTORE_QUERY: LiteralString = "MATCH (m:KbRestore) DELETE m"

# --- restore: staging -------------------------------------------------------

STAGING_INDEX_QUERY: LiteralString = """
CREATE INDEX kb_restore_id IF NOT EXISTS FOR (n:KbRestoreStaged) ON (n.kb_restore_id)
"""

AWAIT_STAGING_INDEX_QUERY: LiteralString = "CALL db.awaitIndex('kb_restore_id', 300)"

DROP_STAGING_INDEX_QUERY: LiteralString = "DROP INDEX kb_restore_id IF EXISTS"

STAGE_NODES_QUERY: LiteralString = """
UNWIND $rows AS row
CREATE (n:KbRestoreStaged)
SET n = row.properties, n.kb_restore_id = row.id, n.kb_restore_labels = row.labels
"""

STAGE_RELATIONSHIPS_QUERY: LiteralString = """
UNWIND $rows AS row
MATCH (a:KbRestoreStaged {kb_restore_id: row.start})
MATCH (b:KbRestoreStaged {kb_restore_id: row.end})
CREATE (a)-[r:KB_RESTORE_STAGED]->(b)
SET r = row.properties, r.kb_restore_type = row.type
"""

DISCARD_STAGED_QUERY: LiteralString = """
MATCH (n:KbRestoreStaged)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
"""

# --- restore: the swap ------------------------------------------------------
# Each has a one-transaction form (a small graph swaps atomically) and an
# `IN TRANSACTIONS` form (a large one swaps in batches, one scan each; the
# marker's phase, `swapping` then `promoting`, makes an interrupted swap finish on
# the next run: once promotion has begun, a promoted node looks like an old one).

DELETE_OLD_QUERY: LiteralString = """
MATCH (n) WHERE NOT n:KbRestoreStaged AND NOT n:KbRestore
DETACH DELETE n
"""

# Relationships first, 1,000 per transaction: DETACH DELETE of a hub (a topic of
# 50,000 claims) would delete all its relationships in one transaction, past the
# transaction memory limit. Old relationships are the ones from an unstaged node.
DELETE_OLD_RELATIONSHIPS_IN_BATCHES_QUERY: LiteralString = """
MATCH (a)-[r]->() WHERE NOT a:KbRestoreStaged
CALL (r) { DELETE r } IN TRANSACTIONS OF 1000 ROWS
"""

DELETE_OLD_NODES_IN_BATCHES_QUERY: LiteralString = """
MATCH (n) WHERE NOT n:KbRestoreStaged AND NOT n:KbRestore
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
"""

PROMOTE_RELATIONSHIPS_QUERY: LiteralString = """
MATCH (a)-[s:KB_RESTORE_STAGED]->(b)
CREATE (a)-[r:$(s.kb_restore_type)]->(b)
SET r = properties(s)
REMOVE r.kb_restore_type
DELETE s
"""

PROMOTE_RELATIONSHIPS_IN_BATCHES_QUERY: LiteralString = """
MATCH (a)-[s:KB_RESTORE_STAGED]->(b)
CALL (a, s, b) {
  CREATE (a)-[r:$(s.kb_restore_type)]->(b)
  SET r = properties(s)
  REMOVE r.kb_restore_type
  DELETE s
} IN TRANSACTIONS OF 1000 ROWS
"""

PROMOTE_NODES_QUERY: LiteralString = """
MATCH (n:KbRestoreStaged)
SET n:$(n.kb_restore_labels)
REMOVE n:KbRestoreStaged, n.kb_restore_id, n.kb_restore_labels
"""

PROMOTE_NODES_IN_BATCHES_QUERY: LiteralString = """
MATCH (n:KbRestoreStaged)
CALL (n) {
  SET n:$(n.kb_restore_labels)
  REMOVE n:KbRestoreStaged, n.kb_restore_id, n.kb_restore_labels
} IN TRANSACTIONS OF 1000 ROWS
"""

# --- wipe (tests and benchmarks) --------------------------------------------

# Relationships go first, a page at a time: a node page's DETACH DELETE would also
# delete every relationship of a hub (an actor named by 50,000 claims) in one
# transaction, past the transaction memory limit.
WIPE_RELATIONSHIPS_PAGE_QUERY: LiteralString = """
MATCH ()-[r]->()
WITH r LIMIT $page_size
DELETE r
RETURN count(r) AS deleted
"""

WIPE_PAGE_QUERY: LiteralString = """
MATCH (n)
WITH n LIMIT $page_size
DETACH DELETE n
RETURN count(n) AS deleted
"""
