"""Store access for `kb import`: existing ids, current state, match candidates."""

from __future__ import annotations

from typing import Any, LiteralString

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.annotation import (
    IMPORT_ACTORS_STATE_QUERY,
    IMPORT_CAUSAL_FIELDS_STATE_QUERY,
    IMPORT_CLAIMS_STATE_QUERY,
    IMPORT_EXISTING_AMONG_QUERY,
    IMPORT_EXISTING_IDS_QUERY,
    IMPORT_LINK_FIELDS_STATE_QUERY,
    IMPORT_MATCH_CLAIM_TEXT_QUERY,
    IMPORT_MATCH_CLAIM_TEXTS_QUERY,
    IMPORT_MATCH_QUOTE_QUERY,
    IMPORT_MATCH_QUOTES_QUERY,
    IMPORT_MATCH_WEIGHT_TEXTS_QUERY,
    IMPORT_RETIRED_AMONG_QUERY,
    IMPORT_SLOTS_STATE_QUERY,
    IMPORT_SOURCE_STATE_QUERY,
    IMPORT_SUPERSEDED_CAUSAL_STATE_QUERY,
    IMPORT_TOPICS_STATE_QUERY,
)


def existing_ids(tx: ManagedTransaction) -> dict[str, list[str]]:
    """Every claim, actor, topic, causal link and support/attack id."""
    return records(tx, IMPORT_EXISTING_IDS_QUERY)[0]


def existing_among(tx: ManagedTransaction, ids: list[str]) -> dict[str, list[str]]:
    """Which of `ids` are claims, actors, topics, causal links or support/attack ids."""
    return records(tx, IMPORT_EXISTING_AMONG_QUERY, ids=sorted(set(ids)))[0]


def retired_among(tx: ManagedTransaction, ids: list[str]) -> dict[str, str]:
    """Which of `ids` are retired claims, each with where: `revision N of SOURCE`."""
    return {
        row["id"]: f"revision {row['revision']} of {row['source_id']}"
        for row in records(tx, IMPORT_RETIRED_AMONG_QUERY, ids=sorted(set(ids)))
    }


def current_state(tx: ManagedTransaction, ids: dict[str, Any]) -> dict[str, Any]:
    """What the database holds for the ids a file writes, keyed as `kb.annotation.diff` reads it."""
    existing = existing_among(tx, [*ids["link_ids"], *ids["causal_ids"]])

    def rows(query: LiteralString, key: str) -> list[Any]:
        return [row["row"] for row in records(tx, query, ids=ids[key])]

    source = records(tx, IMPORT_SOURCE_STATE_QUERY, source_id=ids["source_id"])
    links = set(existing["links"])
    causal = set(existing["causal_links"]) | set(
        rows(IMPORT_SUPERSEDED_CAUSAL_STATE_QUERY, "causal_ids")
    )
    return {
        "claims": rows(IMPORT_CLAIMS_STATE_QUERY, "claim_ids"),
        "actors": rows(IMPORT_ACTORS_STATE_QUERY, "actor_ids"),
        "topics": rows(IMPORT_TOPICS_STATE_QUERY, "topic_ids"),
        "slots": rows(IMPORT_SLOTS_STATE_QUERY, "slot_ids"),
        "links": [link for link in ids["link_ids"] if link in links],
        "causal_links": [link for link in ids["causal_ids"] if link in causal],
        "link_fields": {
            row["id"]: row
            for row in [
                *rows(IMPORT_LINK_FIELDS_STATE_QUERY, "link_ids"),
                *rows(IMPORT_CAUSAL_FIELDS_STATE_QUERY, "causal_ids"),
            ]
        },
        "source_sha256": source[0]["sha256"] if source else None,
        "assertions": source[0]["assertions"] if source else [],
    }


def claim_text_hits(tx: ManagedTransaction, search: str, limit: int) -> list[dict[str, Any]]:
    return records(tx, IMPORT_MATCH_CLAIM_TEXT_QUERY, search=search, limit=limit)


def quote_hits(tx: ManagedTransaction, search: str, limit: int) -> list[dict[str, Any]]:
    return records(tx, IMPORT_MATCH_QUOTE_QUERY, search=search, limit=limit)


def claim_texts(tx: ManagedTransaction, limit: int) -> list[str]:
    """The texts of the first `limit` claims by id (the matcher's word weights)."""
    return [str(row["text"]) for row in records(tx, IMPORT_MATCH_WEIGHT_TEXTS_QUERY, limit=limit)]


def text_hits_each(
    tx: ManagedTransaction, searches: list[str], limit: int
) -> list[list[dict[str, Any]]]:
    """`claim_text_hits` for each search, in one statement."""
    return _each(tx, IMPORT_MATCH_CLAIM_TEXTS_QUERY, searches, limit)


def quote_hits_each(
    tx: ManagedTransaction, searches: list[str], limit: int
) -> list[list[dict[str, Any]]]:
    """`quote_hits` for each search, in one statement."""
    return _each(tx, IMPORT_MATCH_QUOTES_QUERY, searches, limit)


def _each(
    tx: ManagedTransaction, query: LiteralString, searches: list[str], limit: int
) -> list[list[dict[str, Any]]]:
    hits: list[list[dict[str, Any]]] = [[] for _ in searches]
    if searches:
        for row in records(tx, query, searches=searches, limit=limit):
            hits[row["at"]] = row["hits"]
    return hits
