"""GraphML as Gephi, yEd and Cytoscape show it: a `label` on every node and edge, and none
of the database's own bookkeeping."""

from __future__ import annotations

import io

import networkx as nx

from kb.db import Store
from kb.export.graphml import BOOKKEEPING
from tests.export.conftest import CONTESTED
from tests.export.helpers import count, exported, value


def test_nodes_and_edges_carry_a_label_and_no_bookkeeping(extended_store: Store) -> None:
    text, _losses = exported(extended_store, "graphml")
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    assert all(data.get("label") for _node, data in graph.nodes(data=True))
    claim_text = value(extended_store, "MATCH (c:Claim {id: $id}) RETURN c.text", id=CONTESTED)
    assert graph.nodes[f"Claim:{CONTESTED}"]["label"] == claim_text
    assert graph.nodes["Actor:trump"]["label"] == value(
        extended_store, "MATCH (a:Actor {id: 'trump'}) RETURN a.name"
    )
    source_title = value(extended_store, "MATCH (s:Source {id: 'article-001'}) RETURN s.title")
    assert graph.nodes["Source:article-001"]["label"] == source_title
    kinds = {data["label"] for _a, _b, data in graph.edges(data=True)}
    assert {"ASSERTS", "SUPPORTS", "ATTACKS", "BEARS_ON", "CITES"} <= kinds
    # the database does keep bookkeeping on these nodes; the export leaves it behind
    kept = count(
        extended_store,
        "MATCH (n) WHERE n.stands_baseline IS NOT NULL OR n.active_key IS NOT NULL RETURN count(n)",
    )
    assert kept > 0
    exported_keys = {key for _node, data in graph.nodes(data=True) for key in data}
    exported_keys |= {key for _a, _b, data in graph.edges(data=True) for key in data}
    assert exported_keys & BOOKKEEPING == set()
    assert not any(key in text for key in ("stands_baseline", "active_key", "derived_lock"))
