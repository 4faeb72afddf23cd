"""Cypher for `kb draft`: the actors, topics and claims a draft is matched against."""

from typing import LiteralString

# One read of everything a draft may point at, ordered by id so a draft is deterministic.
DRAFT_KNOWN_GRAPH_QUERY: LiteralString = """
CALL () {
  MATCH (a:Actor)
  WITH a ORDER BY a.id
  RETURN collect(a {.id, .name, .kind, .aliases}) AS actors
}
CALL () {
  MATCH (t:Topic)
  WITH t ORDER BY t.id
  RETURN collect(t {.id, .name, .aliases}) AS topics
}
CALL () {
  MATCH (c:Claim)
  WITH c ORDER BY c.id
  RETURN collect(c {.id, .text, quotes: [(:Source)-[r:ASSERTS]->(c) | r.quote]}) AS claims
}
RETURN actors, topics, claims
"""
