"""Cypher for exports: the domain graph, page by page, optionally as one source asserts it.

Exports must stay in bounded memory on a large corpus, so every read is a
keyset page: nodes ordered by their constrained `id` (an index seek, no
sort of the whole label), relationships grouped under an *anchor* node whose
`id` pages them the same way. `$source_id` (or null for everything) narrows
each node to what that source asserts, through the same scope predicate in
the page, count and property-type queries, so counts agree with the pages.

Labels and relationship types come only from the fixed tables below; the
constants are assembled from literals at import time, so they are still
`LiteralString`s that the EXPLAIN test compiles.
"""

from __future__ import annotations

from typing import LiteralString, NamedTuple


def _scope(body: LiteralString) -> LiteralString:
    return "($source_id IS NULL OR " + body + ")"


# Scope predicates, written for a node bound to `x`; `_on` renames the variable.
_SCOPES: dict[str, LiteralString] = {
    "Source": _scope("x.id = $source_id"),
    "Claim": _scope("EXISTS { (:Source {id: $source_id})-[:ASSERTS]->(x) }"),
    "CausalLink": _scope("EXISTS { (:Source {id: $source_id})-[:ASSERTS_LINK]->(x) }"),
    "Actor": _scope("EXISTS { (:Source {id: $source_id})-[:ASSERTS]->(:Claim)-[:ABOUT]->(x) }"),
    "Topic": _scope("EXISTS { (:Source {id: $source_id})-[:ASSERTS]->(:Claim)-[:CONCERNS]->(x) }"),
    "EvidenceSlot": _scope(
        "EXISTS { (:Source {id: $source_id})-[:HAS_SLOT]->(x) }"
        " OR EXISTS { (:Source {id: $source_id})-[:ASSERTS]->(:Claim)-[:HAS_SLOT]->(x) }"
        " OR EXISTS { (:Source {id: $source_id})-[:ASSERTS_LINK]->(:CausalLink)-[:HAS_SLOT]->(x) }"
        " OR EXISTS { (:Source {id: $source_id})-[:ASSERTS]->(:Claim)-[:ABOUT]->(:Actor)"
        "-[:HAS_SLOT]->(x) }"
    ),
    "EvidenceLink": _scope(
        "EXISTS { (:Source {id: $source_id})-[:ASSERTS]->(:Claim)<-[:BEARS_ON]-(x) }"
        " OR EXISTS { (:Source {id: $source_id})-[:ASSERTS_LINK]->(:CausalLink)"
        "<-[:BEARS_ON]-(x) }"
    ),
    "Evidence": _scope(
        "EXISTS { (:Source {id: $source_id})-[:ASSERTS]->(:Claim)<-[:BEARS_ON]-(:EvidenceLink)"
        "-[:CITES]->(x) }"
        " OR EXISTS { (:Source {id: $source_id})-[:ASSERTS_LINK]->(:CausalLink)"
        "<-[:BEARS_ON]-(:EvidenceLink)-[:CITES]->(x) }"
    ),
}


def in_scope(label: str, var: LiteralString) -> LiteralString:
    """The scope predicate of `label` for a node bound to `var` (a literal name)."""
    predicate = _SCOPES[label]
    # `x` only ever appears as `(x)` or `x.` in the table above.
    return predicate.replace("(x)", "(" + var + ")").replace("x.id", var + ".id")


# --- nodes -------------------------------------------------------------------------------


def _node_page(label: LiteralString) -> LiteralString:
    return (
        "MATCH (x:" + label + ") WHERE x.id > $after AND " + in_scope(label, "x") + "\n"
        "WITH x ORDER BY x.id LIMIT $limit\n"
        "RETURN x.id AS id, properties(x) AS props"
    )


SOURCE_PAGE_QUERY: LiteralString = _node_page("Source")
CLAIM_PAGE_QUERY: LiteralString = _node_page("Claim")
CAUSAL_LINK_PAGE_QUERY: LiteralString = _node_page("CausalLink")
ACTOR_PAGE_QUERY: LiteralString = _node_page("Actor")
TOPIC_PAGE_QUERY: LiteralString = _node_page("Topic")
EVIDENCE_SLOT_PAGE_QUERY: LiteralString = _node_page("EvidenceSlot")
EVIDENCE_LINK_PAGE_QUERY: LiteralString = _node_page("EvidenceLink")
EVIDENCE_PAGE_QUERY: LiteralString = _node_page("Evidence")

