"""Cypher for the exports that reshape the graph: AIF's argument pages and ClaimReview's claims.

Same keyset paging and `$source_id` scope as `kb.queries.export`, whose scope
predicates these statements reuse, so every format agrees on what one source
asserts.
"""

from __future__ import annotations

from typing import LiteralString

from kb.queries.export import in_scope, rel_condition
from kb.schema import ATTACKS, SUPPORTS, RelKind

# --- what AIF needs beyond the generic pages ---------------------------------------------

# Claims with the assertions (locutions) that anchor them, each with its stance and a
# report's speaker, and, for reported speech claims, who is reported to have spoken.
AIF_CLAIM_PAGE_QUERY: LiteralString = (
    "MATCH (x:Claim) WHERE x.id > $after AND " + in_scope("Claim", "x") + "\n"
    "WITH x ORDER BY x.id LIMIT $limit\n"
    "RETURN x.id AS id, x.text AS text, x.type AS type,\n"
    "  [(s:Source)-[a:ASSERTS]->(x) WHERE " + in_scope("Source", "s") + "\n"
    "   | {source_id: s.id, quote: a.quote, start: a.start, end: a.end,\n"
    "      stance: coalesce(a.stance, 'asserts'), speaker_stance: a.speaker_stance,\n"
    "      speaker: head(COLLECT { MATCH (p:Actor {id: a.speaker}) RETURN p {.id, .name} })}]"
    " AS assertions,\n"
    "  [(x)-[:ABOUT {role: 'speaker'}]->(p:Actor) | {id: p.id, name: p.name, kind: p.kind}]"
    " AS speakers"
)


def _aif_argument_page(kind: RelKind) -> LiteralString:
    return (
        "MATCH (a:Claim)-[r:" + kind.type + "]->(b:Claim)\n"
        "WHERE r.id > $after AND " + rel_condition(kind) + "\n"
        "WITH a, r, b ORDER BY r.id LIMIT $limit\n"
        "RETURN r.id AS id, a.id AS from_id, b.id AS to_id, r.source_id AS source_id,\n"
        "  r.start AS start, r.end AS end,\n"
        "  [(:Source {id: r.source_id})-[x:ASSERTS]->(a) | x.start] AS from_starts,\n"
        "  [(:Source {id: r.source_id})-[x:ASSERTS]->(b) | x.start] AS to_starts"
    )


# Support and attack links with the start offsets of their claims' assertions by
# the source that argues the link (to anchor the inference between locutions).
AIF_SUPPORTS_PAGE_QUERY: LiteralString = _aif_argument_page(SUPPORTS)
AIF_ATTACKS_PAGE_QUERY: LiteralString = _aif_argument_page(ATTACKS)
AIF_ARGUMENT_PAGE_QUERIES: dict[str, LiteralString] = {
    SUPPORTS.type: AIF_SUPPORTS_PAGE_QUERY,
    ATTACKS.type: AIF_ATTACKS_PAGE_QUERY,
}

# Causal links with cause, effect and every assertion (by a source in scope),
# each with the cause's and effect's assertion offsets in that source.
AIF_CAUSAL_LINK_PAGE_QUERY: LiteralString = (
    "MATCH (x:CausalLink) WHERE x.id > $after AND " + in_scope("CausalLink", "x") + "\n"
    "WITH x ORDER BY x.id LIMIT $limit\n"
    "RETURN x.id AS id,\n"
    "  [(c:Claim)-[:CAUSE_OF]->(x) WHERE " + in_scope("Claim", "c") + " | c.id] AS causes,\n"
    "  [(x)-[:LEADS_TO]->(e:Claim) WHERE " + in_scope("Claim", "e") + " | e.id] AS effects,\n"
    "  [(s:Source)-[a:ASSERTS_LINK]->(x) WHERE " + in_scope("Source", "s") + "\n"
    "   | {source_id: s.id, start: a.start, end: a.end,\n"
    "      from_starts: [(s)-[q:ASSERTS]->(:Claim)-[:CAUSE_OF]->(x) | q.start],\n"
    "      to_starts: [(s)-[q:ASSERTS]->(:Claim)<-[:LEADS_TO]-(x) | q.start]}] AS assertions"
)

# --- what ClaimReview needs --------------------------------------------------------------

# The claims among `$claim_ids` in scope, with where they appear (source metadata),
# who is reported to have said them, and their active evidence with its source.
CLAIMREVIEW_CLAIMS_QUERY: LiteralString = (
    "UNWIND $claim_ids AS claim_id\n"
    "MATCH (x:Claim {id: claim_id}) WHERE " + in_scope("Claim", "x") + "\n"
    "RETURN x.id AS id, x.text AS text, x.type AS type,\n"
    "  [(s:Source)-[a:ASSERTS]->(x) WHERE " + in_scope("Source", "s") + "\n"
    "   | {source_id: s.id, title: s.title, url: s.url, author: s.author,\n"
    "      publisher: s.publisher, published_on: s.published_on, start: a.start,\n"
    "      stance: coalesce(a.stance, 'asserts'), speaker_stance: a.speaker_stance,\n"
    "      speaker: head(COLLECT {\n"
    "        MATCH (p:Actor {id: a.speaker}) RETURN p {.id, .name, .kind} })}]"
    " AS appearances,\n"
    "  [(x)-[:ABOUT {role: 'speaker'}]->(p:Actor) | {id: p.id, name: p.name, kind: p.kind}]"
    " AS speakers,\n"
    "  [(l:EvidenceLink)-[:BEARS_ON]->(x) WHERE l.retracted_at IS NULL\n"
    "   | {link_id: l.id, stance: l.stance, confidence: l.confidence, added_by: l.added_by,\n"
    "      evidence: head([(l)-[:CITES]->(e:Evidence)\n"
    "        | e {.id, .url, .title, .publisher, .published_on, .excerpt}])}] AS evidence,\n"
    # every link ever attached, retracted ones too: when the rating took its value
    "  [(l:EvidenceLink)-[:BEARS_ON]->(x)\n"
    "   | l {.id, .stance, .confidence, .added_at, .retracted_at}] AS history\n"
    "ORDER BY id"
)

# Which of `$target_ids` (claims or causal links) are in scope, with how many
# assertions and active evidence links each has (for ClaimReview's loss report).
EXPORT_TARGETS_QUERY: LiteralString = (
    "UNWIND $target_ids AS target_id\n"
    "CALL (target_id) {\n"
    "  MATCH (x:Claim {id: target_id}) WHERE " + in_scope("Claim", "x") + "\n"
    "  RETURN x, 'Claim' AS label\n"
    "  UNION\n"
    "  MATCH (x:CausalLink {id: target_id}) WHERE " + in_scope("CausalLink", "x") + "\n"
    "  RETURN x, 'CausalLink' AS label\n"
    "}\n"
    "RETURN x.id AS id, label,\n"
    "  COUNT { (s:Source)-[:ASSERTS]->(x) WHERE " + in_scope("Source", "s") + " } AS assertions,\n"
    "  COUNT { (s:Source)-[a:ASSERTS]->(x) WHERE " + in_scope("Source", "s") + "\n"
    "    AND NOT coalesce(a.stance, 'asserts') IN ['asserts', 'presupposes'] }"
    " AS uncommitted,\n"
    "  COUNT { (l:EvidenceLink)-[:BEARS_ON]->(x) WHERE l.retracted_at IS NULL }"
    " AS active_evidence\n"
    "ORDER BY id"
)
