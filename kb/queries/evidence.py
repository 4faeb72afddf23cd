"""Cypher for analysts' evidence: external sources, the links from them to a
claim or causal link, retraction, and idempotency records."""

from typing import LiteralString

from kb.queries.targets import TARGET

# One Evidence node per normalised URL; the first description wins.
MERGE_EVIDENCE_QUERY: LiteralString = """
MERGE (e:Evidence {url: $url})
  ON CREATE SET e.id = $evidence_id, e.title = $title, e.publisher = $publisher,
                e.published_on = $published_on, e.retrieved_on = $retrieved_on,
                e.excerpt = $excerpt, e.archive_url = $archive_url,
                e.added_by = $added_by, e.added_at = $now
RETURN e.id AS evidence_id
"""

# MERGE on the constrained `active_key`: a second identical write (even a
# concurrent one) finds the first link. `created` tells which happened.
MERGE_EVIDENCE_LINK_QUERY: LiteralString = (
    TARGET
    + """
MATCH (e:Evidence {url: $url})
MERGE (l:EvidenceLink {active_key: $active_key})
  ON CREATE SET l.id = $link_id, l.stance = $stance, l.confidence = $confidence,
                l.rationale = $rationale, l.added_by = $added_by, l.added_at = $now,
                l.target_id = $target_id
MERGE (l)-[:CITES]->(e)
MERGE (l)-[:BEARS_ON]->(t)
RETURN l.id AS link_id, l.id = $link_id AS created
"""
)

# Claim an Idempotency-Key before doing anything: the MERGE on the constrained
# id makes a concurrent request with the same key wait until this transaction
# commits, and then find the record with the first answer in it. `$token` is
# unique per request, so `claimed` says whether this request made the record.
CLAIM_IDEMPOTENCY_KEY_QUERY: LiteralString = """
MERGE (r:IdempotencyRecord {id: $record_id})
  ON CREATE SET r.request_hash = $request_hash, r.created_at = $now, r.token = $token
RETURN r.token = $token AS claimed, r.request_hash AS request_hash,
       r.status AS status, r.response AS response
"""

# The first answer, kept so that a replay returns it byte for byte.
SAVE_IDEMPOTENT_ANSWER_QUERY: LiteralString = """
MATCH (r:IdempotencyRecord {id: $record_id})
SET r.link_id = $link_id, r.status = $status, r.response = $response
"""

# An evidence link as the API shows it: stance, who and when, retraction, the source.
_EVIDENCE_LINK_PROJECTION: LiteralString = """
RETURN l {
  .id, .stance, .confidence, .rationale, .added_by, .added_at, .target_id,
  .retracted_by, .retracted_at, .retraction_reason,
  slot_id: slot.id,
  evidence: e {.id, .url, .title, .publisher, .published_on, .retrieved_on, .excerpt,
               .archive_url, .added_by, .added_at}
} AS link
"""

EVIDENCE_LINK_QUERY: LiteralString = (
    """
MATCH (l:EvidenceLink {id: $link_id})-[:CITES]->(e:Evidence)
OPTIONAL MATCH (l)-[:FILLS]->(slot:EvidenceSlot)
"""
    + _EVIDENCE_LINK_PROJECTION
)

TARGET_EVIDENCE_QUERY: LiteralString = (
    """
MATCH (l:EvidenceLink {target_id: $target_id})-[:CITES]->(e:Evidence)
OPTIONAL MATCH (l)-[:FILLS]->(slot:EvidenceSlot)
"""
    + _EVIDENCE_LINK_PROJECTION
    + """
ORDER BY l.added_at, l.id
"""
)

# One page of a target's evidence links, in the order of `TARGET_EVIDENCE_QUERY`.
TARGET_EVIDENCE_PAGE_QUERY: LiteralString = (
    """
MATCH (l:EvidenceLink {target_id: $target_id})
WITH l ORDER BY l.added_at, l.id SKIP $skip LIMIT $limit
MATCH (l)-[:CITES]->(e:Evidence)
OPTIONAL MATCH (l)-[:FILLS]->(slot:EvidenceSlot)
"""
    + _EVIDENCE_LINK_PROJECTION
    + """
ORDER BY l.added_at, l.id
"""
)

TARGET_EVIDENCE_COUNT_QUERY: LiteralString = """
MATCH (l:EvidenceLink {target_id: $target_id})
RETURN count(l) AS total
"""

# Retraction marks, never deletes; dropping `active_key` lets the same
# analyst attach the same evidence again later as a new link. The link is
# write-locked before `retracted_at` is read, so of racing retractions exactly
# one finds it active (the others return no row and write nothing).
RETRACT_EVIDENCE_LINK_QUERY: LiteralString = """
MATCH (l:EvidenceLink {id: $link_id})
SET l.retraction_lock = true
REMOVE l.retraction_lock
WITH l
WHERE l.retracted_at IS NULL
SET l.retracted_by = $by, l.retracted_at = $now, l.retraction_reason = $reason
REMOVE l.active_key
WITH l
OPTIONAL MATCH (l)-[:FILLS]->(slot:EvidenceSlot {status: 'filled'})
WHERE NOT EXISTS { (slot)<-[:FILLS]-(other:EvidenceLink) WHERE other.retracted_at IS NULL }
SET slot.status = 'open'
RETURN l.target_id AS target_id, slot.id AS reopened_slot_id
"""

EVIDENCE_LINK_OWNER_QUERY: LiteralString = """
MATCH (l:EvidenceLink {id: $link_id})
RETURN l.added_by AS added_by, l.target_id AS target_id, l.retracted_at AS retracted_at
"""
