"""Cypher for claims: listing with filters, full-text search, and detail."""

from typing import LiteralString

from kb.queries.counting import capped_count
from kb.queries.slots import SLOT_PROJECTION

# Shared WHERE clause of the list and search queries. Every filter is a
# parameter that is null when unused, so one plan serves every combination.
# `$after` (the keyset cursor, '' when unused) keeps the claims whose id sorts
# after it; in an id-ordered page it is a range seek on the claim_id index.
# Stances are compared through `coalesce`, so a count is read from `c` outward and
# never planned onto the stance index (a scan of every stance-bearing assertion,
# which the planner picks on a small graph; tests/integration/test_filter_plans.py).
_CLAIM_FILTERS: LiteralString = """
WHERE c.id > $after
  AND ($type IS NULL OR c.type = $type)
  AND ($checkable IS NULL OR c.checkable = $checkable)
  AND ($actor IS NULL OR EXISTS { (c)-[:ABOUT]->(:Actor {id: $actor}) })
  AND ($role IS NULL OR EXISTS { (c)-[:ABOUT {role: $role}]->(:Actor) })
  AND ($topic IS NULL OR EXISTS { (c)-[:CONCERNS]->(:Topic {id: $topic}) })
  AND ($source IS NULL OR EXISTS { (:Source {id: $source})-[:ASSERTS]->(c) })
  AND ($slot IS NULL
       OR ($slot IN ['open', 'filled', 'closed']
           AND EXISTS { (c)-[:HAS_SLOT]->(:EvidenceSlot {status: $slot}) })
       OR ($slot = 'none' AND NOT EXISTS { (c)-[:HAS_SLOT]->(:EvidenceSlot) }))
  AND ($status IS NULL OR c.status = $status)
  AND ($standing IS NULL OR c.standing = $standing)
  AND ($asserted_by_min IS NULL
       OR COUNT { MATCH (s:Source)-[a:ASSERTS]->(c)
                  WHERE coalesce(a.stance, 'asserts') IN ['asserts', 'presupposes']
                  RETURN DISTINCT s } >= $asserted_by_min)
  AND ($rejected_by_min IS NULL
       OR COUNT { MATCH (s:Source)-[a:ASSERTS]->(c)
                  WHERE coalesce(a.stance, 'asserts') = 'rejects'
                  RETURN DISTINCT s } >= $rejected_by_min)
  AND ($contested IS NULL
       OR $contested = (coalesce(c.consensus, 'single') = 'contested'))
  AND ($reported_by_min IS NULL
       OR COUNT { MATCH (:Source)-[a:ASSERTS]->(c)
                  WHERE coalesce(a.stance, 'asserts') = 'reports' AND a.speaker IS NOT NULL
                  RETURN DISTINCT a.speaker } >= $reported_by_min)
  AND ($consensus IS NULL OR coalesce(c.consensus, 'single') = $consensus)
"""

_CLAIM_ITEM: LiteralString = """
RETURN c {
  .id, .text, .type, .checkable, score: score,
  status: coalesce(c.status, 'unverified'), standing: coalesce(c.standing, 'intact'),
  sources: COLLECT { MATCH (s:Source)-[:ASSERTS]->(c) RETURN DISTINCT s.id }
} AS item
"""

# Every claim, from Neo4j's count store (no filter: nothing to read).
CLAIMS_TOTAL_QUERY: LiteralString = """
MATCH (c:Claim)
RETURN count(c) AS total
"""

# The claims after the cursor when nothing else filters: a range of the claim_id
# index, counted up to `$count_cap` without evaluating the filters row by row.
CLAIMS_AFTER_COUNT_QUERY: LiteralString = """
MATCH (c:Claim)
WHERE c.id > $after
""" + capped_count("c")

# `c.id > $after` (in the filters) lets the planner seek the claim_id index in id
# order, so ORDER BY needs no sort and SKIP/LIMIT stop the read after the page,
# however deep the cursor.
CLAIMS_PAGE_QUERY: LiteralString = (
    """
MATCH (c:Claim)
"""
    + _CLAIM_FILTERS
    + """
WITH c, null AS score
ORDER BY c.id
SKIP $skip LIMIT $limit
"""
    + _CLAIM_ITEM
)


