"""Cypher for sources: metadata, text, and the spans that carry claims."""

from typing import LiteralString

from kb.queries.slots import SLOT_PROJECTION

_SOURCE_FIELDS: LiteralString = """
  .id, .title, .kind, .language, .sha256, .length,
  .author, .publisher, .published_on, .url,
  claim_count: COUNT { (s)-[:ASSERTS]->(:Claim) }
"""

SOURCE_DETAIL_QUERY: LiteralString = (
    """
MATCH (s:Source {id: $source_id})
RETURN s {"""
    + _SOURCE_FIELDS
    + """,
  .text,
  slots: [(s)-[:HAS_SLOT]->(slot:EvidenceSlot) | """
    + SLOT_PROJECTION
    + """]
} AS source
"""
)

SOURCES_COUNT_QUERY: LiteralString = """
MATCH (s:Source)
RETURN count(s) AS total
"""

SOURCES_PAGE_QUERY: LiteralString = (
    """
MATCH (s:Source)
WHERE s.id IS NOT NULL
WITH s ORDER BY s.id
SKIP $skip LIMIT $limit
RETURN s {"""
    + _SOURCE_FIELDS
    + """} AS item
"""
)

# Every anchored span: claims (ASSERTS), causal links (ASSERTS_LINK) and the
# support/attack links this source asserts.
SOURCE_SPANS_QUERY: LiteralString = """
MATCH (s:Source {id: $source_id})
CALL (s) {
  MATCH (s)-[a:ASSERTS]->(c:Claim)
  RETURN 'claim' AS kind, c.id AS target_id, a.start AS start, a.end AS end,
         a.quote AS quote, a.section AS section, coalesce(a.stance, 'asserts') AS stance,
         a.speaker AS speaker, a.speaker_stance AS speaker_stance, a.reporting AS reporting
  UNION ALL
  MATCH (s)-[a:ASSERTS_LINK]->(l:CausalLink)
  RETURN 'causal_link' AS kind, l.id AS target_id, a.start AS start, a.end AS end,
         a.quote AS quote, a.section AS section, null AS stance,
         null AS speaker, null AS speaker_stance, null AS reporting
  UNION ALL
  MATCH (:Claim)-[r:SUPPORTS|ATTACKS]->(:Claim)
  WHERE r.source_id = s.id
  RETURN toLower(type(r)) AS kind, r.id AS target_id, r.start AS start, r.end AS end,
         r.quote AS quote, null AS section, null AS stance,
         null AS speaker, null AS speaker_stance, null AS reporting
}
RETURN kind, target_id, start, end, quote, section, stance, speaker, speaker_stance, reporting
ORDER BY start, end, kind, target_id
"""

# The whole argument of one source: the claims it asserts and every support,
# attack and causal link it asserts between them (kinds as the walks name them).
SOURCE_ARGUMENT_MAP_QUERY: LiteralString = """
MATCH (s:Source {id: $source_id})
CALL (s) {
  MATCH (s)-[:ASSERTS]->(c:Claim)
  WITH DISTINCT c ORDER BY c.id
  RETURN collect(c {.id, .text, .type, .checkable, status: coalesce(c.status, 'unverified'),
                    standing: coalesce(c.standing, 'intact')}) AS claims
}
CALL (s) {
  CALL (s) {
    MATCH (a:Claim)-[r:SUPPORTS|ATTACKS]->(b:Claim)
    WHERE r.source_id = s.id
    RETURN r.id AS link_id, toLower(type(r)) AS kind, a.id AS from_id, b.id AS to_id,
           r.basis AS basis, null AS status
    UNION
    MATCH (s)-[:ASSERTS_LINK]->(l:CausalLink)
    MATCH (a:Claim)-[:CAUSE_OF]->(l)-[:LEADS_TO]->(b:Claim)
    RETURN l.id AS link_id, 'causal' AS kind, a.id AS from_id, b.id AS to_id,
           l.basis AS basis, coalesce(l.status, 'unverified') AS status
  }
  WITH link_id, kind, from_id, to_id, basis, status ORDER BY link_id
  RETURN collect({link_id: link_id, kind: kind, from_id: from_id, to_id: to_id,
                  basis: basis, status: status}) AS links
}
RETURN claims, links
"""
