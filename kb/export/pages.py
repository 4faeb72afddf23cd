"""One page of rows to its bytes, per format: what the formatter process runs.

Each function takes plain data (rows as the repository reads them, and the little
context a page needs) and returns bytes, so both go between processes by pickle.
"""

from __future__ import annotations

from typing import Any

from kb.export import aif, graphml
from kb.models import ClaimType
from kb.schema import RelKind

Rows = list[dict[str, Any]]


def graphml_nodes(label: str, rows: Rows, node_types: dict[str, str]) -> bytes:
    return "".join(graphml.nodes(label, rows, node_types)).encode("utf-8")


def graphml_edges(kind: RelKind, rows: Rows, edge_types: dict[str, str], number: int) -> bytes:
    """The page's relationships as `<edge>`s numbered from `number`."""
    rels = [rel for row in rows for rel in row["rels"]]
    edges = graphml.edges((kind.type, kind.start, kind.end), rels, edge_types, number)
    return "".join(edges).encode("utf-8")


def aif_claims(rows: Rows, names: dict[str, str], stamp: str) -> tuple[aif.Encoded, dict[str, str]]:
    """The page's claims as AIF, and the speakers they name (id -> name)."""
    page = aif.Parts()
    speakers: dict[str, str] = {}
    for row in rows:
        page.add(aif.claim_parts(row, names, stamp))
        if row["type"] == ClaimType.reported_speech:
            speakers.update({s["id"]: s["name"] for s in row["speakers"]})
        # a `reports` appearance's speaker has a locution too, so is a participant
        speakers.update(
            {
                a["speaker"]["id"]: a["speaker"]["name"]
                for a in row["assertions"]
                if a["stance"] == "reports" and a["speaker"]
            }
        )
    return aif.encode(page), speakers


def aif_arguments(rows: Rows, kind: RelKind, stamp: str) -> tuple[aif.Encoded, dict[str, str]]:
    page = aif.Parts()
    for row in rows:
        page.add(aif.argument_parts(row, kind, stamp))
    return aif.encode(page), {}


def aif_causal(rows: Rows, stamp: str) -> tuple[aif.Encoded, dict[str, str]]:
    page = aif.Parts()
    for row in rows:
        page.add(aif.causal_parts(row, stamp))
    return aif.encode(page), {}
