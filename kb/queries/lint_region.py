"""Cypher for the import trial's bounded lint: the claims and links an import touches.

Each statement starts from ids (an index seek on a constrained id) and expands a
step, so its cost follows the ids it is given, not the graph. The rows have the
shape of `LINT_CLAIMS_QUERY` and `LINT_LINKS_QUERY` (kb/queries/lint.py), so the
same rules judge them.
"""

from typing import LiteralString

# Claims a source asserts, and the ends of the links with the given ids (the
# claims an import may change without naming them: a revised text moves every
# span of the source; a link it rewrites or supersedes has ends in the graph).
REGION_SEEDS_QUERY: LiteralString = """
CALL () {
  OPTIONAL MATCH (:Source {id: $source_id})-[:ASSERTS]->(c:Claim)
  RETURN collect(DISTINCT c.id) AS asserted
}
CALL () {
  UNWIND $link_ids AS link_id
  OPTIONAL MATCH (a:Claim)-[:SUPPORTS {id: link_id}]->(b:Claim)
  OPTIONAL MATCH (x:Claim)-[:ATTACKS {id: link_id}]->(y:Claim)
  RETURN collect(a.id) + collect(b.id) + collect(x.id) + collect(y.id) AS rel_ends
}
CALL () {
  UNWIND $link_ids AS link_id
  OPTIONAL MATCH (a:Claim)-[:CAUSE_OF]->(:CausalLink {id: link_id})-[:LEADS_TO]->(b:Claim)
  RETURN collect(a.id) + collect(b.id) AS causal_ends
}
RETURN asserted + rel_ends + causal_ends AS ids
"""

# Every link with an end among the claims, once (shape of LINT_LINKS_QUERY).
REGION_LINKS_QUERY: LiteralString = """
UNWIND $ids AS claim_id
MATCH (:Claim {id: claim_id})-[r:SUPPORTS|ATTACKS]-(:Claim)
WITH DISTINCT r
MATCH (a:Claim)-[r]->(b:Claim)
RETURN r.id AS id, toLower(type(r)) AS kind, a.id AS from_id, b.id AS to_id,
       r.basis AS basis, r.marker AS marker, r.rationale AS rationale,
       [r.quote] AS quotes, coalesce(r.also_causal, false) AS also_causal,
       [x IN [r.source_id] WHERE x IS NOT NULL] AS sources, r.premise_as AS premise_as
UNION ALL
UNWIND $ids AS claim_id
MATCH (:Claim {id: claim_id})-[:CAUSE_OF|LEADS_TO]-(l:CausalLink)
WITH DISTINCT l
MATCH (a:Claim)-[:CAUSE_OF]->(l)-[:LEADS_TO]->(b:Claim)
RETURN l.id AS id, 'causal' AS kind, a.id AS from_id, b.id AS to_id,
       l.basis AS basis, l.marker AS marker, l.rationale AS rationale,
       [(:Source)-[x:ASSERTS_LINK]->(l) | x.quote] AS quotes, false AS also_causal,
       [(s:Source)-[:ASSERTS_LINK]->(l) | s.id] AS sources, l.premise_as AS premise_as
"""

# The claims with the given ids (shape of LINT_CLAIMS_QUERY).
REGION_CLAIMS_QUERY: LiteralString = """
UNWIND $ids AS claim_id
MATCH (c:Claim {id: claim_id})
RETURN c.id AS id, c.text AS text, c.type AS type, c.checkable AS checkable,
       c.checkable_reason AS checkable_reason,
       coalesce(c.unattributed, false) AS unattributed, c.restates AS restates,
       c.framing AS framing,
       EXISTS { (c)-[:ABOUT {role: 'speaker'}]->(:Actor) } AS has_speaker,
       [(s:Source)-[a:ASSERTS]->(c) | {quote: a.quote, mode: coalesce(a.stance, 'asserts'),
                                        source: s.id, start: a.start, end: a.end,
                                        rationale: a.rationale}]
         AS assertions
"""

# The texts of the given sources, for `span-matches-text`.
REGION_SOURCE_TEXTS_QUERY: LiteralString = """
UNWIND $ids AS source_id
MATCH (s:Source {id: source_id}) WHERE s.text IS NOT NULL
RETURN s.id AS id, s.text AS text
"""

# One step of the cycle search: the support and causal edges out of the claims.
DEPENDENCIES_OUT_QUERY: LiteralString = """
UNWIND $ids AS claim_id
MATCH (a:Claim {id: claim_id})
CALL (a) {
  MATCH (a)-[r:SUPPORTS]->(b:Claim)
  RETURN r.id AS id, 'supports' AS kind, b.id AS to_id
  UNION ALL
  MATCH (a)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(b:Claim)
  RETURN l.id AS id, 'causal' AS kind, b.id AS to_id
}
RETURN id, kind, a.id AS from_id, to_id
"""

# One step backwards: the support and causal edges into the claims.
DEPENDENCIES_IN_QUERY: LiteralString = """
UNWIND $ids AS claim_id
MATCH (b:Claim {id: claim_id})
CALL (b) {
  MATCH (a:Claim)-[r:SUPPORTS]->(b)
  RETURN r.id AS id, 'supports' AS kind, a.id AS from_id
  UNION ALL
  MATCH (a:Claim)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(b)
  RETURN l.id AS id, 'causal' AS kind, a.id AS from_id
}
RETURN id, kind, from_id, b.id AS to_id
"""
