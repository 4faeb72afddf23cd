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
         a.quote AS quote, a.section AS section
  UNION ALL
  MATCH (s)-[a:ASSERTS_LINK]->(l:CausalLink)
  RETURN 'causal_link' AS kind, l.id AS target_id, a.start AS start, a.end AS end,
         a.quote AS quote, a.section AS section
  UNION ALL
  MATCH (:Claim)-[r:SUPPORTS|ATTACKS]->(:Claim)
  WHERE r.source_id = s.id
  RETURN toLower(type(r)) AS kind, r.id AS target_id, r.start AS start, r.end AS end,
         r.quote AS quote, null AS section
}
RETURN kind, target_id, start, end, quote, section
ORDER BY start, end, kind, target_id
"""
