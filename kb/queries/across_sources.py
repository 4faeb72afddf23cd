"""Cypher for questions that only exist with several sources: where two sources
meet (claims both assert) and where they clash (one attacks what the other asserts)."""

from typing import LiteralString

# Id and title of each of `$source_ids` that exists.
SOURCES_FOUND_QUERY: LiteralString = """
UNWIND $source_ids AS source_id
MATCH (s:Source {id: source_id})
RETURN s.id AS id, s.title AS title
"""

_ASSERTION: LiteralString = """
r {.quote, .start, .end, .section, .speaker, .speaker_stance, .reporting,
   stance: coalesce(r.stance, 'asserts'), mode: coalesce(r.stance, 'asserts')}
"""

# Claims both sources state in any stance, each side's appearances (quote, offsets,
# section, stance); the service sorts them into agree / disagree / reported.
SHARED_CLAIMS_QUERY: LiteralString = (
    """
MATCH (:Source {id: $a})-[:ASSERTS]->(c:Claim)
WHERE EXISTS { (:Source {id: $b})-[:ASSERTS]->(c) }
WITH DISTINCT c
ORDER BY c.id
RETURN c {
  claim_id: c.id, .text, .type,
  a: [(:Source {id: $a})-[r:ASSERTS]->(c) | """
    + _ASSERTION
    + """],
  b: [(:Source {id: $b})-[r:ASSERTS]->(c) | """
    + _ASSERTION
    + """]
} AS claim
"""
)

# Attack links one source argues against a claim the other is committed to (asserts or
# presupposes), both ways: attacking what the other rejects too is no clash.
ATTACKS_ACROSS_QUERY: LiteralString = (
    """
MATCH (attacker:Claim)-[link:ATTACKS]->(target:Claim)
WHERE link.source_id IN [$a, $b]
WITH attacker, link, target, CASE link.source_id WHEN $a THEN $b ELSE $a END AS other_id
MATCH (other:Source {id: other_id})-[r:ASSERTS]->(target)
WHERE r.stance IN ['asserts', 'presupposes']
WITH attacker, link, target, other_id, collect("""
    + _ASSERTION
    + """) AS target_assertions
ORDER BY link.id
RETURN {
  link_id: link.id, source_id: link.source_id, target_source_id: other_id,
  attacker_id: attacker.id, attacker_text: attacker.text,
  target_id: target.id, target_text: target.text, target_assertions: target_assertions,
  quote: link.quote, start: link.start, end: link.end, basis: link.basis,
  marker: link.marker, rationale: link.rationale
} AS attack
"""
)

# Every source but `$a`, by id: what `GET /sources/{a}/agreement` counts against.
OTHER_SOURCES_COUNT_QUERY: LiteralString = """
MATCH (s:Source)
WHERE s.id <> $a
RETURN count(s) AS total
"""

OTHER_SOURCES_PAGE_QUERY: LiteralString = """
MATCH (s:Source)
WHERE s.id <> $a
WITH s ORDER BY s.id SKIP $skip LIMIT $limit
RETURN s.id AS id, s.title AS title
"""
