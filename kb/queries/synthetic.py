"""Cypher that builds and removes the synthetic graph used by `bench/`."""

from typing import LiteralString

CREATE_SYNTHETIC_CLAIMS_QUERY: LiteralString = """
UNWIND $rows AS row
MERGE (c:Claim {id: row.id})
SET c.text = row.text, c.type = 'interpretive', c.checkable = false, c.synthetic = true
"""

CREATE_SYNTHETIC_SUPPORTS_QUERY: LiteralString = """
UNWIND $rows AS row
MATCH (a:Claim {id: row.from_id}), (b:Claim {id: row.to_id})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.source_id = 'synthetic'
"""

CREATE_SYNTHETIC_CAUSAL_LINKS_QUERY: LiteralString = """
UNWIND $rows AS row
MATCH (a:Claim {id: row.from_id}), (b:Claim {id: row.to_id})
MERGE (l:CausalLink {id: row.id})
SET l.mechanism = 'synthetic', l.synthetic = true
MERGE (a)-[:CAUSE_OF]->(l)
MERGE (l)-[:LEADS_TO]->(b)
"""

DELETE_SYNTHETIC_QUERY: LiteralString = """
MATCH (n) WHERE n.synthetic = true
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
"""
