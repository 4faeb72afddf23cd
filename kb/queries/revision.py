"""Cypher of source revisions: the applied state a revision starts from, the batches of a
revision script (`kb.annotation.revision`), and the revision reads of the API."""

from typing import LiteralString

from kb.schema import CLAIMS

# As kb.queries.seed_script's (which imports this module's batches).
ROWS: LiteralString = "UNWIND $rows AS row\n"


def _type_labels() -> LiteralString:
    labels: LiteralString = ""
    for kind in CLAIMS:
        labels += ":" + kind.label
    return labels


# The source as applied: its text and every appearance and link it asserts (a causal
# link with whether another source asserts it too), with the revisions already recorded
# and which of the file's claim ids are retired.
REVISION_PREVIOUS_QUERY: LiteralString = """
MATCH (s:Source {id: $source_id})
RETURN s.text AS text, s.sha256 AS sha256,
  [(s)-[a:ASSERTS]->(c:Claim) |
    {key: 'claim:' + c.id, quote: a.quote, start: a.start, end: a.end}] AS asserts,
  [(s)-[a:ASSERTS_LINK]->(l:CausalLink) |
    {key: 'causal:' + l.id, quote: a.quote, start: a.start, end: a.end}] AS link_asserts,
  COLLECT {
    MATCH (a:Claim)-[r:SUPPORTS|ATTACKS]->(b:Claim) WHERE r.source_id = $source_id
    RETURN {id: r.id, kind: toLower(type(r)), from_id: a.id, to_id: b.id, quote: r.quote,
            start: r.start, end: r.end}
  } AS links,
  COLLECT {
    MATCH (s)-[:ASSERTS_LINK]->(l:CausalLink)
    WITH DISTINCT l
    RETURN l {.id, .mechanism,
              cause: [(c:Claim)-[:CAUSE_OF]->(l) | c.id][0],
              effect: [(l)-[:LEADS_TO]->(e:Claim) | e.id][0],
              shared: EXISTS { MATCH (o:Source)-[:ASSERTS_LINK]->(l) WHERE o.id <> $source_id }}
  } AS causal_links,
  [(s)-[:HAS_REVISION]->(r:SourceRevision) |
    r {.number, .sha256, .annotation_sha256, .script}] AS revisions,
  [claim_id IN $claim_ids WHERE EXISTS { MATCH (:RetiredClaim {id: claim_id}) }] AS retired
"""

# -- batches of a revision script (each reads `UNWIND $rows AS row`) --------------------------

SCRIPT_REVISIONS_QUERY: LiteralString = (
    ROWS + "MATCH (s:Source {id: row.source_id})\n"
    "MERGE (r:SourceRevision {id: row.id})\n"
    "  ON CREATE SET r.at = CASE WHEN row.backfill THEN null ELSE toString(datetime()) END\n"
    "SET r.source_id = row.source_id, r.number = row.number, r.text = row.text,\n"
    "    r.sha256 = row.sha256, r.why = row.why, r.annotation_sha256 = row.annotation_sha256,\n"
    "    r.spans = row.spans, r.script = row.script\n"
    "MERGE (s)-[:HAS_REVISION]->(r)\n"
    "SET s.revision = CASE WHEN coalesce(s.revision, 0) > row.number THEN s.revision\n"
    "    ELSE row.number END"
)

# A claim retired earlier that the file asserts again comes back (the claims batch sets
# its type label again).
SCRIPT_REVIVED_CLAIMS_QUERY: LiteralString = (
    ROWS + "MATCH (c:RetiredClaim {id: row.id})\n"
    "REMOVE c:RetiredClaim\n"
    "SET c:Claim, c.retired_in = null, c.retired_reason = null, c.retired_source = null"
)