# Ranked full-text search over claim paraphrases and the quotes asserting them;
# a claim found both ways keeps its best score. `$q` is already reduced to
# plain words by the service. Each index answers only its best `$hits` hits
# (Lucene stops there), and the filters apply to those: a search costs its
# window, not every match.
#
# One search in one statement: each full-text index is asked once (a common word
# costs Lucene a walk over every document holding it, so asking again for the count
# would double that), its window ranked, filtered, counted and cut to the page.
# `estimate` when an index had more hits than the window. `where` is the filters'
# clause (kb.queries.claim_anchors.conditions: only the set filters' conditions).
def search_claims_query(where: LiteralString) -> LiteralString:
    return (
        """
CALL () {
  CALL db.index.fulltext.queryNodes('claim_text', $q, {limit: $hits}) YIELD node, score
  RETURN node AS c, score, 1 AS from_text
  UNION ALL
  CALL db.index.fulltext.queryRelationships('assertion_quote', $q, {limit: $hits})
    YIELD relationship, score
  RETURN endNode(relationship) AS c, score, 0 AS from_text
}
WITH sum(from_text) AS text_hits, count(*) - sum(from_text) AS quote_hits,
     collect({c: c, score: score}) AS hits
UNWIND hits AS hit
WITH text_hits, quote_hits, hit.c AS c, max(hit.score) AS score
"""
        + where
        + """
WITH text_hits, quote_hits, c, score
ORDER BY score DESC, c.id
WITH text_hits, quote_hits, collect({c: c, score: score}) AS ranked
OPTIONAL CALL (ranked) {
  UNWIND ranked[$skip..($skip + $limit)] AS row
  WITH row.c AS c, row.score AS score
"""
        + _CLAIM_ITEM
        + """
}
RETURN size(ranked) AS total, text_hits >= $hits OR quote_hits >= $hits AS estimate,
       collect(item) AS items
"""
    )


_LINK_FIELDS: LiteralString = """
link_id: r.id, claim_id: o.id, text: o.text, source_id: r.source_id, quote: r.quote,
start: r.start, end: r.end, basis: r.basis, marker: r.marker, rationale: r.rationale
"""

CLAIM_DETAIL_QUERY: LiteralString = (
    """
MATCH (c:Claim {id: $claim_id})
RETURN c {
  .id, .text, .type, .checkable, .checkable_reason, .framing, .held_by, .unattributed,
  .restates, .restates_link,
  status: coalesce(c.status, 'unverified'), standing: coalesce(c.standing, 'intact'),
  consensus: coalesce(c.consensus, 'single'),
  assertions: [(s:Source)-[a:ASSERTS]->(c) | {
      source_id: s.id, source_title: s.title, quote: a.quote,
      start: a.start, end: a.end, section: a.section,
      stance: coalesce(a.stance, 'asserts'), mode: coalesce(a.stance, 'asserts'),
      speaker: a.speaker, speaker_stance: a.speaker_stance, reporting: a.reporting}],
  actors: [(c)-[r:ABOUT]->(a:Actor) | {actor_id: a.id, name: a.name, kind: a.kind, role: r.role}],
  topics: [(c)-[:CONCERNS]->(t:Topic) | {topic_id: t.id, name: t.name}],
  supports: [(c)-[r:SUPPORTS]->(o:Claim) | {"""
    + _LINK_FIELDS
    + """}],
  supported_by: [(o:Claim)-[r:SUPPORTS]->(c) | {"""
    + _LINK_FIELDS
    + """}],
  attacks: [(c)-[r:ATTACKS]->(o:Claim) | {"""
    + _LINK_FIELDS
    + """}],
  attacked_by: [(o:Claim)-[r:ATTACKS]->(c) | {"""
    + _LINK_FIELDS
    + """}],
  causes: [(c)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(o:Claim) | {
      link_id: l.id, mechanism: l.mechanism, claim_id: o.id, text: o.text,
      basis: l.basis, marker: l.marker, rationale: l.rationale}],
  caused_by: [(o:Claim)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(c) | {
      link_id: l.id, mechanism: l.mechanism, claim_id: o.id, text: o.text,
      basis: l.basis, marker: l.marker, rationale: l.rationale}],
  slots: [(c)-[:HAS_SLOT]->(slot:EvidenceSlot) | """
    + SLOT_PROJECTION
    + """]
} AS claim
"""
)


# Every appearance of a claim across sources: the claim's trail, its first known
# appearance first (sources by publication date, unknown dates last, then offset).
CLAIM_APPEARANCES_COUNT_QUERY: LiteralString = """
MATCH (:Source)-[a:ASSERTS]->(:Claim {id: $claim_id})
RETURN count(a) AS total
"""
CLAIM_APPEARANCES_PAGE_QUERY: LiteralString = """
MATCH (s:Source)-[a:ASSERTS]->(:Claim {id: $claim_id})
WITH s, a
ORDER BY s.published_on IS NULL, s.published_on, s.id, a.start, a.end
SKIP $skip LIMIT $limit
RETURN {
  source_id: s.id, source_title: s.title, published_on: s.published_on,
  quote: a.quote, start: a.start, end: a.end, section: a.section,
  stance: coalesce(a.stance, 'asserts'), speaker: a.speaker,
  speaker_stance: a.speaker_stance, reporting: a.reporting
} AS item
"""
