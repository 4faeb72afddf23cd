"""A small second source for the tests of questions that need several sources.

Written by the tests with Cypher (a tests-only statement, values as
parameters), on top of the seeded article: a fictional wire report that
asserts two of the article's claims (shared), one claim of its own that
attacks an article claim (`att-test-001`), and a support link of its own
(`sup-test-001`, from an article claim). The conftest puts the seeded graph back after the test.
"""

from __future__ import annotations

import hashlib
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from kb.db import Store
from kb.derived.full import recompute_all

SOURCE_ID = "test-wire-001"
OWN_CLAIM = "c-test-phase-two-technical-stall"
SHARED = ("c-hostages-not-rescued", "c-some-saw-turning-point-toward-peace")
ATTACKED = "c-second-phase-deliberately-stopped"  # asserted by the article
PREMISE = "c-second-phase-provisions"  # an article claim the wire's support link starts from

TEXT = (
    "Wire report (fictional sample written for the tests). "
    "Some observers saw the ceasefire as a turning point toward peace. "
    "The hostages held in Gaza were not rescued, officials said. "
    "Mediators said the second phase stalled over unresolved technical issues."
)

_QUOTES = {
    "c-some-saw-turning-point-toward-peace": "saw the ceasefire as a turning point toward peace",
    "c-hostages-not-rescued": "The hostages held in Gaza were not rescued",
    OWN_CLAIM: "the second phase stalled over unresolved technical issues",
}

WRITE_SECOND_SOURCE: LiteralString = """
CREATE (s:Source {id: $source.id, title: $source.title, kind: 'wire', text: $source.text,
                  sha256: $source.sha256, length: $source.length, language: 'en'})
CREATE (own:Claim:Factual {id: $own.id, text: $own.text, type: 'factual', checkable: true})
WITH s
UNWIND $assertions AS row
MATCH (c:Claim {id: row.claim})
CREATE (s)-[:ASSERTS {quote: row.quote, start: row.start, end: row.end, section: 'body',
                    stance: 'asserts'}]->(c)
WITH DISTINCT s
UNWIND $links AS link
MATCH (a:Claim {id: link.from}), (b:Claim {id: link.to})
FOREACH (_ IN CASE WHEN link.kind = 'attacks' THEN [1] ELSE [] END |
  CREATE (a)-[r:ATTACKS]->(b) SET r = link.props)
FOREACH (_ IN CASE WHEN link.kind = 'supports' THEN [1] ELSE [] END |
  CREATE (a)-[r:SUPPORTS]->(b) SET r = link.props)
"""


def _span(quote: str) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote)}


def _link(link_id: str, quote: str) -> dict[str, Any]:
    return {
        "id": link_id,
        "source_id": SOURCE_ID,
        "basis": "curator",
        "marker": None,
        "rationale": "Written by the tests.",
        **_span(quote),
    }


def write_second_source(store: Store) -> None:
    """Add the wire report, its assertions and its two links."""
    store.write(_write)
    recompute_all(store)  # as a seed run does: its claims get stored status and standing


def _write(tx: ManagedTransaction) -> None:
    source = {
        "id": SOURCE_ID,
        "title": "Wire report (test sample)",
        "text": TEXT,
        "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        "length": len(TEXT),
    }
    own = {"id": OWN_CLAIM, "text": "The second phase stalled over technical issues."}
    assertions = [{"claim": claim, **_span(quote)} for claim, quote in _QUOTES.items()]
    stall = _QUOTES[OWN_CLAIM]
    links = [
        {
            "kind": "attacks",
            "from": OWN_CLAIM,
            "to": ATTACKED,
            "props": _link("att-test-001", stall),
        },
        {
            "kind": "supports",
            "from": PREMISE,
            "to": OWN_CLAIM,
            "props": _link("sup-test-001", stall),
        },
    ]
    tx.run(
        WRITE_SECOND_SOURCE, source=source, own=own, assertions=assertions, links=links
    ).consume()
