"""Cypher for `kb lint`: the argument layer and the claims, as plain rows."""

from typing import LiteralString

# Every argument link: support and attack relationships and causal links, with
# the quotes that assert it (a relationship has one, a causal link one per
# assertion).
LINT_LINKS_QUERY: LiteralString = """
MATCH (a:Claim)-[r:SUPPORTS|ATTACKS]->(b:Claim)
RETURN r.id AS id, toLower(type(r)) AS kind, a.id AS from_id, b.id AS to_id,
       r.basis AS basis, r.marker AS marker, r.rationale AS rationale,
       [r.quote] AS quotes, coalesce(r.also_causal, false) AS also_causal,
       [x IN [r.source_id] WHERE x IS NOT NULL] AS sources, r.premise_as AS premise_as
UNION ALL
MATCH (a:Claim)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(b:Claim)
RETURN l.id AS id, 'causal' AS kind, a.id AS from_id, b.id AS to_id,
       l.basis AS basis, l.marker AS marker, l.rationale AS rationale,
       [(:Source)-[x:ASSERTS_LINK]->(l) | x.quote] AS quotes, false AS also_causal,
       [(s:Source)-[:ASSERTS_LINK]->(l) | s.id] AS sources, l.premise_as AS premise_as
"""

# Every claim with what the rules need: type, checkability and its reason,
# curation marks, whether a speaker is named, and each assertion's quote and mode.
LINT_CLAIMS_QUERY: LiteralString = """
MATCH (c:Claim)
RETURN c.id AS id, c.text AS text, c.type AS type, c.checkable AS checkable,
       c.checkable_reason AS checkable_reason,
       coalesce(c.unattributed, false) AS unattributed, c.restates AS restates,
       c.framing AS framing,
       EXISTS { (c)-[:ABOUT {role: 'speaker'}]->(:Actor) } AS has_speaker,
       [(s:Source)-[a:ASSERTS]->(c) | {quote: a.quote, mode: coalesce(a.stance, 'asserts'),
                                        source: s.id, start: a.start, end: a.end,
                                        rationale: a.rationale}]
         AS assertions
ORDER BY id
"""

# The text of every source that has one, for `span-matches-text` (offsets are
# code points, compared in Python, where the compiler computed them).
LINT_SOURCE_TEXTS_QUERY: LiteralString = """
MATCH (s:Source) WHERE s.text IS NOT NULL
RETURN s.id AS id, s.text AS text
"""
