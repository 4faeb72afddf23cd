"""Store access for the import trial's bounded lint: rows around given claims."""

from __future__ import annotations

from collections.abc import Iterable

from neo4j import ManagedTransaction

from kb.db import records
from kb.lint.rows import ClaimRow, LinkRow
from kb.queries.lint_region import (
    DEPENDENCIES_IN_QUERY,
    DEPENDENCIES_OUT_QUERY,
    REGION_CLAIMS_QUERY,
    REGION_LINKS_QUERY,
    REGION_SEEDS_QUERY,
    REGION_SOURCE_TEXTS_QUERY,
)
from kb.repositories.lint import _link_row, claim_row

CHUNK = 5000  # ids per statement


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(set(ids))
    for at in range(0, len(ordered), CHUNK):
        yield ordered[at : at + CHUNK]


def seed_claims(tx: ManagedTransaction, source_id: str, link_ids: Iterable[str]) -> set[str]:
    """Claims the source asserts and the ends of the links with these ids, as stored."""
    found: set[str] = set()
    for chunk in _chunks(link_ids) if link_ids else [[]]:
        rows = records(tx, REGION_SEEDS_QUERY, source_id=source_id, link_ids=chunk)
        found.update(rows[0]["ids"])
    return found


def links_around(tx: ManagedTransaction, claim_ids: Iterable[str]) -> list[LinkRow]:
    """Every support, attack and causal link with an end among the claims."""
    links: dict[tuple[str, str, str], LinkRow] = {}
    for chunk in _chunks(claim_ids):
        for row in records(tx, REGION_LINKS_QUERY, ids=chunk):
            link = _link_row(row)
            links[(link.id, link.from_id, link.to_id)] = link
    return list(links.values())


def claims_with_ids(tx: ManagedTransaction, claim_ids: Iterable[str]) -> list[ClaimRow]:
    """The claims with these ids, each span checked against its source's text."""
    raw = [
        row for chunk in _chunks(claim_ids) for row in records(tx, REGION_CLAIMS_QUERY, ids=chunk)
    ]
    sources = {a["source"] for row in raw for a in row["assertions"]}
    texts = {
        row["id"]: row["text"]
        for chunk in _chunks(s for s in sources if s)
        for row in records(tx, REGION_SOURCE_TEXTS_QUERY, ids=chunk)
    }
    claims = []
    for row in raw:
        claims.append(claim_row(row, texts))
    return claims


def dependency_step(
    tx: ManagedTransaction, claim_ids: Iterable[str], forward: bool
) -> list[LinkRow]:
    """The support and causal edges out of (`forward`) or into the claims."""
    query = DEPENDENCIES_OUT_QUERY if forward else DEPENDENCIES_IN_QUERY
    return [LinkRow(**row) for chunk in _chunks(claim_ids) for row in records(tx, query, ids=chunk)]
