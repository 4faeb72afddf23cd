"""Render a compiled source as a versioned, idempotent Cypher seed script.

The script looks like the hand-written seeds (cypher/seed/V003, V005): one
statement per kind of thing, each an `UNWIND` over a list of map literals
(never one statement per row), every write a `MERGE` on a constrained id
(relationships on their id or their start offset), evidence slots opened
`ON CREATE` only so a re-import never reopens a slot an analyst filled.
Values are data literals rendered here from plain Python values, so the
script is reviewable and checksummed like any other seed. Batches are cut
at `BATCH` rows so a large source stays a handful of statements per kind.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kb.annotation.model import TYPE_LABELS, Compiled, Row

BATCH = 1000
FORMAT = "kb-annotation/1"


def literal(value: Any) -> str:
    """A Cypher literal for a str, int, bool, None, list or dict of those."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {literal(item)}" for key, item in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def _string(value: str) -> str:
    escaped = json.dumps(value, ensure_ascii=False)[1:-1].replace('\\"', '"').replace("'", "\\'")
    return f"'{escaped}'"


def _unwind(rows: list[Row], body: str) -> Iterator[str]:
    for at in range(0, len(rows), BATCH):
        batch = rows[at : at + BATCH]
        items = ",\n".join(f"  {literal(row)}" for row in batch)
        yield f"UNWIND [\n{items}\n] AS row\n{body};"


_SLOT_BODY = """MATCH (o:{label} {{id: row.owner}})
MERGE (slot:EvidenceSlot {{id: row.id}})
  ON CREATE SET slot.status = 'open'
SET slot.kind = '{kind}', slot.question = row.question
MERGE (o)-[:HAS_SLOT]->(slot)"""

_LINK_BODY = """MATCH (a:Claim {{id: row.from_claim}}), (b:Claim {{id: row.to_claim}})
MERGE (a)-[r:{rel} {{id: row.id}}]->(b)
SET r.source_id = row.source_id, r.quote = row.quote, r.start = row.start, r.end = row.end,
    r.basis = row.basis, r.marker = row.marker, r.rationale = row.rationale"""

_ALIASES_BODY = """MATCH (n:{label} {{id: row.id}})
SET n.aliases = coalesce(n.aliases, [])
    + [x IN row.aliases WHERE NOT x IN coalesce(n.aliases, [])]"""

_ASSERTS_LINK_BODY = """MATCH (l:{label} {{id: row.link}})
MERGE (s)-[r:ASSERTS_LINK {{start: row.start}}]->(l)
SET r.quote = row.quote, r.end = row.end, r.section = row.section"""


# Batches that write from the source: each row names it, so the script's only values
# are the rows' data literals (no value is formatted into a statement).
_FROM_SOURCE = "MATCH (s:Source {id: row.source_id})\n"


