"""Warming the page cache reads every node, relationship and `id` index once."""

from __future__ import annotations

from kb.db import Store
from kb.schema import NODES
from kb.services import warmup


def _count(store: Store, query: str) -> int:
    return int(store.read(lambda tx: tx.run(query).single(strict=True)[0]))


def test_warm_reads_every_node_relationship_and_id_index(seeded_store: Store) -> None:
    nodes = _count(seeded_store, "MATCH (n) RETURN count(n)")
    relationships = _count(seeded_store, "MATCH ()-[r]->() RETURN count(r)")
    keyed = sum(
        _count(seeded_store, f"MATCH (x:{kind.label}) WHERE x.id IS NOT NULL RETURN count(x)")
        for kind in NODES
        if kind.key == "id"
    )
    assert nodes and relationships and keyed
    assert warmup.warm(seeded_store).records == nodes + relationships + keyed
