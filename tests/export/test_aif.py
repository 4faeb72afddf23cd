"""AIF: arguebuf reads the export back; counts and known edges agree with the database."""

from __future__ import annotations

import io
import json
import logging
from collections import Counter

import arguebuf
from arguebuf.model.scheme import Attack, Support

from kb.db import Store
from tests.export.conftest import SECOND
from tests.export.helpers import count, exported, loss_counts


def _graph(text: str) -> arguebuf.Graph:
    """arguebuf keeps the argument (I, RA, CA) and skips the dialogue (L, YA, TA) nodes,
    warning about each edge it skips: expected here, so quiet."""
    logging.getLogger("arguebuf").setLevel(logging.ERROR)
    return arguebuf.load.json(io.StringIO(text))


def test_arguebuf_reads_the_whole_graph_with_database_counts(extended_store: Store) -> None:
    text, losses = exported(extended_store, "aif")
    graph = _graph(text)
    claims = count(extended_store, "MATCH (c:Claim) RETURN count(c)")
    supports = count(extended_store, "MATCH ()-[r:SUPPORTS]->() RETURN count(r)")
    attacks = count(extended_store, "MATCH ()-[r:ATTACKS]->() RETURN count(r)")
    causal = count(extended_store, "MATCH (l:CausalLink) RETURN count(l)")
    # each rejection (the source's, or a reported speaker's) is a conflict on its claim
    rejections = count(
        extended_store,
        "MATCH (:Source)-[a:ASSERTS]->(:Claim) WHERE a.stance = 'rejects'"
        " OR (a.stance = 'reports' AND a.speaker_stance = 'rejects') RETURN count(a)",
    )
    assert rejections > 0  # the article's rejected views
    assert len(graph.atom_nodes) == claims
    # Support.DEFAULT == Attack.DEFAULT as strings, so count by (enum, member)
    schemes = Counter((type(n.scheme), n.scheme) for n in graph.scheme_nodes.values())
    assert schemes == {
        (Support, Support.DEFAULT): supports,
        (Attack, Attack.DEFAULT): attacks + rejections,
        (Support, Support.CAUSE_TO_EFFECT): causal,
    }
    # every link is premise -> scheme node -> conclusion; a rejection's conflict -> claim
    assert len(graph.edges) == 2 * (supports + attacks + causal) + rejections
    assert loss_counts(losses)["causal mechanisms"] == causal
    assert loss_counts(losses)["topics"] == count(extended_store, "MATCH (t:Topic) RETURN count(t)")


def test_known_edges_survive(extended_store: Store) -> None:
    graph = _graph(exported(extended_store, "aif")[0])

    def ends(node_id: str) -> tuple[set[str], set[str]]:
        node = graph.scheme_nodes[node_id]
        incoming = {n.id for n in graph.incoming_nodes(node)}
        outgoing = {n.id for n in graph.outgoing_nodes(node)}
        return incoming, outgoing

    assert ends("sup-001") == ({"c-second-phase-provisions"}, {"c-second-phase-decisive-moment"})
    assert ends("att-001") == (
        {"c-agreement-designed-to-keep-war-open"},
        {"c-some-saw-turning-point-toward-peace"},
    )
    assert ends("cl-cost-to-israel-halts-second-phase") == (
        {"c-second-phase-would-impose-cost-on-israel"},
        {"c-second-phase-stopped"},
    )
    assert isinstance(graph.scheme_nodes["att-001"].scheme, Attack)


def test_locutions_anchor_every_assertion_with_speakers(extended_store: Store) -> None:
    document = json.loads(exported(extended_store, "aif")[0])
    by_id = {node["nodeID"]: node for node in document["nodes"]}
    types = Counter(node["type"] for node in document["nodes"])
    assertions = count(extended_store, "MATCH (:Source)-[a:ASSERTS]->(:Claim) RETURN count(a)")
    # one speaker locution per reported speaker: a `reports` appearance names its own,
    # an older reported_speech claim asserted outright has its ABOUT speakers
    reported = count(
        extended_store,
        "MATCH (:Source)-[a:ASSERTS]->(c:Claim) "
        "RETURN sum(CASE WHEN a.stance = 'reports' AND a.speaker IS NOT NULL THEN 1 "
        "WHEN c.type = 'reported_speech' THEN COUNT { (c)-[:ABOUT {role: 'speaker'}]->(:Actor) } "
        "ELSE 0 END)",
    )
    assert types["L"] == assertions + reported
    assert {loc["nodeID"] for loc in document["locutions"]} == {
        key for key, node in by_id.items() if node["type"] == "L"
    }
    # Trump's reported words: source locution -> YA -> Trump's locution -> YA -> the claim
    people = {p["participantID"]: p["firstname"] for p in document["participants"]}
    trump_locutions = [
        loc["nodeID"] for loc in document["locutions"] if people[loc["personID"]] == "Donald Trump"
    ]
    anchored = {e["toID"] for e in document["edges"] if e["fromID"] in trump_locutions}
    claims = {e["toID"] for e in document["edges"] if e["fromID"] in anchored}
    assert "c-trump-said-israel-must-finish" in claims
    assert "c-test-trump-said-deal-dead" in claims
    # every inference is anchored in a transition between locutions
    schemes = {key for key, node in by_id.items() if node["type"] in ("RA", "CA")}
    ta_targets = {
        e["toID"]
        for e in document["edges"]
        if by_id[e["fromID"]]["type"] == "YA" and e["toID"] in schemes
    }
    assert ta_targets == schemes


def test_one_source_exports_what_it_asserts(extended_store: Store) -> None:
    graph = _graph(exported(extended_store, "aif", SECOND)[0])
    assert set(graph.atom_nodes) == {
        "c-hostages-not-rescued",
        "c-test-trump-said-deal-dead",
        "c-test-talks-stalled",
    }
    assert set(graph.scheme_nodes) == {"sup-test-1", "att-test-1", "cl-test-dead-deal-stalls-talks"}
