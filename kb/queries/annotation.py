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

# Which of the given ids exist, by kind: the ids a file mentions, each looked up on its
# constrained id (an index seek), so the check costs the file, not the graph.
IMPORT_EXISTING_AMONG_QUERY: LiteralString = """
CALL () { UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN collect(c.id) AS claims }
CALL () { UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN collect(a.id) AS actors }
CALL () { UNWIND $ids AS id MATCH (t:Topic {id: id}) RETURN collect(t.id) AS topics }
CALL () {
  UNWIND $ids AS id MATCH (l:CausalLink {id: id}) RETURN collect(l.id) AS causal_links
}
CALL () { UNWIND $ids AS id MATCH ()-[r:SUPPORTS {id: id}]->() RETURN collect(r.id) AS supports }
CALL () { UNWIND $ids AS id MATCH ()-[r:ATTACKS {id: id}]->() RETURN collect(r.id) AS attacks }
RETURN claims, actors, topics, causal_links, supports + attacks AS links
"""

# Which of the given ids are retired claims, and in which revision of which source, so a
# `ref:` to one is answered with how to revive it rather than "unknown".
IMPORT_RETIRED_AMONG_QUERY: LiteralString = """
UNWIND $ids AS id
MATCH (c:RetiredClaim {id: id})
RETURN c.id AS id, c.retired_in AS revision, c.retired_source AS source_id
"""

# The current state of what a file writes, by id, for the diff `kb import` prints
# (small statements, each on a constrained id, so every lookup is an index seek).
IMPORT_CLAIMS_STATE_QUERY: LiteralString = """
UNWIND $ids AS claim_id
MATCH (c:Claim {id: claim_id})
RETURN c {.id, .text, .type, .checkable, .checkable_reason, .unattributed, .framing,
          .held_by, .restates, .restates_link} AS row
"""

IMPORT_ACTORS_STATE_QUERY: LiteralString = """
UNWIND $ids AS actor_id
MATCH (a:Actor {id: actor_id})
RETURN a {.id, .name, .kind, .aliases} AS row
"""

IMPORT_TOPICS_STATE_QUERY: LiteralString = """
UNWIND $ids AS topic_id
MATCH (t:Topic {id: topic_id})
RETURN t {.id, .name, .aliases} AS row
"""

IMPORT_SLOTS_STATE_QUERY: LiteralString = """
UNWIND $ids AS slot_id
MATCH (s:EvidenceSlot {id: slot_id})
RETURN s.id AS row
"""

# What a link says of itself (basis, marker, rationale), by id, so the diff can
# tell a link the file rewrites from one it leaves as it is.
IMPORT_LINK_FIELDS_STATE_QUERY: LiteralString = """
UNWIND $ids AS link_id
MATCH ()-[r:SUPPORTS|ATTACKS {id: link_id}]->()
RETURN {id: r.id, basis: r.basis, marker: r.marker, rationale: r.rationale} AS row
"""

IMPORT_CAUSAL_FIELDS_STATE_QUERY: LiteralString = """
UNWIND $ids AS link_id
MATCH (l:CausalLink {id: link_id})
RETURN {id: l.id, basis: l.basis, marker: l.marker, rationale: l.rationale} AS row
"""

IMPORT_SUPERSEDED_CAUSAL_STATE_QUERY: LiteralString = """
UNWIND $ids AS link_id
MATCH (l:SupersededCausalLink {id: link_id})
RETURN l.id AS row
"""

IMPORT_SOURCE_STATE_QUERY: LiteralString = """
MATCH (s:Source {id: $source_id})
RETURN s.sha256 AS sha256,
       [(s)-[a:ASSERTS]->(c:Claim) | c.id + '@' + toString(a.start)] AS assertions
"""

# Candidate matches for a new claim: ranked full-text hits over claim paraphrases...
IMPORT_MATCH_CLAIM_TEXT_QUERY: LiteralString = """
CALL db.index.fulltext.queryNodes('claim_text', $search, {limit: $limit}) YIELD node, score
RETURN node.id AS claim_id, node.text AS text, node.type AS type, score
"""

# ...and over the quotes that assert claims (of any source).
IMPORT_MATCH_QUOTE_QUERY: LiteralString = """
CALL db.index.fulltext.queryRelationships('assertion_quote', $search, {limit: $limit})
YIELD relationship, score
MATCH (:Source)-[relationship]->(c:Claim)
RETURN c.id AS claim_id, c.text AS text, c.type AS type, relationship.quote AS quote, score
"""

# The texts the matcher weighs its words by (inverse document frequency): the first
# `$limit` claims by id, read in the id index's order (no scan, no sort), so an import
# reads a bounded, deterministic sample; on a graph of at most `$limit` claims, all.
IMPORT_MATCH_WEIGHT_TEXTS_QUERY: LiteralString = """
MATCH (c:Claim)
WHERE c.id IS NOT NULL
RETURN c.text AS text
ORDER BY c.id
LIMIT $limit
"""

# The two probes above for many searches in one statement (one round trip, not one a probe):
# `at` is the search's position in `$searches`.
IMPORT_MATCH_CLAIM_TEXTS_QUERY: LiteralString = """
UNWIND range(0, size($searches) - 1) AS at
CALL (at) {
  CALL db.index.fulltext.queryNodes('claim_text', $searches[at], {limit: $limit})
  YIELD node, score
  RETURN collect({claim_id: node.id, text: node.text, score: score}) AS hits
}
RETURN at, hits
"""

IMPORT_MATCH_QUOTES_QUERY: LiteralString = """
UNWIND range(0, size($searches) - 1) AS at
CALL (at) {
  CALL db.index.fulltext.queryRelationships('assertion_quote', $searches[at], {limit: $limit})
  YIELD relationship, score
  MATCH (:Source)-[relationship]->(c:Claim)
  RETURN collect({claim_id: c.id, text: c.text, quote: relationship.quote, score: score}) AS hits
}
RETURN at, hits
"""
