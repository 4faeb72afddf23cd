"""Cypher for walking what depends on what (support and causal links)."""

from typing import LiteralString

# One breadth-first step downstream: the claims that rest on the frontier,
# through a support link (premise -> conclusion) or a causal link (cause -> effect).
# `$bases` (null: every link) keeps only links whose `basis` is listed
# (connective, structure, curator; see docs/curation.md).
DOWNSTREAM_STEP_QUERY: LiteralString = """
UNWIND $frontier AS from_id
MATCH (c:Claim {id: from_id})
CALL (c) {
  MATCH (c)-[r:SUPPORTS]->(next:Claim)
  WHERE $bases IS NULL OR r.basis IN $bases
  RETURN next.id AS to_id, 'supports' AS kind, r.id AS link_id, r.basis AS basis,
         r.marker AS marker, r.rationale AS rationale
  UNION
  MATCH (c)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(next:Claim)
  WHERE $bases IS NULL OR l.basis IN $bases
  RETURN next.id AS to_id, 'causal' AS kind, l.id AS link_id, l.basis AS basis,
         l.marker AS marker, l.rationale AS rationale
}
RETURN from_id, to_id, kind, link_id, basis, marker, rationale
ORDER BY from_id, kind DESC, link_id
"""

# The mirror step upstream: what the frontier rests on.
UPSTREAM_STEP_QUERY: LiteralString = """
UNWIND $frontier AS from_id
MATCH (c:Claim {id: from_id})
CALL (c) {
  MATCH (previous:Claim)-[r:SUPPORTS]->(c)
  WHERE $bases IS NULL OR r.basis IN $bases
  RETURN previous.id AS to_id, 'supports' AS kind, r.id AS link_id, r.basis AS basis,
         r.marker AS marker, r.rationale AS rationale
  UNION
  MATCH (previous:Claim)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(c)
  WHERE $bases IS NULL OR l.basis IN $bases
  RETURN previous.id AS to_id, 'causal' AS kind, l.id AS link_id, l.basis AS basis,
         l.marker AS marker, l.rationale AS rationale
}
RETURN from_id, to_id, kind, link_id, basis, marker, rationale
ORDER BY from_id, kind DESC, link_id
"""

# Every dependency edge, for the standing computation (grounded labelling).
ALL_DEPENDENCY_EDGES_QUERY: LiteralString = """
MATCH (premise:Claim)-[r:SUPPORTS]->(conclusion:Claim)
RETURN premise.id AS from_id, conclusion.id AS to_id, 'supports' AS kind, r.id AS link_id,
       r.basis AS basis, r.marker AS marker, r.rationale AS rationale
UNION ALL
MATCH (cause:Claim)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(effect:Claim)
RETURN cause.id AS from_id, effect.id AS to_id, 'causal' AS kind, l.id AS link_id,
       l.basis AS basis, l.marker AS marker, l.rationale AS rationale
"""

CLAIM_EXISTS_QUERY: LiteralString = """
OPTIONAL MATCH (c:Claim {id: $claim_id})
RETURN c IS NOT NULL AS exists
"""

# Causal chains asserted from one claim to another: only causal links (of the
# bases in `$bases`, null: any), no relationship used twice in a chain, the
# shortest chains first.
CAUSAL_CHAINS_QUERY: LiteralString = """
MATCH (start:Claim {id: $from_id}), (target:Claim {id: $to_id})
MATCH chain = (start)
      ((cause:Claim)-[:CAUSE_OF]->(link:CausalLink)-[:LEADS_TO]->(effect:Claim)
       WHERE $bases IS NULL OR link.basis IN $bases){1,12}
      (target)
WITH chain, link
ORDER BY length(chain), [l IN link | l.id]
LIMIT $max_chains
RETURN [n IN nodes(chain) WHERE n:Claim | n {.id, .text}] AS claims,
       [l IN link | l {.id, .mechanism, .basis, .marker, .rationale}] AS links
"""

CLAIM_SUMMARIES_QUERY: LiteralString = """
UNWIND $claim_ids AS claim_id
MATCH (c:Claim {id: claim_id})
RETURN c.id AS id, c.text AS text, c.type AS type,
       coalesce(c.status, 'unverified') AS status, coalesce(c.standing, 'intact') AS standing
"""
