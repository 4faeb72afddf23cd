"""Cypher for evidence slots: the analysts' work list, opening, closing, reopening."""

from typing import LiteralString

from kb.queries.counting import capped_count
from kb.queries.targets import TARGET

# A slot as every answer shows it (`slot` bound); one projection, one schema.
SLOT_PROJECTION: LiteralString = """
slot {
  .id, .kind, .question, .status, .reason, .field,
  .opened_by, .opened_at, .closed_by, .closed_at,
  active_links: COUNT { (slot)<-[:FILLS]-(l:EvidenceLink) WHERE l.retracted_at IS NULL }
}
"""

# The same, with its owner (`owner` bound), for answers about slots themselves.
_SLOT_WITH_OWNER: LiteralString = (
    """
WITH owner, """
    + SLOT_PROJECTION
    + """ AS slot
RETURN slot {
  .*,
  owner: {
    id: owner.id,
    label: [label IN labels(owner) WHERE label IN
            ['Claim', 'CausalLink', 'SupersededCausalLink', 'Source', 'Actor']][0],
    // a Source's text is the whole document: its title stands for it here
    text: CASE WHEN owner:Source THEN owner.title
               ELSE coalesce(owner.text, owner.mechanism, owner.name) END,
    type: owner.type
  }
} AS item
"""
)

_SLOT_FILTERS: LiteralString = """
MATCH (owner)-[:HAS_SLOT]->(slot:EvidenceSlot)
WHERE slot.id IS NOT NULL
  AND ($status IS NULL OR slot.status = $status)
  AND ($kind IS NULL OR slot.kind = $kind)
  AND ($owner_id IS NULL OR owner.id = $owner_id)
"""

SLOTS_COUNT_QUERY: LiteralString = (
    _SLOT_FILTERS
    + """
"""
    + capped_count("slot")
)

SLOTS_PAGE_QUERY: LiteralString = (
    _SLOT_FILTERS
    + """
WITH owner, slot ORDER BY slot.id
SKIP $skip LIMIT $limit
"""
    + _SLOT_WITH_OWNER
)

SLOT_QUERY: LiteralString = (
    """
MATCH (owner)-[:HAS_SLOT]->(slot:EvidenceSlot {id: $slot_id})
"""
    + _SLOT_WITH_OWNER
)

SLOT_OF_TARGET_QUERY: LiteralString = (
    TARGET
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

OPEN_SLOT_QUERY: LiteralString = (
    TARGET
    + """
WITH t, 'slot-' + t.id + '-' AS prefix
// one more than the highest number among the target's own slots: a count would
// reuse a number once a merge and unmerge (kb claims) took slots away and back
WITH t, prefix, reduce(highest = 0, n IN [(t)-[:HAS_SLOT]->(s:EvidenceSlot)
       WHERE s.id STARTS WITH prefix | toInteger(substring(s.id, size(prefix)))] |
     CASE WHEN n > highest THEN n ELSE highest END) + 1 AS number
CREATE (t)-[:HAS_SLOT]->(slot:EvidenceSlot {
  id: prefix + toString(number), kind: $kind, question: $question,
  status: 'open', opened_by: $by, opened_at: $now
})
RETURN slot.id AS slot_id
"""
)

UPDATE_SLOT_QUERY: LiteralString = """
MATCH (slot:EvidenceSlot {id: $slot_id})
SET slot.status = $status,
    slot.reason = $reason,
    slot.question = coalesce($question, slot.question),
    slot.closed_by = CASE WHEN $status = 'closed' THEN $by ELSE null END,
    slot.closed_at = CASE WHEN $status = 'closed' THEN $now ELSE null END
"""
