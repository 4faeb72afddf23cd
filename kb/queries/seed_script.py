"""Cypher of the seed scripts `kb import` writes (`kb.annotation.script`), one per batch.

Each statement reads its rows as `UNWIND $rows AS row`, so the EXPLAIN test compiles it
as it stands; the script writer puts the rows' data literals in place of `$rows`
(`ROWS`), which keeps a script reviewable and checksummed like a hand-written seed.
Every write MERGEs on a constrained id (relationships on their id or start offset);
evidence slots are opened ON CREATE only, so a re-import never reopens one an analyst
filled.
"""

from typing import LiteralString, NamedTuple

from kb.queries.revision import (
    SCRIPT_MOVED_APPEARANCES_QUERY,
    SCRIPT_RETIRED_APPEARANCES_QUERY,
    SCRIPT_RETIRED_CLAIMS_QUERY,
    SCRIPT_REVISION_EVENTS_QUERY,
    SCRIPT_REVISIONS_QUERY,
    SCRIPT_REVIVED_CLAIMS_QUERY,
)
from kb.schema import ATTACKS, CLAIMS, SUPPORTS, RelKind

ROWS: LiteralString = "UNWIND $rows AS row\n"
# Batches that write from the source: each row names it (`source_id`).
_FROM_SOURCE: LiteralString = "MATCH (s:Source {id: row.source_id})\n"


def _aliases(label: LiteralString) -> LiteralString:
    return (
        ROWS + "MATCH (n:" + label + " {id: row.id})\n"
        "SET n.aliases = coalesce(n.aliases, [])\n"
        "    + [x IN row.aliases WHERE NOT x IN coalesce(n.aliases, [])]"
    )


def _argument(kind: RelKind) -> LiteralString:
    return (
        ROWS + "MATCH (a:Claim {id: row.from_claim}), (b:Claim {id: row.to_claim})\n"
        "MERGE (a)-[r:" + kind.type + " {id: row.id}]->(b)\n"
        "SET r.source_id = row.source_id, r.quote = row.quote, r.start = row.start,"
        " r.end = row.end,\n"
        "    r.basis = row.basis, r.marker = row.marker, r.rationale = row.rationale,\n"
        "    r.premise_as = row.premise_as"
    )


def _asserts_link(label: LiteralString) -> LiteralString:
    return (
        ROWS + _FROM_SOURCE + "MATCH (l:" + label + " {id: row.link})\n"
        "MERGE (s)-[r:ASSERTS_LINK {start: row.start}]->(l)\n"
        "SET r.quote = row.quote, r.end = row.end, r.section = row.section"
    )


def _slots(label: LiteralString, kind: LiteralString) -> LiteralString:
    return (
        ROWS + "MATCH (o:" + label + " {id: row.owner})\n"
        "MERGE (slot:EvidenceSlot {id: row.id})\n"
        "  ON CREATE SET slot.status = 'open'\n"
        "SET slot.kind = '" + kind + "', slot.question = row.question\n"
        "MERGE (o)-[:HAS_SLOT]->(slot)"
    )


def _type_labels() -> LiteralString:
    labels: LiteralString = ""
    for kind in CLAIMS:
        labels += ":" + kind.label
    return labels


