"""Cypher for evidence slots: the analysts' work list."""

from typing import LiteralString

LIST_SLOTS_QUERY: LiteralString = """
MATCH (owner)-[:HAS_SLOT]->(slot:EvidenceSlot)
WHERE ($status IS NULL OR slot.status = $status)
  AND ($kind IS NULL OR slot.kind = $kind)
  AND ($owner_id IS NULL OR owner.id = $owner_id)
WITH owner, slot ORDER BY slot.id
WITH collect({owner: owner, slot: slot}) AS matches
CALL (matches) {
  UNWIND matches[$skip..($skip + $limit)] AS match
  WITH match.owner AS owner, match.slot AS slot
  RETURN collect(slot {
      .id, .kind, .question, .status, .field, .reason,
      owner: {
        id: owner.id,
        label: [label IN labels(owner) WHERE label IN
                ['Claim', 'CausalLink', 'SupersededCausalLink', 'Source', 'Actor']][0],
        // a Source's text is the whole document: its title stands for it here
        text: CASE WHEN owner:Source THEN owner.title
                   ELSE coalesce(owner.text, owner.mechanism, owner.name) END,
        type: owner.type
      },
      evidence_count: COUNT { (slot)<-[:FILLS]-(l:EvidenceLink) WHERE l.retracted_at IS NULL }
  }) AS items
}
RETURN size(matches) AS total, items
"""
