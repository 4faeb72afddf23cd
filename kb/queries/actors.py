"""Cypher for actors: listing, lookup by id or alias, their claims."""

from typing import LiteralString

from kb.queries.counting import capped_count
from kb.queries.slots import SLOT_PROJECTION

# An actor by id: a seek on the id constraint, tried first (ids are what links and
# filters carry; the name and alias match below reads every actor).
ACTOR_BY_ID_QUERY: LiteralString = """
MATCH (a:Actor {id: $key})
RETURN a.id AS id
"""

# An actor by a case-insensitive name or alias ("Washington"), when no id is `key`.
RESOLVE_ACTOR_QUERY: LiteralString = """
MATCH (a:Actor)
WHERE toLower(a.name) = toLower($key)
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($key))
RETURN a.id AS id
ORDER BY a.id
LIMIT 1
"""

_ACTOR_FIELDS: LiteralString = """
  .id, .name, .kind, .wikidata_qid,
  aliases: coalesce(a.aliases, []),
  claim_count: COUNT { (:Claim)-[:ABOUT]->(a) }
"""

ACTORS_COUNT_QUERY: LiteralString = """
MATCH (a:Actor)
WHERE $kind IS NULL OR a.kind = $kind
""" + capped_count("a")

ACTORS_PAGE_QUERY: LiteralString = (
    """
MATCH (a:Actor)
WHERE ($kind IS NULL OR a.kind = $kind) AND a.id IS NOT NULL
WITH a ORDER BY a.id
SKIP $skip LIMIT $limit
RETURN a {"""
    + _ACTOR_FIELDS
    + """} AS item
"""
)

ACTOR_DETAIL_QUERY: LiteralString = (
    """
MATCH (a:Actor {id: $actor_id})
RETURN a {"""
    + _ACTOR_FIELDS
    + """,
  roles: [(c:Claim)-[r:ABOUT]->(a) | r.role],
  slots: [(a)-[:HAS_SLOT]->(slot:EvidenceSlot) | """
    + SLOT_PROJECTION
    + """]
} AS actor
"""
)

ACTOR_CLAIMS_COUNT_QUERY: LiteralString = """
MATCH (c:Claim)
WHERE EXISTS { (c)-[r:ABOUT]->(:Actor {id: $actor_id}) WHERE $role IS NULL OR r.role = $role }
""" + capped_count("c")

ACTOR_CLAIMS_PAGE_QUERY: LiteralString = """
MATCH (c:Claim)-[r:ABOUT]->(a:Actor {id: $actor_id})
WHERE $role IS NULL OR r.role = $role
WITH c, collect(DISTINCT r.role) AS roles
ORDER BY c.id
SKIP $skip LIMIT $limit
RETURN c {
  .id, .text, .type, .checkable, roles: roles,
  sources: COLLECT { MATCH (s:Source)-[:ASSERTS]->(c) RETURN DISTINCT s.id }
} AS item
"""
