"""Cypher for merging two claims into one and undoing it (`kb claims merge|unmerge`).

Relationships cannot be re-pointed in Neo4j: a moved relationship is created
anew on the other claim with the same type and properties, and the old one is
deleted. Types and labels arrive as parameters (Neo4j 5.26 dynamic types,
`$(...)`), and the service passes only words of its allow-lists
(`kb.services.merges`). Everything is addressed by element id inside the one
write transaction that read it.
"""

from typing import LiteralString

# Whether `$claim_id` is a live claim, a merged-away one (and into what), or unknown.
CLAIM_STATE_QUERY: LiteralString = """
OPTIONAL MATCH (live:Claim {id: $claim_id})
OPTIONAL MATCH (gone:MergedClaim {id: $claim_id})
RETURN live IS NOT NULL AS live, gone.merged_into AS merged_into
"""

# Lock both claims (in the order given: sorted ids, so two merges cannot deadlock)
# before anything is read; writes to a claim take the same lock (`kb.queries.targets`).
LOCK_CLAIMS_QUERY: LiteralString = """
UNWIND $claim_ids AS claim_id
CALL (claim_id) {
  MATCH (c:Claim {id: claim_id}) RETURN c
  UNION
  MATCH (c:MergedClaim {id: claim_id}) RETURN c
}
SET c.kb_write_lock = true
REMOVE c.kb_write_lock
"""

# Relationships still on tombstones: a merge moves all of them, so any found is a
# write that slipped past the merge's locks (`kb lint` and the reliability suite).
TOMBSTONE_RELATIONSHIPS_QUERY: LiteralString = """
MATCH (gone:MergedClaim)-[r]-()
RETURN gone.id AS merged_id, type(r) AS type, count(r) AS relationships
ORDER BY merged_id, type
"""

# Every relationship of a claim with what a merge needs to move or compare it.
CLAIM_RELATIONSHIPS_QUERY: LiteralString = """
MATCH (c) WHERE elementId(c) = $node
MATCH (c)-[r]-(other)
RETURN elementId(r) AS rel, type(r) AS type, startNode(r) = c AS outgoing,
       elementId(other) AS other, other.id AS other_id, labels(other) AS other_labels,
       properties(r) AS props
"""

# Support, attack or causal links that join the two claims directly: merging
# them would make the claim support, attack or cause itself.
LINKS_BETWEEN_QUERY: LiteralString = """
MATCH (a:Claim {id: $a}), (b:Claim {id: $b})
CALL (a, b) {
  MATCH (a)-[r:SUPPORTS|ATTACKS]-(b)
  RETURN r.id AS link_id, toLower(type(r)) AS kind
  UNION
  MATCH (a)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(b)
  RETURN l.id AS link_id, 'causal' AS kind
  UNION
  MATCH (b)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(a)
  RETURN l.id AS link_id, 'causal' AS kind
}
RETURN link_id, kind
ORDER BY link_id
"""

# Re-create each relationship of `$rows` on the claim `$target` (same type,
# direction and properties) after deleting the original (first, so that a
# uniqueness constraint on a link's `id` never sees two). Two statements because a
# direction cannot be a parameter.
MOVE_OUTGOING_QUERY: LiteralString = """
MATCH (target) WHERE elementId(target) = $target
UNWIND $rows AS row
MATCH ()-[old]->(other) WHERE elementId(old) = row.rel
WITH target, row, other, old, properties(old) AS props
DELETE old
CREATE (target)-[moved:$(row.type)]->(other)
SET moved = props
"""

MOVE_INCOMING_QUERY: LiteralString = """
MATCH (target) WHERE elementId(target) = $target
UNWIND $rows AS row
MATCH (other)-[old]->() WHERE elementId(old) = row.rel
WITH target, row, other, old, properties(old) AS props
DELETE old
CREATE (other)-[moved:$(row.type)]->(target)
SET moved = props
"""

DELETE_RELATIONSHIPS_QUERY: LiteralString = """
UNWIND $rels AS rel
MATCH ()-[old]->() WHERE elementId(old) = rel
DELETE old
"""