# The domain's node labels, in export order. Operational records (ApiKey,
# Event, IdempotencyRecord, AppliedScript) are not part of the claim graph
# and never leave it (API key hashes least of all).
NODE_PAGE_QUERIES: dict[str, LiteralString] = {
    "Source": SOURCE_PAGE_QUERY,
    "Claim": CLAIM_PAGE_QUERY,
    "CausalLink": CAUSAL_LINK_PAGE_QUERY,
    "Actor": ACTOR_PAGE_QUERY,
    "Topic": TOPIC_PAGE_QUERY,
    "EvidenceSlot": EVIDENCE_SLOT_PAGE_QUERY,
    "EvidenceLink": EVIDENCE_LINK_PAGE_QUERY,
    "Evidence": EVIDENCE_PAGE_QUERY,
}


# --- relationships -----------------------------------------------------------------------


class RelKind(NamedTuple):
    """One relationship type between two labels, paged under its anchor end."""

    type: LiteralString
    start: LiteralString
    end: LiteralString
    anchor: str  # "start" or "end": which end's id pages the relationships

    @property
    def name(self) -> str:
        return f"{self.type}:{self.start}:{self.end}"


REL_KINDS: tuple[RelKind, ...] = (
    RelKind("ASSERTS", "Source", "Claim", "end"),
    RelKind("ASSERTS_LINK", "Source", "CausalLink", "end"),
    RelKind("SUPPORTS", "Claim", "Claim", "start"),
    RelKind("ATTACKS", "Claim", "Claim", "start"),
    RelKind("CAUSE_OF", "Claim", "CausalLink", "end"),
    RelKind("LEADS_TO", "CausalLink", "Claim", "start"),
    RelKind("ABOUT", "Claim", "Actor", "start"),
    RelKind("CONCERNS", "Claim", "Topic", "start"),
    RelKind("HAS_SLOT", "Source", "EvidenceSlot", "end"),
    RelKind("HAS_SLOT", "Claim", "EvidenceSlot", "end"),
    RelKind("HAS_SLOT", "CausalLink", "EvidenceSlot", "end"),
    RelKind("HAS_SLOT", "Actor", "EvidenceSlot", "end"),
    RelKind("BEARS_ON", "EvidenceLink", "Claim", "start"),
    RelKind("BEARS_ON", "EvidenceLink", "CausalLink", "start"),
    RelKind("CITES", "EvidenceLink", "Evidence", "start"),
    RelKind("FILLS", "EvidenceLink", "EvidenceSlot", "start"),
    RelKind("INCLUDES", "Actor", "Actor", "start"),  # a group within another one
)

_ARGUED: LiteralString = "($source_id IS NULL OR r.source_id = $source_id)"


def rel_condition(kind: RelKind) -> LiteralString:
    both = in_scope(kind.start, "a") + " AND " + in_scope(kind.end, "b")
    if kind.type in ("SUPPORTS", "ATTACKS"):
        return both + " AND " + _ARGUED
    return both


def _rel_page(kind: RelKind) -> LiteralString:
    anchor: LiteralString = "a" if kind.anchor == "start" else "b"
    anchor_label = kind.start if kind.anchor == "start" else kind.end
    return (
        "MATCH (" + anchor + ":" + anchor_label + ") WHERE " + anchor + ".id > $after\n"
        "WITH " + anchor + " ORDER BY " + anchor + ".id LIMIT $limit\n"
        "RETURN " + anchor + ".id AS anchor_id,\n"
        "  [(a:" + kind.start + ")-[r:" + kind.type + "]->(b:" + kind.end + ")"
        " WHERE " + rel_condition(kind) + "\n"
        "   | {start_id: a.id, end_id: b.id, props: properties(r)}] AS rels"
    )


def _count_rel(kind: RelKind) -> LiteralString:
    return (
        "MATCH (a:" + kind.start + ")-[r:" + kind.type + "]->(b:" + kind.end + ")"
        " WHERE " + rel_condition(kind) + "\n"
        "  RETURN 'rel' AS scope, '" + kind.type + ":" + kind.start + ":" + kind.end + "' AS name,"
        " count(r) AS total"
    )


def _rel_types(kind: RelKind) -> LiteralString:
    return (
        "MATCH (a:" + kind.start + ")-[r:" + kind.type + "]->(b:" + kind.end + ")"
        " WHERE " + rel_condition(kind) + "\n"
        "  UNWIND keys(r) AS key\n"
        "  RETURN 'rel' AS scope, '" + kind.type + ":" + kind.start + ":" + kind.end + "' AS name,"
        " key, valueType(r[key]) AS value_type, count(*) AS total"
    )


def _count_node(label: LiteralString) -> LiteralString:
    return (
        "MATCH (x:" + label + ") WHERE " + in_scope(label, "x") + "\n"
        "  RETURN 'node' AS scope, '" + label + "' AS name, count(x) AS total"
    )