# Every property of the row is the source's own (a null one stays unset).
SCRIPT_SOURCE_QUERY: LiteralString = ROWS + "MERGE (s:Source {id: row.id})\nSET s += row"
SCRIPT_SOURCE_SLOTS_QUERY: LiteralString = (
    ROWS + _FROM_SOURCE + "MERGE (slot:EvidenceSlot {id: row.id})\n"
    "  ON CREATE SET slot.status = 'open'\n"
    "SET slot.kind = 'source_metadata', slot.field = row.field,\n"
    "    slot.question = row.question\n"
    "MERGE (s)-[:HAS_SLOT]->(slot)"
)
SCRIPT_ACTORS_QUERY: LiteralString = (
    ROWS + "MERGE (a:Actor {id: row.id})\nSET a.name = row.name, a.kind = row.kind,\n"
    "    a.aliases = coalesce(a.aliases, []) + "
    "[x IN row.aliases WHERE NOT x IN coalesce(a.aliases, [])]"
)
SCRIPT_ACTOR_ALIASES_QUERY: LiteralString = _aliases("Actor")
SCRIPT_INCLUDES_QUERY: LiteralString = (
    ROWS + "MATCH (a:Actor {id: row.actor}), (m:Actor {id: row.member})\nMERGE (a)-[:INCLUDES]->(m)"
)
SCRIPT_TOPICS_QUERY: LiteralString = (
    ROWS + "MERGE (t:Topic {id: row.id})\nSET t.name = row.name,\n"
    "    t.aliases = coalesce(t.aliases, []) + "
    "[x IN row.aliases WHERE NOT x IN coalesce(t.aliases, [])]"
)
SCRIPT_TOPIC_ALIASES_QUERY: LiteralString = _aliases("Topic")
# The type's label as well (as seed V006 gives it), after removing any other type's.
SCRIPT_CLAIMS_QUERY: LiteralString = (
    ROWS + "MERGE (c:Claim {id: row.id})\n"
    "SET c.text = row.text, c.type = row.type, c.checkable = row.checkable,\n"
    "    c.checkable_reason = row.checkable_reason, c.unattributed = row.unattributed,\n"
    "    c.framing = row.framing, c.held_by = row.held_by,\n"
    "    c.restates = row.restates, c.restates_link = row.restates_link\n"
    "REMOVE c" + _type_labels() + "\n"
    "SET c:$(row.label)"
)
SCRIPT_ASSERTS_QUERY: LiteralString = (
    ROWS + _FROM_SOURCE + "MATCH (c:Claim {id: row.claim})\n"
    "MERGE (s)-[r:ASSERTS {start: row.start}]->(c)\n"
    "SET r.quote = row.quote, r.end = row.end, r.section = row.section,\n"
    "    r.stance = row.stance, r.speaker = row.speaker,\n"
    "    r.speaker_stance = row.speaker_stance, r.reporting = row.reporting"
)
SCRIPT_ABOUT_QUERY: LiteralString = (
    ROWS + "MATCH (c:Claim {id: row.claim}), (a:Actor {id: row.actor})\n"
    "MERGE (c)-[r:ABOUT {role: row.role}]->(a)\nSET r.via = row.via"
)
SCRIPT_CONCERNS_QUERY: LiteralString = (
    ROWS + "MATCH (c:Claim {id: row.claim}), (t:Topic {id: row.topic})\nMERGE (c)-[:CONCERNS]->(t)"
)
# The relationship goes, a SupersededLink node stays.
SCRIPT_SUPERSEDED_LINKS_QUERY: LiteralString = (
    ROWS + "OPTIONAL MATCH ()-[old {id: row.id}]->() WHERE type(old) IN ['SUPPORTS', 'ATTACKS']\n"
    "DELETE old\nMERGE (n:SupersededLink {id: row.id})\n"
    "SET n.kind = row.kind, n.from_id = row.from_id, n.to_id = row.to_id,\n"
    "    n.source_id = row.source_id, n.quote = row.quote,\n"
    "    n.start = row.start, n.end = row.end,\n"
    "    n.reason = row.reason, n.replaced_by = row.replaced_by"
)
SCRIPT_SUPPORTS_QUERY: LiteralString = _argument(SUPPORTS)
SCRIPT_ATTACKS_QUERY: LiteralString = _argument(ATTACKS)
SCRIPT_CAUSAL_LINKS_QUERY: LiteralString = (
    ROWS + "MATCH (cause:Claim {id: row.cause}), (effect:Claim {id: row.effect})\n"
    "MERGE (l:CausalLink {id: row.id})\n"
    "SET l.mechanism = row.mechanism, l.basis = row.basis, l.marker = row.marker,\n"
    "    l.rationale = row.rationale, l.premise_as = row.premise_as\n"
    "MERGE (cause)-[:CAUSE_OF]->(l)\nMERGE (l)-[:LEADS_TO]->(effect)"
)
SCRIPT_LINK_ASSERTS_QUERY: LiteralString = _asserts_link("CausalLink")
# The node keeps its id, slots and evidence under a new label.
SCRIPT_SUPERSEDED_CAUSAL_QUERY: LiteralString = (
    ROWS + "MATCH (cause:Claim {id: row.cause}), (effect:Claim {id: row.effect})\n"
    "OPTIONAL MATCH (live:CausalLink {id: row.id})\n"
    "REMOVE live:CausalLink SET live:SupersededCausalLink\n"
    "WITH row, cause, effect\n"
    "MERGE (l:SupersededCausalLink {id: row.id})\n"
    "SET l.mechanism = row.mechanism, l.superseded_by = row.superseded_by,\n"
    "    l.superseded_reason = row.superseded_reason, l.superseded_in = row.superseded_in\n"
    "MERGE (cause)-[:CAUSE_OF]->(l)\nMERGE (l)-[:LEADS_TO]->(effect)"
)
SCRIPT_SUPERSEDED_ASSERTS_QUERY: LiteralString = _asserts_link("SupersededCausalLink")
SCRIPT_CLAIM_SLOTS_QUERY: LiteralString = _slots("Claim", "claim")
SCRIPT_CAUSAL_SLOTS_QUERY: LiteralString = _slots("CausalLink", "causal_link")
SCRIPT_ACTOR_SLOTS_QUERY: LiteralString = _slots("Actor", "external_id")
SCRIPT_SUPERSEDED_SLOTS_QUERY: LiteralString = (
    ROWS + "MATCH (o:SupersededCausalLink {id: row.owner})\n"
    "MERGE (slot:EvidenceSlot {id: row.id})\n"
    "  ON CREATE SET slot.status = 'closed', slot.closed_by = o.superseded_in,\n"
    "    slot.reason = 'The causal link was superseded: ' + o.superseded_reason\n"
    "SET slot.kind = 'causal_link', slot.question = row.question\n"
    "MERGE (o)-[:HAS_SLOT]->(slot)"
)


