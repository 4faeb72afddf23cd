"""Cypher for `kb import`: what the database holds that an annotation file may reuse."""

from typing import LiteralString

# Ids a file may reference without defining them (support/attack ids too, so a
# superseded link can name one and a new link cannot take one).
IMPORT_EXISTING_IDS_QUERY: LiteralString = """
CALL () { MATCH (c:Claim) RETURN collect(c.id) AS claims }
CALL () { MATCH (a:Actor) RETURN collect(a.id) AS actors }
CALL () { MATCH (t:Topic) RETURN collect(t.id) AS topics }
CALL () { MATCH (l:CausalLink) RETURN collect(l.id) AS causal_links }
CALL () { MATCH ()-[r:SUPPORTS|ATTACKS]->() RETURN collect(r.id) AS links }
RETURN claims, actors, topics, causal_links, links
"""

# The current state of what a file writes, by id, for the diff `kb import` prints.
IMPORT_CURRENT_STATE_QUERY: LiteralString = """
CALL () {
  UNWIND $claim_ids AS claim_id MATCH (c:Claim {id: claim_id})
  RETURN collect(c {.id, .text, .type, .checkable, .checkable_reason, .unattributed, .framing,
                    .held_by, .restates, .restates_link}) AS claims
}
CALL () {
  UNWIND $actor_ids AS actor_id MATCH (a:Actor {id: actor_id})
  RETURN collect(a {.id, .name, .kind, .aliases}) AS actors
}
CALL () {
  UNWIND $topic_ids AS topic_id MATCH (t:Topic {id: topic_id})
  RETURN collect(t {.id, .name, .aliases}) AS topics
}
CALL () {
  UNWIND $link_ids AS link_id MATCH ()-[r:SUPPORTS|ATTACKS {id: link_id}]->()
  RETURN collect(r.id) AS links
}
CALL () {
  UNWIND $causal_ids AS causal_id MATCH (l:CausalLink|SupersededCausalLink {id: causal_id})
  RETURN collect(l.id) AS causal_links
}
CALL () {
  UNWIND $slot_ids AS slot_id MATCH (s:EvidenceSlot {id: slot_id}) RETURN collect(s.id) AS slots
}
CALL () {
  OPTIONAL MATCH (:Source {id: $source_id})-[a:ASSERTS]->(c:Claim)
  RETURN collect(c.id + '@' + toString(a.start)) AS assertions
}
CALL () { OPTIONAL MATCH (s:Source {id: $source_id}) RETURN s.sha256 AS source_sha256 }
RETURN claims, actors, topics, links, causal_links, slots, assertions, source_sha256
"""

# Candidate matches for a new claim: ranked full-text hits over claim paraphrases...
IMPORT_MATCH_CLAIM_TEXT_QUERY: LiteralString = """
CALL db.index.fulltext.queryNodes('claim_text', $search, {limit: $limit}) YIELD node, score
RETURN node.id AS claim_id, node.text AS text, score
"""

# ...and over the quotes that assert claims (of any source).
IMPORT_MATCH_QUOTE_QUERY: LiteralString = """
CALL db.index.fulltext.queryRelationships('assertion_quote', $search, {limit: $limit})
YIELD relationship, score
MATCH (:Source)-[relationship]->(c:Claim)
RETURN c.id AS claim_id, c.text AS text, relationship.quote AS quote, score
"""
