"""Cypher for exports: the domain graph, page by page, optionally as one source asserts it.

Exports must stay in bounded memory on a large corpus, so every read is a
keyset page: nodes ordered by their constrained `id` (an index seek, no
sort of the whole label), relationships grouped under an *anchor* node whose
`id` pages them the same way. `$source_id` (or null for everything) narrows
each node to what that source asserts, through the same scope predicate in
the page, count and property-type queries, so counts agree with the pages.

Labels and relationship types come only from the kinds `kb.schema` declares; the
registries are assembled from those literals at import time, so every statement is
still a `LiteralString` that the EXPLAIN test compiles.
"""

from __future__ import annotations

from typing import LiteralString

from kb.schema import ABOUT, DOMAIN_NODES, DOMAIN_RELATIONSHIPS, RelKind


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


# --- relationships -----------------------------------------------------------------------

_ARGUED: LiteralString = "($source_id IS NULL OR r.source_id = $source_id)"


def rel_condition(kind: RelKind) -> LiteralString:
    both = in_scope(kind.start, "a") + " AND " + in_scope(kind.end, "b")
    if kind.argued:
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


# --- the registries, generated from kb.schema -------------------------------------------
# Plain loops rather than comprehensions: pyright widens a comprehension's element type
# to `str`, while each assignment below is checked as a `LiteralString`.

# One page query per domain label (in export order) and per relationship kind (keyed by
# `RelKind.name`); the EXPLAIN test compiles each.
NODE_PAGE_QUERIES: dict[str, LiteralString] = {}
REL_PAGE_QUERIES: dict[str, LiteralString] = {}
# How many nodes of each label and relationships of each kind the export holds, plus
# the speaker roles (the one actor role AIF can carry); and which property keys each
# uses, with what value types (GraphML and CSV declare typed columns before the first row).
_COUNT_PARTS: list[LiteralString] = []
_TYPE_PARTS: list[LiteralString] = []
for _node in DOMAIN_NODES:
    NODE_PAGE_QUERIES[_node.label] = _node_page(_node.label)
    _COUNT_PARTS.append(_count_node(_node.label))
    _TYPE_PARTS.append(_node_types(_node.label))
for _rel in DOMAIN_RELATIONSHIPS:
    REL_PAGE_QUERIES[_rel.name] = _rel_page(_rel)
    _COUNT_PARTS.append(_count_rel(_rel))
    _TYPE_PARTS.append(_rel_types(_rel))
_COUNT_PARTS.append(
    "MATCH (a:Claim)-[r:ABOUT {role: 'speaker'}]->(b:Actor)"
    " WHERE " + rel_condition(ABOUT) + "\n"
    "  RETURN 'role' AS scope, 'speaker' AS name, count(r) AS total"
)
EXPORT_COUNTS_QUERY: LiteralString = _union(_COUNT_PARTS, "scope, name, total")
EXPORT_PROPERTY_TYPES_QUERY: LiteralString = _union(
    _TYPE_PARTS, "scope, name, key, value_type, total"
)

SOURCE_EXISTS_QUERY: LiteralString = """
RETURN EXISTS { (:Source {id: $source_id}) } AS found
"""
