"""Cypher that reads the whole store once, so its pages are in Neo4j's page cache.

Neo4j Community has no page-cache warm-up of its own: after a start (or a bulk
load) every first read pays the disk. These touch every node and relationship
with all their properties, and the `id` index of every label.
"""

from __future__ import annotations

from typing import LiteralString

from kb.schema import NODES

# Node and relationship records and their property chains (long strings included).
WARM_NODES_QUERY: LiteralString = "MATCH (n) RETURN count(properties(n)) AS touched"
WARM_RELATIONSHIPS_QUERY: LiteralString = "MATCH ()-[r]->() RETURN count(properties(r)) AS touched"


def _warm_ids(label: LiteralString) -> LiteralString:
    return "MATCH (x:" + label + ") WHERE x.id >= '' RETURN count(x.id) AS touched"


# The uniqueness (range) index on `id` of every label: what pages and lookups seek.
WARM_ID_INDEX_QUERIES: tuple[LiteralString, ...] = tuple(
    _warm_ids(kind.label) for kind in NODES if kind.key == "id"
)
