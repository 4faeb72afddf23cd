"""The 2,000-claim benchmark graph, loaded both ways, answers every endpoint the same.

`kb bulk-load` has two paths (neo4j-admin import into an empty database, batched
UNWIND MERGE for increments); whichever built the graph, the API must not be able
to tell. This runs on a server of its own (the import stops and restarts it), on
the test ports + 7, with no timing assertions: the timings are `python -m bench`'s.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api import create_app
from bench.filters import SEARCH as FILTER_SEARCH
from bench.filters import probes as filter_probes
from bench.graphgen import GraphFacts, generate
from bench.probes import API, endpoints
from kb import localdb
from kb.bulkcsv import BulkLoadError, discover
from kb.config import LOCAL_DIR, LocalServerConfig, Settings
from kb.db import Store
from kb.services import backup as backup_service
from kb.services import bulk as bulk_service
from kb.services import export as export_service
from kb.services.stats import graph_stats
from tests.conftest import TEST_BOLT_PORT, TEST_HTTP_PORT, TEST_PASSWORD

CLAIMS = 2_000


@pytest.fixture(scope="module")
def bulk_server() -> Iterator[Settings]:
    """A server of this module's own, not started: the import starts it on the new store."""
    home = LOCAL_DIR / "neo4j-test-bulk"
    local = LocalServerConfig(home, TEST_BOLT_PORT + 7, TEST_HTTP_PORT + 7, TEST_PASSWORD)
    with localdb.throwaway(
        local,
        start_server=False,
        # Answers, not latency, are under test: a loaded CI machine must not turn them
        # into 503s.
        read_timeout_seconds=120.0,
        request_timeout_seconds=120.0,
        request_max_retry_seconds=10.0,
        neo4j_max_retry_seconds=60.0,
    ) as settings:
        yield settings


def _probes(facts: GraphFacts) -> dict[str, str]:
    return {
        **endpoints(facts),
        "actor claims": f"{API}/actors/{facts.actor}/claims?limit=100",
        "source": f"{API}/sources/src-000001",
        "factual claims": f"{API}/claims?type=factual&limit=100&page=3",
        "claim slots": f"{API}/slots?owner={facts.small_claim}",
        "open slots": f"{API}/slots?status=open&limit=100&page=2",
        "causal links": f"{API}/causal-links?claim={facts.chain_from}",
        "hub impact": f"{API}/claims/{facts.hub_claim}/impact",
        **filter_probes(facts),  # every list filter, the pairs, a common-word search
    }


def _answers(settings: Settings, facts: GraphFacts) -> dict[str, tuple[int, Any]]:
    client = create_app({"KB_SETTINGS": settings}).test_client()
    return {
        name: (response.status_code, response.get_json())
        for name, url in _probes(facts).items()
        for response in [client.get(url)]
    }


def _aif_document(store: Store) -> dict[str, Any]:
    text = b"".join(export_service.export(store, "aif").body).decode("utf-8")
    return dict(json.loads(text))


def test_both_load_paths_build_a_graph_the_api_cannot_tell_apart(
    bulk_server: Settings, tmp_path: Path
) -> None:
    facts = generate(tmp_path, CLAIMS, progress=False)
    store = Store.connect(bulk_server)
    try:
        # The server is not running yet, so the import needs no stop: one start in all.
        imported = bulk_service.import_files(bulk_server, store, discover(tmp_path), None)
        assert imported.mode == "import"
        assert imported.nodes == facts.nodes
        assert imported.relationships == facts.relationships
        counts_imported = graph_stats(store)
        by_import = _answers(bulk_server, facts)
        aif_document = _aif_document(store)

        # Full now: a first load must be refused, not replace the graph.
        with pytest.raises(BulkLoadError, match="not empty"):
            bulk_service.load(bulk_server, store, tmp_path, mode="import")

        backup_service.wipe(store)
        merged = bulk_service.merge_files(store, discover(tmp_path), batch_size=700)
        assert (merged.mode, merged.nodes, merged.relationships) == (
            "unwind",
            facts.nodes,
            facts.relationships,
        )
        assert graph_stats(store) == counts_imported
        by_unwind = _answers(bulk_server, facts)

        # A second UNWIND of the same files is an increment that changes nothing.
        bulk_service.merge_files(store, discover(tmp_path), batch_size=5_000)
        assert graph_stats(store) == counts_imported
    finally:
        store.close()

    assert {name: status for name, (status, _) in by_import.items()} == {
        name: 200 for name in by_import
    }
    for name, answer in by_import.items():
        if name in FILTER_SEARCH:  # a word in most claims: Lucene's scores tie and the
            # two stores' segment statistics order the ties differently; same page size
            assert len(by_unwind[name][1]["items"]) == len(answer[1]["items"]) == 50, name
            continue
        assert by_unwind[name] == answer, name
    assert by_import["search"][1]["items"], "the search word is in two claims"
    # graphgen's links carry no offsets: the AIF export anchors them all the same
    node_types = Counter(node["type"] for node in aif_document["nodes"])
    assert node_types["I"] == counts_imported.nodes["Claim"]
    assert node_types["RA"] + node_types["CA"] == (
        counts_imported.relationships["SUPPORTS"]
        + counts_imported.relationships["ATTACKS"]
        + counts_imported.nodes["CausalLink"]
    )
    assert node_types["TA"] > 0
    assert by_import["dependents (hub)"][1]["claims"], "the hub has dependents"
