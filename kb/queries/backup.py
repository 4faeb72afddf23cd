"""Cypher for `kb backup` / `kb restore`: the whole graph, page by page.

Pages are keyed on element ids (`> $after ... LIMIT $page_size`), so each
page is one short read and a dump's order is stable. Labels and relationship
types are data here: a restore creates whatever the backup holds, through
Neo4j 5.26 dynamic labels and types given as parameters (`$(...)`), never
by building query text.
"""

from typing import LiteralString

NODE_PAGE_QUERY: LiteralString = """
MATCH (n)
WHERE elementId(n) > $after
WITH n ORDER BY elementId(n) LIMIT $page_size
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
"""

RELATIONSHIP_PAGE_QUERY: LiteralString = """
MATCH (a)-[r]->(b)
WHERE elementId(r) > $after
WITH a, r, b ORDER BY elementId(r) LIMIT $page_size
RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS start, elementId(b) AS end,
       properties(r) AS properties
"""

# For the content hash: each relationship with the full content of both ends.
RELATIONSHIP_CONTENT_PAGE_QUERY: LiteralString = """
MATCH (a)-[r]->(b)
WHERE elementId(r) > $after
WITH a, r, b ORDER BY elementId(r) LIMIT $page_size
RETURN elementId(r) AS id, type(r) AS type, properties(r) AS properties,
       labels(a) AS start_labels, properties(a) AS start_properties,
       labels(b) AS end_labels, properties(b) AS end_properties
"""

COUNTS_QUERY: LiteralString = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
"""

# Restored nodes carry a temporary label and their backup id until the relationships
# are in; the index makes each relationship's two lookups cheap.
RESTORE_INDEX_QUERY: LiteralString = """
CREATE INDEX kb_restore_id IF NOT EXISTS FOR (n:KbRestoring) ON (n.kb_restore_id)
"""

AWAIT_RESTORE_INDEX_QUERY: LiteralString = """
CALL db.awaitIndex('kb_restore_id', 300)
"""

DROP_RESTORE_INDEX_QUERY: LiteralString = """
DROP INDEX kb_restore_id IF EXISTS
"""

CREATE_NODES_QUERY: LiteralString = """
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.properties, n:KbRestoring, n.kb_restore_id = row.id
"""

CREATE_RELATIONSHIPS_QUERY: LiteralString = """
UNWIND $rows AS row
MATCH (a:KbRestoring {kb_restore_id: row.start})
MATCH (b:KbRestoring {kb_restore_id: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
"""

FORGET_RESTORE_IDS_QUERY: LiteralString = """
MATCH (n:KbRestoring)
WITH n LIMIT $page_size
REMOVE n:KbRestoring, n.kb_restore_id
RETURN count(n) AS done
"""

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
