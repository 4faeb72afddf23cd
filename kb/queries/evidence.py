"""Cypher for analysts' writes: evidence, evidence links, slots, events, history.

A target is a claim or a causal link; both lookups are indexed by label.
"""

from typing import LiteralString

_TARGET: LiteralString = """
CALL () {
  MATCH (t:Claim {id: $target_id}) RETURN t
  UNION
  MATCH (t:CausalLink {id: $target_id}) RETURN t
}
"""

TARGET_KIND_QUERY: LiteralString = (
    _TARGET
    + """
RETURN CASE WHEN t:Claim THEN 'claim' ELSE 'causal_link' END AS kind
"""
)

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
    _TARGET
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

SLOT_OF_TARGET_QUERY: LiteralString = (
    _TARGET
    + """
MATCH (t)-[:HAS_SLOT]->(slot:EvidenceSlot {id: $slot_id})
RETURN slot.status AS status
"""
)

FILL_SLOT_QUERY: LiteralString = """
MATCH (l:EvidenceLink {id: $link_id}), (slot:EvidenceSlot {id: $slot_id})
MERGE (l)-[:FILLS]->(slot)
SET slot.status = 'filled'
"""

RECORD_EVENT_QUERY: LiteralString = """
CREATE (:Event {
  id: $event_id, seq: $seq, kind: $kind, at: $now, by: $by, target_id: $target_id,
  link_id: $link_id, slot_id: $slot_id, detail: $detail
})
"""

IDEMPOTENCY_RECORD_QUERY: LiteralString = """
MATCH (r:IdempotencyRecord {id: $record_id})
RETURN r.request_hash AS request_hash, r.link_id AS link_id
"""

SAVE_IDEMPOTENCY_RECORD_QUERY: LiteralString = """
MERGE (r:IdempotencyRecord {id: $record_id})
  ON CREATE SET r.request_hash = $request_hash, r.link_id = $link_id, r.created_at = $now
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

# Retraction marks, never deletes; dropping `active_key` lets the same
# analyst attach the same evidence again later as a new link.
RETRACT_EVIDENCE_LINK_QUERY: LiteralString = """
MATCH (l:EvidenceLink {id: $link_id})
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

OPEN_SLOT_QUERY: LiteralString = (
    _TARGET
    + """
WITH t, COUNT { (t)-[:HAS_SLOT]->(:EvidenceSlot) } + 1 AS number
CREATE (t)-[:HAS_SLOT]->(slot:EvidenceSlot {
  id: 'slot-' + t.id + '-' + toString(number), kind: $kind, question: $question,
  status: 'open', opened_by: $by, opened_at: $now
})
RETURN slot.id AS slot_id
"""
)

SLOT_QUERY: LiteralString = """
MATCH (owner)-[:HAS_SLOT]->(slot:EvidenceSlot {id: $slot_id})
RETURN slot {.id, .kind, .question, .status, .reason, .field, .opened_by, .opened_at,
             .closed_by, .closed_at} AS slot,
       owner.id AS owner_id,
       COUNT { (slot)<-[:FILLS]-(l:EvidenceLink) WHERE l.retracted_at IS NULL } AS active_links
"""

UPDATE_SLOT_QUERY: LiteralString = """
MATCH (slot:EvidenceSlot {id: $slot_id})
SET slot.status = $status,
    slot.reason = $reason,
    slot.question = coalesce($question, slot.question),
    slot.closed_by = CASE WHEN $status = 'closed' THEN $by ELSE null END,
    slot.closed_at = CASE WHEN $status = 'closed' THEN $now ELSE null END
"""

# Every event about a target, its slots and its evidence links, in order.
HISTORY_QUERY: LiteralString = """
MATCH (event:Event {target_id: $target_id})
RETURN event {.id, .kind, .at, .by, .target_id, .link_id, .slot_id, .detail} AS event
ORDER BY event.at, event.seq
"""
