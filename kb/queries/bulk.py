"""Cypher of `kb bulk-load`'s UNWIND path: one batch of rows per transaction, as parameters.

Labels and relationship types cannot be parameters, so there is one statement per
domain label and per relationship kind of `kb.schema`: that set is the allow-list
(`NODE_QUERIES` keyed by label, `RELATIONSHIP_QUERIES` keyed by `TYPE-Start-End`).
Every statement MERGEs on the uniqueness-constrained `id`, so loading the same rows
twice leaves the same graph; relationships that carry their own `id` (support,
attack) or a distinguishing property (an actor's role) MERGE on it as well.
"""

from typing import LiteralString

from kb.schema import DOMAIN_NODES, DOMAIN_RELATIONSHIPS, RelKind


def _nodes(label: LiteralString) -> LiteralString:
    return "UNWIND $rows AS row\nMERGE (n:" + label + " {id: row.id})\nSET n += row.props\n"


def _links(kind: RelKind) -> LiteralString:
    key = kind.merge_key
    merge_key: LiteralString = " {" + key + ": row.props." + key + "}" if key else ""
    return (
        "UNWIND $rows AS row\nMATCH (a:" + kind.start + " {id: row.start})\n"
        "MATCH (b:" + kind.end + " {id: row.end})\n"
        "MERGE (a)-[r:" + kind.type + merge_key + "]->(b)\nSET r += row.props\n"
    )


# Generated from the declared kinds (loops, so the values stay `LiteralString`).
NODE_QUERIES: dict[str, LiteralString] = {}
for _node in DOMAIN_NODES:
    NODE_QUERIES[_node.label] = _nodes(_node.label)

RELATIONSHIP_QUERIES: dict[str, LiteralString] = {}
for _rel in DOMAIN_RELATIONSHIPS:
    RELATIONSHIP_QUERIES[_rel.file_key] = _links(_rel)

# Anything but the seed history counts as content: neo4j-admin import replaces the whole
# database, so it may only run where nothing would be lost.
HAS_CONTENT_QUERY: LiteralString = """
RETURN EXISTS { MATCH (n) WHERE NOT (n:AppliedScript OR n:ScriptChange) } AS has_content
"""

AWAIT_INDEXES_QUERY: LiteralString = "CALL db.awaitIndexes($seconds)"
