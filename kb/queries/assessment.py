"""Cypher feeding the derived status and standing of claims and causal links."""

from typing import LiteralString

# Active (not retracted) evidence weights per target and stance.
EVIDENCE_WEIGHTS_QUERY: LiteralString = """
MATCH (link:EvidenceLink)-[:BEARS_ON]->(target)
WHERE link.retracted_at IS NULL AND link.stance IN ['supports', 'refutes']
RETURN target.id AS target_id, link.stance AS stance,
       sum(link.confidence) AS weight, count(link) AS links
"""

ALL_CLAIM_IDS_QUERY: LiteralString = """
MATCH (c:Claim) RETURN collect(c.id) AS claim_ids
"""
