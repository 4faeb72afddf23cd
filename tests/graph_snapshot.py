"""A whole-graph snapshot for tests: compare the graph with it, and put it back.

The seeded article is small (hundreds of nodes), so a test that writes can be
undone by re-creating the snapshot in one transaction, well under a second,
instead of re-running the seed scripts. Labels and relationship types come
from the snapshot itself (Neo4j 5.26 dynamic labels, as parameters).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store

_NODES = "MATCH (n) RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props"
_RELATIONSHIPS = (
    "MATCH (a)-[r]->(b) "
    "RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props"
)
_CREATE_NODES = (
    "UNWIND $nodes AS node CREATE (n:$(node.labels)) SET n = node.props, n.`_snapshot` = node.eid"
)
_CREATE_RELATIONSHIPS = (
    "UNWIND $relationships AS rel "
    "MATCH (a {`_snapshot`: rel.a}), (b {`_snapshot`: rel.b}) "
    "CREATE (a)-[r:$(rel.type)]->(b) SET r = rel.props"
)
_FORGET_SNAPSHOT_IDS = "MATCH (n) REMOVE n.`_snapshot`"


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


@dataclass(frozen=True)
class GraphSnapshot:
    nodes: list[dict[str, Any]]
    relationships: list[dict[str, Any]]

    @classmethod
    def take(cls, store: Store) -> GraphSnapshot:
        return store.read(_read)

    @cached_property
    def content(self) -> tuple[list[str], list[str]]:
        """The graph's content without internal ids: what "unchanged" compares."""
        by_eid = {
            node["eid"]: _canonical([sorted(node["labels"]), node["props"]]) for node in self.nodes
        }
        nodes = sorted(by_eid.values())
        relationships = sorted(
            _canonical([by_eid[r["a"]], r["type"], by_eid[r["b"]], r["props"]])
            for r in self.relationships
        )
        return nodes, relationships

    def content_except(self, *labels: str) -> tuple[list[str], list[str]]:
        """`content` without the nodes carrying any of `labels` (e.g. audit records)."""
        skipped = {node["eid"] for node in self.nodes if set(node["labels"]) & set(labels)}
        kept = GraphSnapshot(
            [node for node in self.nodes if node["eid"] not in skipped],
            [r for r in self.relationships if r["a"] not in skipped and r["b"] not in skipped],
        )
        return kept.content

    def restore(self, store: Store) -> None:
        """Replace whatever the database holds with this snapshot (schema untouched)."""
        store.run_autocommit("MATCH (n) DETACH DELETE n")
        store.write(self._create)

    def _create(self, tx: ManagedTransaction) -> None:
        tx.run(_CREATE_NODES, nodes=self.nodes).consume()
        tx.run(_CREATE_RELATIONSHIPS, relationships=self.relationships).consume()
        tx.run(_FORGET_SNAPSHOT_IDS).consume()


def _read(tx: ManagedTransaction) -> GraphSnapshot:
    nodes = [record.data() for record in tx.run(_NODES)]
    relationships = [record.data() for record in tx.run(_RELATIONSHIPS)]
    return GraphSnapshot(nodes, relationships)
