"""Cypher for causal links: list and detail."""

from typing import LiteralString

LIST_CAUSAL_LINKS_QUERY: LiteralString = """
MATCH (cause:Claim)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(effect:Claim)
WHERE ($claim_id IS NULL OR cause.id = $claim_id OR effect.id = $claim_id)
WITH l, cause, effect ORDER BY l.id
WITH collect({link: l, cause: cause, effect: effect}) AS matches
CALL (matches) {
  UNWIND matches[$skip..($skip + $limit)] AS match
  WITH match.link AS l, match.cause AS cause, match.effect AS effect
  RETURN collect(l {
      .id, .mechanism, .basis, .marker, .rationale,
      cause: cause {.id, .text, .type},
      effect: effect {.id, .text, .type},
      sources: COLLECT { MATCH (s:Source)-[:ASSERTS_LINK]->(l) RETURN DISTINCT s.id }
  }) AS items
}
RETURN size(matches) AS total, items
"""

CAUSAL_LINK_DETAIL_QUERY: LiteralString = """
MATCH (cause:Claim)-[:CAUSE_OF]->(l:CausalLink {id: $link_id})-[:LEADS_TO]->(effect:Claim)
RETURN l {
  .id, .mechanism, .basis, .marker, .rationale,
  cause: cause {.id, .text, .type},
  effect: effect {.id, .text, .type},
  sources: COLLECT { MATCH (s:Source)-[:ASSERTS_LINK]->(l) RETURN DISTINCT s.id },
  assertions: [(s:Source)-[a:ASSERTS_LINK]->(l) | {
      source_id: s.id, source_title: s.title, quote: a.quote,
      start: a.start, end: a.end, section: a.section}],
  slots: [(l)-[:HAS_SLOT]->(slot:EvidenceSlot) | slot {.id, .kind, .question, .status, .reason}]
} AS link
"""