def _node_types(label: LiteralString) -> LiteralString:
    return (
        "MATCH (x:" + label + ") WHERE " + in_scope(label, "x") + "\n"
        "  UNWIND keys(x) AS key\n"
        "  RETURN 'node' AS scope, '" + label + "' AS name,"
        " key, valueType(x[key]) AS value_type, count(*) AS total"
    )


def _union(parts: list[LiteralString], columns: LiteralString) -> LiteralString:
    body: LiteralString = "\n  UNION ALL\n  ".join(parts)
    return "CALL () {\n  " + body + "\n}\nRETURN " + columns


_LABELS: tuple[LiteralString, ...] = (
    "Source",
    "Claim",
    "CausalLink",
    "Actor",
    "Topic",
    "EvidenceSlot",
    "EvidenceLink",
    "Evidence",
)

# One page query per relationship kind, named so the EXPLAIN test compiles each.
ASSERTS_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[0])
ASSERTS_LINK_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[1])
SUPPORTS_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[2])
ATTACKS_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[3])
CAUSE_OF_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[4])
LEADS_TO_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[5])
ABOUT_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[6])
CONCERNS_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[7])
HAS_SLOT_OF_SOURCE_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[8])
HAS_SLOT_OF_CLAIM_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[9])
HAS_SLOT_OF_CAUSAL_LINK_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[10])
HAS_SLOT_OF_ACTOR_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[11])
BEARS_ON_CLAIM_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[12])
BEARS_ON_CAUSAL_LINK_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[13])
CITES_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[14])
FILLS_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[15])
INCLUDES_PAGE_QUERY: LiteralString = _rel_page(REL_KINDS[16])

REL_PAGE_QUERIES: dict[str, LiteralString] = {
    REL_KINDS[0].name: ASSERTS_PAGE_QUERY,
    REL_KINDS[1].name: ASSERTS_LINK_PAGE_QUERY,
    REL_KINDS[2].name: SUPPORTS_PAGE_QUERY,
    REL_KINDS[3].name: ATTACKS_PAGE_QUERY,
    REL_KINDS[4].name: CAUSE_OF_PAGE_QUERY,
    REL_KINDS[5].name: LEADS_TO_PAGE_QUERY,
    REL_KINDS[6].name: ABOUT_PAGE_QUERY,
    REL_KINDS[7].name: CONCERNS_PAGE_QUERY,
    REL_KINDS[8].name: HAS_SLOT_OF_SOURCE_PAGE_QUERY,
    REL_KINDS[9].name: HAS_SLOT_OF_CLAIM_PAGE_QUERY,
    REL_KINDS[10].name: HAS_SLOT_OF_CAUSAL_LINK_PAGE_QUERY,
    REL_KINDS[11].name: HAS_SLOT_OF_ACTOR_PAGE_QUERY,
    REL_KINDS[12].name: BEARS_ON_CLAIM_PAGE_QUERY,
    REL_KINDS[13].name: BEARS_ON_CAUSAL_LINK_PAGE_QUERY,
    REL_KINDS[14].name: CITES_PAGE_QUERY,
    REL_KINDS[15].name: FILLS_PAGE_QUERY,
    REL_KINDS[16].name: INCLUDES_PAGE_QUERY,
}

# How many nodes of each label and relationships of each kind the export holds,
# plus the speaker roles (the one actor role AIF can carry).
# Built only from the fixed _LABELS and REL_KINDS tuples; pyright widens the
# comprehensions' element type to str, hence the ignores.
_COUNT_PARTS: list[LiteralString] = [_count_node(label) for label in _LABELS]  # pyright: ignore[reportAssignmentType]
_COUNT_PARTS += [_count_rel(kind) for kind in REL_KINDS]  # pyright: ignore[reportAssignmentType]
_COUNT_PARTS.append(
    "MATCH (a:Claim)-[r:ABOUT {role: 'speaker'}]->(b:Actor)"
    " WHERE " + rel_condition(REL_KINDS[6]) + "\n"
    "  RETURN 'role' AS scope, 'speaker' AS name, count(r) AS total"
)
EXPORT_COUNTS_QUERY: LiteralString = _union(_COUNT_PARTS, "scope, name, total")

# Which property keys each label and relationship kind uses, with what value types
# (GraphML and CSV declare typed columns before the first row).
_TYPE_PARTS: list[LiteralString] = [_node_types(label) for label in _LABELS]  # pyright: ignore[reportAssignmentType]
_TYPE_PARTS += [_rel_types(kind) for kind in REL_KINDS]  # pyright: ignore[reportAssignmentType]
EXPORT_PROPERTY_TYPES_QUERY: LiteralString = _union(
    _TYPE_PARTS, "scope, name, key, value_type, total"
)

SOURCE_EXISTS_QUERY: LiteralString = """
RETURN EXISTS { (:Source {id: $source_id}) } AS found
"""