# The relationship goes, a RetiredAppearance node keeps what it said (superseded links'
# model), so the evidence of what the source once asserted stays readable.
SCRIPT_RETIRED_APPEARANCES_QUERY: LiteralString = (
    ROWS + "MATCH (:Source {id: row.source_id})-[r:ASSERTS|ASSERTS_LINK {start: row.start}]->"
    "(t {id: row.target})\n"
    "MERGE (n:RetiredAppearance {id: row.id})\n"
    "SET n += properties(r), n.kind = row.kind, n.source_id = row.source_id,\n"
    "    n.target_id = row.target, n.retired_in = row.revision, n.reason = row.reason\n"
    "DELETE r"
)

# Moves are matched all at once before any is made, so two appearances of one claim
# that swap places cannot match each other's new offsets.
SCRIPT_MOVED_APPEARANCES_QUERY: LiteralString = (
    ROWS + "MATCH (:Source {id: row.source_id})-[r:ASSERTS|ASSERTS_LINK {start: row.old_start}]->"
    "(t {id: row.target})\n"
    "WITH collect({r: r, row: row}) AS moves\n"
    "UNWIND moves AS move\n"
    "WITH move.r AS r, move.row AS row\n"
    "SET r.start = row.start, r.end = row.end, r.quote = row.quote"
)

# A claim no source asserts any more is retired, never deleted: the `Claim` and type
# labels go (lists and walks leave it out), its properties, slots and evidence stay.
SCRIPT_RETIRED_CLAIMS_QUERY: LiteralString = (
    ROWS + "MATCH (c:Claim {id: row.id})\n"
    "WHERE NOT EXISTS { MATCH (:Source)-[:ASSERTS]->(c) }\n"
    "REMOVE c:Claim" + _type_labels() + "\n"
    "SET c:RetiredClaim, c.retired_in = row.revision, c.retired_reason = row.reason,\n"
    "    c.retired_source = row.source_id"
)

SCRIPT_REVISION_EVENTS_QUERY: LiteralString = (
    ROWS + "MERGE (e:Event {id: row.id})\n"
    "  ON CREATE SET e.at = toString(datetime()), e.seq = 0, e.by = 'kb import'\n"
    "SET e.kind = row.kind, e.target_id = row.target, e.detail = row.detail"
)

# -- reads -------------------------------------------------------------------------------------

SOURCE_REVISIONS_QUERY: LiteralString = """
MATCH (s:Source {id: $source_id})
OPTIONAL MATCH (s)-[:HAS_REVISION]->(r:SourceRevision)
WITH s, r ORDER BY r.number
RETURN s {.id, .text, .sha256, .revision} AS source,
       collect(r {.number, .sha256, .at, .why, .annotation_sha256, .script}) AS revisions
"""

SOURCE_REVISION_QUERY: LiteralString = """
MATCH (s:Source {id: $source_id})
OPTIONAL MATCH (s)-[:HAS_REVISION]->(r:SourceRevision {number: $number})
RETURN s {.id, .text, .sha256, .revision} AS source,
       r {.number, .sha256, .at, .why, .annotation_sha256, .script, .text, .spans} AS revision
"""

# A source never revised answers its current spans as revision 1.
SOURCE_CURRENT_SPANS_QUERY: LiteralString = """
MATCH (s:Source {id: $source_id})
RETURN [(s)-[a:ASSERTS]->(c:Claim) |
         {kind: 'claim', id: c.id, quote: a.quote, start: a.start, end: a.end}]
     + [(s)-[a:ASSERTS_LINK]->(l:CausalLink) |
         {kind: 'causal', id: l.id, quote: a.quote, start: a.start, end: a.end}]
     + COLLECT {
         MATCH (:Claim)-[r:SUPPORTS|ATTACKS]->(:Claim) WHERE r.source_id = $source_id
         RETURN {kind: 'link', id: r.id, quote: r.quote, start: r.start, end: r.end}
       } AS spans
"""

RETIRED_CLAIM_QUERY: LiteralString = """
MATCH (c:RetiredClaim {id: $claim_id})
RETURN c {.id, .text, .type, .retired_in, .retired_reason, .retired_source,
          slots: [(c)-[:HAS_SLOT]->(slot) | slot {.id, .status, .question}]} AS claim
"""
