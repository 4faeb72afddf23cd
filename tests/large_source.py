"""A generated source of 500 claims for the explorer's whole-map test (tests only).

Ten sections of 50 claims; in each, claim k supports claim (k - 1) // 3 (a tree with the
section's conclusion at its root), every seventh claim attacks a neighbour, and each
section's conclusion supports the next section's. Written with one parameterised statement;
the conftest puts the seeded graph back after the test.
"""

from __future__ import annotations

import hashlib
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from kb.db import Store

SOURCE_ID = "test-map-500"
SECTIONS = 10
PER_SECTION = 50
CLAIMS = SECTIONS * PER_SECTION

WRITE_LARGE_SOURCE: LiteralString = """
CREATE (s:Source {id: $source.id, title: $source.title, kind: 'report', text: $source.text,
                  sha256: $source.sha256, length: $source.length, language: 'en'})
WITH s
UNWIND $claims AS row
CREATE (c:Claim:Factual {id: row.id, text: row.text, type: 'factual', checkable: true,
                         status: 'unverified', standing: 'intact'})
CREATE (s)-[:ASSERTS {quote: row.text, start: row.start, end: row.end, section: row.section,
                      stance: 'asserts'}]->(c)
WITH DISTINCT s
UNWIND $links AS link
MATCH (a:Claim {id: link.from}), (b:Claim {id: link.to})
FOREACH (_ IN CASE WHEN link.kind = 'attacks' THEN [1] ELSE [] END |
  CREATE (a)-[r:ATTACKS]->(b) SET r = link.props)
FOREACH (_ IN CASE WHEN link.kind = 'supports' THEN [1] ELSE [] END |
  CREATE (a)-[r:SUPPORTS]->(b) SET r = link.props)
"""


def _claim_id(section: int, k: int) -> str:
    return f"c-map500-{section:02d}-{k:02d}"


def _rows() -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    sentences: list[str] = []
    claims: list[dict[str, Any]] = []
    offset = 0
    for section in range(SECTIONS):
        for k in range(PER_SECTION):
            text = f"In part {section + 1}, finding {k + 1} holds for district {section * 100 + k}."
            claims.append(
                {
                    "id": _claim_id(section, k),
                    "text": text,
                    "start": offset,
                    "end": offset + len(text),
                    "section": f"part-{section + 1:02d}",
                }
            )
            sentences.append(text)
            offset += len(text) + 1
    links: list[dict[str, Any]] = []

    def link(kind: str, a: str, b: str) -> None:
        number = len(links) + 1
        props = {"id": f"map500-{number:04d}", "source_id": SOURCE_ID, "basis": "curator"}
        links.append({"kind": kind, "from": a, "to": b, "props": props})

    for section in range(SECTIONS):
        for k in range(1, PER_SECTION):
            link("supports", _claim_id(section, k), _claim_id(section, (k - 1) // 3))
            if k % 7 == 0:
                link("attacks", _claim_id(section, k), _claim_id(section, k - 1))
        if section + 1 < SECTIONS:
            link("supports", _claim_id(section, 0), _claim_id(section + 1, 0))
    return " ".join(sentences), claims, links


def write_large_source(store: Store) -> None:
    """Add the 500-claim source with its links."""
    store.write(_write)


def _write(tx: ManagedTransaction) -> None:
    text, claims, links = _rows()
    source = {
        "id": SOURCE_ID,
        "title": "A generated report of 500 claims (test sample)",
        "text": text,
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "length": len(text),
    }
    tx.run(WRITE_LARGE_SOURCE, source=source, claims=claims, links=links).consume()