class Batch(NamedTuple):
    """One statement of the script: its comment, the `Compiled` rows it writes, its Cypher."""

    comment: str  # "" for none
    rows: str  # the name of a `Compiled` field ("source": the source itself, one row)
    query: LiteralString
    from_source: bool = False  # each row gets the source's id (`row.source_id`)


# The script, in order (what it writes first, later statements MATCH).
BATCHES: tuple[Batch, ...] = (
    Batch("", "source", SCRIPT_SOURCE_QUERY),
    Batch("", "source_slots", SCRIPT_SOURCE_SLOTS_QUERY, from_source=True),
    Batch(
        "Revisions of the source: number, text, SHA-256, why, the file's SHA-256, its spans",
        "revisions",
        SCRIPT_REVISIONS_QUERY,
    ),
    Batch(
        "Appearances the revision drops: the relationship goes, a RetiredAppearance stays",
        "retired_appearances",
        SCRIPT_RETIRED_APPEARANCES_QUERY,
    ),
    Batch(
        "Appearances re-anchored in the revised text: moved in place before the MERGEs",
        "moved_appearances",
        SCRIPT_MOVED_APPEARANCES_QUERY,
    ),
    Batch(
        "Claims retired earlier that the revision asserts again",
        "revived_claims",
        SCRIPT_REVIVED_CLAIMS_QUERY,
    ),
    Batch("Actors this source defines", "actors", SCRIPT_ACTORS_QUERY),
    Batch("Existing actors: aliases this source adds", "actor_aliases", SCRIPT_ACTOR_ALIASES_QUERY),
    Batch("Actors that include others", "includes", SCRIPT_INCLUDES_QUERY),
    Batch("Topics this source defines", "topics", SCRIPT_TOPICS_QUERY),
    Batch("Existing topics: aliases this source adds", "topic_aliases", SCRIPT_TOPIC_ALIASES_QUERY),
    Batch(
        "Claims: neutral paraphrases, typed (with the type's label, as seed V006)",
        "claims",
        SCRIPT_CLAIMS_QUERY,
    ),
    Batch(
        "Assertions: this source asserts each claim at these exact spans",
        "asserts",
        SCRIPT_ASSERTS_QUERY,
        from_source=True,
    ),
    Batch("ABOUT: the actors each claim is about, with their role", "about", SCRIPT_ABOUT_QUERY),
    Batch("CONCERNS: the topics each claim concerns", "concerns", SCRIPT_CONCERNS_QUERY),
    Batch(
        "Links this source no longer asserts: the relationship goes, a SupersededLink node stays",
        "superseded_links",
        SCRIPT_SUPERSEDED_LINKS_QUERY,
    ),
    Batch(
        "SUPPORTS: premise -> conclusion, as this source argues it",
        "supports",
        SCRIPT_SUPPORTS_QUERY,
    ),
    Batch(
        "ATTACKS: rebuttal or contrast, as this source argues it", "attacks", SCRIPT_ATTACKS_QUERY
    ),
    Batch(
        "Causal links: cause -[:CAUSE_OF]-> link -[:LEADS_TO]-> effect",
        "causal_links",
        SCRIPT_CAUSAL_LINKS_QUERY,
    ),
    Batch(
        "The spans that assert each causal link",
        "link_asserts",
        SCRIPT_LINK_ASSERTS_QUERY,
        from_source=True,
    ),
    Batch(
        "Causal links superseded: the node keeps its id, slots and evidence under a new label",
        "superseded_causal",
        SCRIPT_SUPERSEDED_CAUSAL_QUERY,
    ),
    Batch(
        "The spans that asserted each superseded causal link",
        "superseded_asserts",
        SCRIPT_SUPERSEDED_ASSERTS_QUERY,
        from_source=True,
    ),
    Batch(
        "Evidence slots on checkable claims (opened ON CREATE only)",
        "claim_slots",
        SCRIPT_CLAIM_SLOTS_QUERY,
    ),
    Batch(
        "Evidence slots on causal links (did X really cause Y)",
        "causal_slots",
        SCRIPT_CAUSAL_SLOTS_QUERY,
    ),
    Batch(
        "Evidence slots for the external identifiers of the actors",
        "actor_slots",
        SCRIPT_ACTOR_SLOTS_QUERY,
    ),
    Batch(
        "Slots of superseded causal links, closed with the reason",
        "superseded_slots",
        SCRIPT_SUPERSEDED_SLOTS_QUERY,
    ),
    Batch(
        "Claims no source asserts any more: retired (never deleted), evidence and slots kept",
        "retired_claims",
        SCRIPT_RETIRED_CLAIMS_QUERY,
    ),
    Batch(
        "Revision events in each claim's history", "revision_events", SCRIPT_REVISION_EVENTS_QUERY
    ),
)
