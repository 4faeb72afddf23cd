"""Cypher for actors: listing, lookup by id or alias, their claims."""

from typing import LiteralString

# An actor by id, or by a case-insensitive name or alias ("Washington").
RESOLVE_ACTOR_QUERY: LiteralString = """
MATCH (a:Actor)
WHERE a.id = $key
   OR toLower(a.name) = toLower($key)
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($key))
RETURN a.id AS id
ORDER BY CASE WHEN a.id = $key THEN 0 ELSE 1 END, a.id
LIMIT 1
"""

LIST_ACTORS_QUERY: LiteralString = """
MATCH (a:Actor)
WHERE $kind IS NULL OR a.kind = $kind
WITH a ORDER BY a.id
WITH collect(a) AS actors
CALL (actors) {
  UNWIND actors[$skip..($skip + $limit)] AS a
  RETURN collect(a {
      .id, .name, .kind, .wikidata_qid,
      aliases: coalesce(a.aliases, []),
      claim_count: COUNT { (:Claim)-[:ABOUT]->(a) }
  }) AS items
}
RETURN size(actors) AS total, items
"""

ACTOR_DETAIL_QUERY: LiteralString = """
MATCH (a:Actor {id: $actor_id})
RETURN a {
  .id, .name, .kind, .wikidata_qid,
  aliases: coalesce(a.aliases, []),
  claim_count: COUNT { (:Claim)-[:ABOUT]->(a) },
  roles: [(c:Claim)-[r:ABOUT]->(a) | r.role],
  slots: [(a)-[:HAS_SLOT]->(slot:EvidenceSlot) | slot {.id, .kind, .question, .status}]
} AS actor
"""

ACTOR_CLAIMS_QUERY: LiteralString = """
MATCH (c:Claim)-[r:ABOUT]->(a:Actor {id: $actor_id})
WHERE $role IS NULL OR r.role = $role
WITH c, collect(DISTINCT r.role) AS roles
ORDER BY c.id
WITH collect({claim: c, roles: roles}) AS matches
CALL (matches) {
  UNWIND matches[$skip..($skip + $limit)] AS match
  WITH match.claim AS c, match.roles AS roles
  RETURN collect(c {
      .id, .text, .type, .checkable, roles: roles,
      sources: COLLECT { MATCH (s:Source)-[:ASSERTS]->(c) RETURN DISTINCT s.id }
  }) AS items
}
RETURN size(matches) AS total, items
"""
