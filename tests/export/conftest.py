"""Export fixtures: the seeded article plus a second source and analysts' evidence.

`extended_store` writes a second source (asserting one of the article's claims
and two of its own, with a support, an attack and a causal link) and evidence
that gives three claims a status, then removes exactly that on teardown and
checks the graph's counts are back to the seeded ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kb.db import Store
from kb.services import evidence as evidence_service
from kb.services import keys as key_service
from kb.services.stats import graph_stats
from tests.api.conftest import app, client, response_checker  # noqa: F401 (fixtures)

SECOND = "article-test-002"
SECOND_TEXT = (
    "A second test source. The hostages held in Gaza were not rescued, it says. "
    "Trump said the deal is dead. Because the deal is dead, talks stalled."
)
REFUTED = "c-second-phase-deliberately-stopped"
SUPPORTED = "c-hostages-not-rescued"
CONTESTED = "c-trump-said-israel-must-finish"
LINK = "cl-electoral-fear-drives-support-for-genocide"
ANALYST = "export-tester"
EVIDENCE_BASE = "https://evidence.example.org/export-test/"


def span(quote: str) -> dict[str, Any]:
    start = SECOND_TEXT.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote)}


WRITE_SECOND_SOURCE = """
MERGE (s:Source {id: $source_id})
SET s.title = 'A second test source', s.kind = 'test', s.text = $text,
    s.length = size($text), s.language = 'en', s.author = 'Test Author'
WITH s
UNWIND $claims AS row
MERGE (c:Claim {id: row.id})
  ON CREATE SET c.text = row.text, c.type = row.type, c.checkable = true
MERGE (s)-[a:ASSERTS {start: row.start}]->(c)
SET a.quote = row.quote, a.end = row.end, a.section = 'body'
WITH DISTINCT s
MATCH (said:Claim {id: 'c-test-trump-said-deal-dead'}),
      (stalled:Claim {id: 'c-test-talks-stalled'}),
      (hostages:Claim {id: 'c-hostages-not-rescued'}), (trump:Actor {id: 'trump'})
MERGE (said)-[:ABOUT {role: 'speaker'}]->(trump)
MERGE (said)-[sup:SUPPORTS {id: 'sup-test-1'}]->(stalled)
SET sup.source_id = s.id, sup += $link_span
MERGE (stalled)-[att:ATTACKS {id: 'att-test-1'}]->(hostages)
SET att.source_id = s.id, att += $link_span
MERGE (l:CausalLink {id: 'cl-test-dead-deal-stalls-talks'})
SET l.mechanism = 'A dead deal leaves nothing to talk about.'
MERGE (said)-[:CAUSE_OF]->(l)
MERGE (l)-[:LEADS_TO]->(stalled)
MERGE (s)-[r:ASSERTS_LINK {start: $link_span.start}]->(l)
SET r.quote = $link_span.quote, r.end = $link_span.end, r.section = 'body'
"""

REMOVE_WRITES = """
MATCH (n)
WHERE (n:EvidenceLink AND n.added_by = $analyst) OR (n:Event AND n.by = $analyst)
   OR (n:ApiKey AND n.name = $analyst) OR (n:Evidence AND n.url STARTS WITH $evidence_base)
   OR (n:Source AND n.id = $source_id) OR (n:Claim AND n.id STARTS WITH 'c-test-')
   OR (n:CausalLink AND n.id STARTS WITH 'cl-test-')
DETACH DELETE n
"""

REMOVE_LINKS = "MATCH ()-[r:SUPPORTS|ATTACKS]->() WHERE r.source_id = $source_id DELETE r"


def _write_second_source(store: Store) -> None:
    claims = [
        {
            "id": "c-hostages-not-rescued",
            "text": "",
            "type": "factual",
            **span("The hostages held in Gaza were not rescued"),
        },
        {
            "id": "c-test-trump-said-deal-dead",
            "text": "Trump said that the deal is dead.",
            "type": "reported_speech",
            **span("Trump said the deal is dead"),
        },
        {
            "id": "c-test-talks-stalled",
            "text": "The talks stalled.",
            "type": "factual",
            **span("talks stalled"),
        },
    ]
    link_span = span("Because the deal is dead, talks stalled.")
    store.write(
        lambda tx: tx.run(
            WRITE_SECOND_SOURCE,
            source_id=SECOND,
            text=SECOND_TEXT,
            claims=claims,
            link_span=link_span,
        ).consume()
    )


def _attach(
    store: Store,
    principal: key_service.Principal,
    kind: Any,
    target: str,
    url: str,
    stance: str,
    confidence: float,
) -> None:
    data = evidence_service.EvidenceInput(
        url=url,
        stance=stance,
        confidence=confidence,
        rationale="Test evidence.",
        title=f"Report at {url}",
        publisher="Example Monitor",
        published_on="2025-03-10",
    )
    evidence_service.attach_evidence(store, kind, target, data, principal)


@pytest.fixture()
def extended_store(seeded_store: Store) -> Iterator[Store]:
    """The seeded article + a second source + evidence on three claims and a causal link."""
    before = graph_stats(seeded_store)
    key = key_service.create_key(seeded_store, ANALYST, "analyst")
    principal = key_service.authenticate(seeded_store, f"Bearer {key}")
    try:
        _write_second_source(seeded_store)
        _attach(seeded_store, principal, "claim", REFUTED, EVIDENCE_BASE + "a", "refutes", 0.9)
        _attach(seeded_store, principal, "claim", SUPPORTED, EVIDENCE_BASE + "b", "supports", 0.8)
        _attach(seeded_store, principal, "claim", CONTESTED, EVIDENCE_BASE + "c", "supports", 0.6)
        _attach(seeded_store, principal, "claim", CONTESTED, EVIDENCE_BASE + "d", "refutes", 0.5)
        _attach(seeded_store, principal, "causal_link", LINK, EVIDENCE_BASE + "e", "supports", 0.7)
        yield seeded_store
    finally:
        seeded_store.write(lambda tx: tx.run(REMOVE_LINKS, source_id=SECOND).consume())
        seeded_store.write(
            lambda tx: tx.run(
                REMOVE_WRITES, source_id=SECOND, analyst=ANALYST, evidence_base=EVIDENCE_BASE
            ).consume()
        )
    assert graph_stats(seeded_store) == before