# Re-create relationships a merge dropped as duplicates, from the merge record.
CREATE_OUTGOING_QUERY: LiteralString = """
MATCH (target) WHERE elementId(target) = $target
UNWIND $rows AS row
MATCH (other) WHERE elementId(other) = row.other
CREATE (target)-[created:$(row.type)]->(other)
SET created = row.props
"""

CREATE_INCOMING_QUERY: LiteralString = """
MATCH (target) WHERE elementId(target) = $target
UNWIND $rows AS row
MATCH (other) WHERE elementId(other) = row.other
CREATE (other)-[created:$(row.type)]->(target)
SET created = row.props
"""

# The element id of each `{label, id}` in `$keys` (labels from the allow-list).
NODES_BY_KEY_QUERY: LiteralString = """
UNWIND $keys AS key
CALL (key) {
  MATCH (node:Claim {id: key.id}) WHERE key.label = 'Claim' RETURN node
  UNION
  MATCH (node:CausalLink {id: key.id}) WHERE key.label = 'CausalLink' RETURN node
  UNION
  MATCH (node:Source {id: key.id}) WHERE key.label = 'Source' RETURN node
  UNION
  MATCH (node:Actor {id: key.id}) WHERE key.label = 'Actor' RETURN node
  UNION
  MATCH (node:Topic {id: key.id}) WHERE key.label = 'Topic' RETURN node
  UNION
  MATCH (node:EvidenceSlot {id: key.id}) WHERE key.label = 'EvidenceSlot' RETURN node
  UNION
  MATCH (node:EvidenceLink {id: key.id}) WHERE key.label = 'EvidenceLink' RETURN node
}
RETURN key.label AS label, key.id AS id, elementId(node) AS node
"""

# Evidence links follow their BEARS_ON relationship: `target_id` names the claim.
RETARGET_EVIDENCE_QUERY: LiteralString = """
UNWIND $link_ids AS link_id
MATCH (link:EvidenceLink {id: link_id})
SET link.target_id = $target_id
"""

CLAIM_ELEMENT_QUERY: LiteralString = """
CALL () {
  MATCH (c:Claim {id: $claim_id}) RETURN c
  UNION
  MATCH (c:MergedClaim {id: $claim_id}) RETURN c
}
RETURN elementId(c) AS node, labels(c) AS labels
"""

# The merged-away claim becomes a tombstone: its `Claim` and type labels go,
# its properties stay, so its id is never given to another claim.
TOMBSTONE_QUERY: LiteralString = """
MATCH (c:Claim {id: $claim_id})
REMOVE c:$($labels)
SET c:MergedClaim, c.merged_into = $survivor_id, c.merge_id = $merge_id
"""

REVIVE_QUERY: LiteralString = """
MATCH (c:MergedClaim {id: $claim_id})
REMOVE c:MergedClaim, c.merged_into, c.merge_id
SET c:$($labels)
"""

CREATE_MERGE_RECORD_QUERY: LiteralString = """
CREATE (:ClaimMerge {
  id: $merge_id, survivor_id: $survivor_id, merged_id: $merged_id, reason: $reason,
  by: $by, at: $now, status: 'merged', merged_labels: $labels,
  moved: $moved, dropped: $dropped
})
"""

# The merge that made `$merged_id` a tombstone (the newest one still in force).
ACTIVE_MERGE_QUERY: LiteralString = """
MATCH (m:ClaimMerge {merged_id: $merged_id, status: 'merged'})
RETURN m {.id, .survivor_id, .merged_id, .merged_labels, .moved, .dropped} AS merge
ORDER BY m.at DESC
LIMIT 1
"""

CLOSE_MERGE_RECORD_QUERY: LiteralString = """
MATCH (m:ClaimMerge {id: $merge_id})
SET m.status = 'unmerged', m.unmerged_by = $by, m.unmerged_at = $now,
    m.unmerge_reason = $reason
"""

# Every tombstone and the claim it was merged into: few, read whole.
MERGED_CLAIMS_QUERY: LiteralString = """
MATCH (gone:MergedClaim)
RETURN gone.id AS merged_id, gone.merged_into AS merged_into
"""