def render(compiled: Compiled, origin: str) -> str:
    """The whole script; `origin` names the annotation file it was compiled from."""

    def from_source(rows: list[Row]) -> list[Row]:
        return [{**row, "source_id": compiled.source_id} for row in rows]

    parts: list[tuple[str, list[Row], str]] = [
        (
            "Actors this source defines",
            compiled.actors,
            "MERGE (a:Actor {id: row.id})\nSET a.name = row.name, a.kind = row.kind,\n"
            "    a.aliases = coalesce(a.aliases, []) + "
            "[x IN row.aliases WHERE NOT x IN coalesce(a.aliases, [])]",
        ),
        (
            "Existing actors: aliases this source adds",
            compiled.actor_aliases,
            _ALIASES_BODY.format(label="Actor"),
        ),
        (
            "Actors that include others",
            compiled.includes,
            "MATCH (a:Actor {id: row.actor}), (m:Actor {id: row.member})\n"
            "MERGE (a)-[:INCLUDES]->(m)",
        ),
        (
            "Topics this source defines",
            compiled.topics,
            "MERGE (t:Topic {id: row.id})\nSET t.name = row.name,\n"
            "    t.aliases = coalesce(t.aliases, []) + "
            "[x IN row.aliases WHERE NOT x IN coalesce(t.aliases, [])]",
        ),
        (
            "Existing topics: aliases this source adds",
            compiled.topic_aliases,
            _ALIASES_BODY.format(label="Topic"),
        ),
        (
            "Claims: neutral paraphrases, typed (with the type's label, as seed V006)",
            compiled.claims,
            "MERGE (c:Claim {id: row.id})\n"
            "SET c.text = row.text, c.type = row.type, c.checkable = row.checkable,\n"
            "    c.checkable_reason = row.checkable_reason, c.unattributed = row.unattributed,\n"
            "    c.framing = row.framing, c.held_by = row.held_by,\n"
            "    c.restates = row.restates, c.restates_link = row.restates_link\n"
            f"REMOVE c:{':'.join(TYPE_LABELS.values())}\n"
            "SET c:$(row.label)",
        ),
        (
            "Assertions: this source asserts each claim at these exact spans",
            from_source(compiled.asserts),
            _FROM_SOURCE + "MATCH (c:Claim {id: row.claim})\n"
            "MERGE (s)-[r:ASSERTS {start: row.start}]->(c)\n"
            "SET r.quote = row.quote, r.end = row.end, r.section = row.section, r.mode = row.mode",
        ),
        (
            "ABOUT: the actors each claim is about, with their role",
            compiled.about,
            "MATCH (c:Claim {id: row.claim}), (a:Actor {id: row.actor})\n"
            "MERGE (c)-[r:ABOUT {role: row.role}]->(a)\nSET r.via = row.via",
        ),
        (
            "CONCERNS: the topics each claim concerns",
            compiled.concerns,
            "MATCH (c:Claim {id: row.claim}), (t:Topic {id: row.topic})\n"
            "MERGE (c)-[:CONCERNS]->(t)",
        ),
        (
            "Links this source no longer asserts: the relationship goes, "
            "a SupersededLink node stays",
            compiled.superseded_links,
            "OPTIONAL MATCH ()-[old {id: row.id}]->() WHERE type(old) IN ['SUPPORTS', 'ATTACKS']\n"
            "DELETE old\nMERGE (n:SupersededLink {id: row.id})\n"
            "SET n.kind = row.kind, n.from_id = row.from_id, n.to_id = row.to_id,\n"
            "    n.source_id = row.source_id, n.quote = row.quote,\n"
            "    n.start = row.start, n.end = row.end,\n"
            "    n.reason = row.reason, n.replaced_by = row.replaced_by",
        ),
        (
            "SUPPORTS: premise -> conclusion, as this source argues it",
            compiled.supports,
            _LINK_BODY.format(rel="SUPPORTS"),
        ),
        (
            "ATTACKS: rebuttal or contrast, as this source argues it",
            compiled.attacks,
            _LINK_BODY.format(rel="ATTACKS"),
        ),
        (
            "Causal links: cause -[:CAUSE_OF]-> link -[:LEADS_TO]-> effect",
            compiled.causal_links,
            "MATCH (cause:Claim {id: row.cause}), (effect:Claim {id: row.effect})\n"
            "MERGE (l:CausalLink {id: row.id})\n"
            "SET l.mechanism = row.mechanism, l.basis = row.basis, l.marker = row.marker,\n"
            "    l.rationale = row.rationale\n"
            "MERGE (cause)-[:CAUSE_OF]->(l)\nMERGE (l)-[:LEADS_TO]->(effect)",
        ),
        (
            "The spans that assert each causal link",
            from_source(compiled.link_asserts),
            _FROM_SOURCE + _ASSERTS_LINK_BODY.format(label="CausalLink"),
        ),
        (
            "Causal links superseded: the node keeps its id, slots and evidence under a new label",
            compiled.superseded_causal,
            "MATCH (cause:Claim {id: row.cause}), (effect:Claim {id: row.effect})\n"
            "OPTIONAL MATCH (live:CausalLink {id: row.id})\n"
            "REMOVE live:CausalLink SET live:SupersededCausalLink\n"
            "WITH row, cause, effect\n"
            "MERGE (l:SupersededCausalLink {id: row.id})\n"
            "SET l.mechanism = row.mechanism, l.superseded_by = row.superseded_by,\n"
            "    l.superseded_reason = row.superseded_reason, l.superseded_in = row.superseded_in\n"
            "MERGE (cause)-[:CAUSE_OF]->(l)\nMERGE (l)-[:LEADS_TO]->(effect)",
        ),
        (
            "The spans that asserted each superseded causal link",
            from_source(compiled.superseded_asserts),
            _FROM_SOURCE + _ASSERTS_LINK_BODY.format(label="SupersededCausalLink"),
        ),
        (
            "Evidence slots on checkable claims (opened ON CREATE only)",
            compiled.claim_slots,
            _SLOT_BODY.format(label="Claim", kind="claim"),
        ),
        (
            "Evidence slots on causal links (did X really cause Y)",
            compiled.causal_slots,
            _SLOT_BODY.format(label="CausalLink", kind="causal_link"),
        ),
        (
            "Evidence slots for the external identifiers of the actors",
            compiled.actor_slots,
            _SLOT_BODY.format(label="Actor", kind="external_id"),
        ),
        (
            "Slots of superseded causal links, closed with the reason",
            compiled.superseded_slots,
            "MATCH (o:SupersededCausalLink {id: row.owner})\n"
            "MERGE (slot:EvidenceSlot {id: row.id})\n"
            "  ON CREATE SET slot.status = 'closed', slot.closed_by = o.superseded_in,\n"
            "    slot.reason = 'The causal link was superseded: ' + o.superseded_reason\n"
            "SET slot.kind = 'causal_link', slot.question = row.question\n"
            "MERGE (o)-[:HAS_SLOT]->(slot)",
        ),
    ]
    header = (
        f"// {compiled.source_id}: compiled by `kb import` from {origin} ({FORMAT}).\n"
        "// Do not edit: change the annotation file and import it again (docs/annotation.md).\n"
        "// Idempotent: every write MERGEs on a constrained id (relationships on their id or\n"
        "// start offset); evidence slots are opened ON CREATE only.\n\n"
        "// The source itself, byte for byte (SHA-256 below); what it does not say stays unset"
    )
    statements = [header]
    # Every property of the row is the source's own (a null one stays unset).
    statements += _unwind([dict(compiled.source)], "MERGE (s:Source {id: row.id})\nSET s += row")
    if compiled.source_slots:
        statements += _unwind(
            from_source(compiled.source_slots),
            _FROM_SOURCE + "MERGE (slot:EvidenceSlot {id: row.id})\n"
            "  ON CREATE SET slot.status = 'open'\n"
            "SET slot.kind = 'source_metadata', slot.field = row.field,\n"
            "    slot.question = row.question\n"
            "MERGE (s)-[:HAS_SLOT]->(slot)",
        )
    for comment, rows, body in parts:
        if rows:
            statements.append(f"\n// {comment}")
            statements += _unwind(rows, body)
    return "\n".join(statements) + "\n"
