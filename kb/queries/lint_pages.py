"""Cypher for `kb lint` a page at a time: claims, and the links out of claims, in id order.

Each page is a short read transaction (keyset on the claim id, as the exports
page), so a lint of a million claims never holds the graph in one transaction.
The rows have the shape of kb/queries/lint.py's.
"""

from typing import LiteralString

LINT_CLAIMS_PAGE_QUERY: LiteralString = """
MATCH (c:Claim)
WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $limit
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

# The links out of a page of claims (by id): every link of a (from, to) pair lands in
# the page of its `from` claim, so the pair rules see all of them.
LINT_LINKS_OUT_QUERY: LiteralString = """
UNWIND $ids AS claim_id
MATCH (a:Claim {id: claim_id})
CALL (a) {
  MATCH (a)-[r:SUPPORTS|ATTACKS]->(b:Claim)
  RETURN r.id AS id, toLower(type(r)) AS kind, b.id AS to_id,
         r.basis AS basis, r.marker AS marker, r.rationale AS rationale,
         [r.quote] AS quotes, coalesce(r.also_causal, false) AS also_causal,
         [x IN [r.source_id] WHERE x IS NOT NULL] AS sources, r.premise_as AS premise_as
  UNION ALL
  MATCH (a)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(b:Claim)
  RETURN l.id AS id, 'causal' AS kind, b.id AS to_id,
         l.basis AS basis, l.marker AS marker, l.rationale AS rationale,
         [(:Source)-[x:ASSERTS_LINK]->(l) | x.quote] AS quotes, false AS also_causal,
         [(s:Source)-[:ASSERTS_LINK]->(l) | s.id] AS sources, l.premise_as AS premise_as
}
RETURN id, kind, a.id AS from_id, to_id, basis, marker, rationale, quotes, also_causal,
       sources, premise_as
"""

LINT_CLAIM_IDS_PAGE_QUERY: LiteralString = """
MATCH (c:Claim)
WHERE c.id > $after
RETURN c.id AS id ORDER BY id LIMIT $limit
"""
