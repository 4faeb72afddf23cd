"""Cypher for the append-only event log behind every target's history."""

from typing import LiteralString

RECORD_EVENT_QUERY: LiteralString = """
CREATE (:Event {
  id: $event_id, seq: $seq, kind: $kind, at: $now, by: $by, target_id: $target_id,
  link_id: $link_id, slot_id: $slot_id, detail: $detail
})
"""

# Every event about the targets (a claim and the claims merged into it), their
# slots and evidence links, in order (sorted before the projection: the
# projected map has no `seq` to sort on).
HISTORY_QUERY: LiteralString = """
MATCH (event:Event) WHERE event.target_id IN $target_ids
WITH event ORDER BY event.at, event.seq
RETURN event {.id, .kind, .at, .by, .target_id, .link_id, .slot_id, .detail} AS event
"""
