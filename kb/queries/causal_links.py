"""Cypher for causal links: list and detail."""

from typing import LiteralString

from kb.queries.counting import capped_count
from kb.queries.slots import SLOT_PROJECTION

_LINK_FILTER: LiteralString = """
MATCH (cause:Claim)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(effect:Claim)
WHERE ($claim_id IS NULL OR cause.id = $claim_id OR effect.id = $claim_id)
"""

_LINK_FIELDS: LiteralString = """
  .id, .mechanism, .basis, .marker, .rationale, status: coalesce(l.status, 'unverified'),
  cause: cause {.id, .text, .type},
  effect: effect {.id, .text, .type},
  sources: COLLECT { MATCH (s:Source)-[:ASSERTS_LINK]->(l) RETURN DISTINCT s.id }
"""

CAUSAL_LINKS_COUNT_QUERY: LiteralString = (
    _LINK_FILTER
    + """
"""
    + capped_count("l")
)

CAUSAL_LINKS_PAGE_QUERY: LiteralString = (
    _LINK_FILTER
    + """
  AND l.id IS NOT NULL
WITH l, cause, effect ORDER BY l.id
SKIP $skip LIMIT $limit
RETURN l {"""
    + _LINK_FIELDS
    + """} AS item
"""
)

CAUSAL_LINK_DETAIL_QUERY: LiteralString = (
    """
MATCH (cause:Claim)-[:CAUSE_OF]->(l:CausalLink {id: $link_id})-[:LEADS_TO]->(effect:Claim)
RETURN l {"""
    + _LINK_FIELDS
    + """,
  assertions: [(s:Source)-[a:ASSERTS_LINK]->(l) | {
      source_id: s.id, source_title: s.title, quote: a.quote,
      start: a.start, end: a.end, section: a.section}],
  slots: [(l)-[:HAS_SLOT]->(slot:EvidenceSlot) | """
    + SLOT_PROJECTION
    + """]
} AS link
"""
)
