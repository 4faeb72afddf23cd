"""Warming the page cache reads every node, relationship and `id` index once; the
rehearsed import plans cleanly and leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

from kb.annotation import synthetic
from kb.config import CYPHER_DIR
from kb.db import Store
from kb.schema import NODES
from kb.services import warmup
from kb.services.annotation import plan_import
from tests.graph_snapshot import GraphSnapshot


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


def test_the_rehearsed_import_plans_cleanly(seeded_store: Store, tmp_path: Path) -> None:
    # A rehearsal the graph rejected would stop before the match probes: warm less.
    path = synthetic.write(tmp_path, warmup.REHEARSAL_CLAIMS, warmup.REHEARSAL_TAG)
    plan = plan_import(seeded_store, path, CYPHER_DIR)
    new = plan.diff.new
    assert len(new["claims"]) == warmup.REHEARSAL_CLAIMS
    assert new["actors"] and new["topics"] and new["links"] and new["causal links"]


def test_rehearsing_an_import_leaves_the_graph_as_it_was(
    seeded_store: Store, seeded_snapshot: GraphSnapshot
) -> None:
    scripts = sorted(path.name for path in (CYPHER_DIR / "seed").iterdir())
    assert warmup.rehearse_import(seeded_store) > 0
    assert GraphSnapshot.take(seeded_store).content == seeded_snapshot.content
    assert sorted(path.name for path in (CYPHER_DIR / "seed").iterdir()) == scripts
