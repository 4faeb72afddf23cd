"""The curated graph of article-001 keeps the domain's promises."""

from __future__ import annotations

import hashlib

from kb.config import CORPUS_DIR
from kb.db import Store, records

ARTICLE_SHA256 = "b9c7598000e1fa7f2e0081d973eb5036ff4d9039211c5ea3950d8c95430d1aad"
FOOTER_START = 6485  # "Our Website don’t survive without you." and what follows
CLAIM_TYPES = {"factual", "causal", "interpretive", "predictive", "normative", "reported_speech"}


def one(store: Store, query: str, **params: object) -> dict:  # type: ignore[type-arg]
    rows = store.read(records, query, **params)
    assert len(rows) == 1, rows
    return rows[0]


def test_source_text_is_the_article_byte_for_byte(seeded_store: Store) -> None:
    source = one(seeded_store, "MATCH (s:Source {id: 'article-001'}) RETURN s {.*} AS s")["s"]
    corpus_text = (CORPUS_DIR / "article-001.txt").read_text(encoding="utf-8")
    assert source["text"] == corpus_text
    assert hashlib.sha256(source["text"].encode("utf-8")).hexdigest() == ARTICLE_SHA256
    assert source["sha256"] == ARTICLE_SHA256
    assert source["length"] == len(corpus_text)


def test_unknown_metadata_is_absent_with_an_open_slot(seeded_store: Store) -> None:
    row = one(
        seeded_store,
        "MATCH (s:Source {id: 'article-001'}) "
        "OPTIONAL MATCH (s)-[:HAS_SLOT]->(slot:EvidenceSlot {status: 'open'}) "
        "RETURN s.author AS author, s.publisher AS publisher, s.published_on AS date, "
        "s.url AS url, collect(slot.field) AS open_fields",
    )
    assert (row["author"], row["publisher"], row["date"], row["url"]) == (None,) * 4
    assert set(row["open_fields"]) == {"author", "publisher", "published_on", "url"}


def test_every_assertion_quote_is_exactly_its_offsets(seeded_store: Store) -> None:
    rows = seeded_store.read(
        records,
        "MATCH (s:Source)-[a:ASSERTS|ASSERTS_LINK]->(x) "
        "RETURN s.text AS text, x.id AS id, a.quote AS quote, a.start AS start, a.end AS end",
    )
    assert len(rows) >= 60
    wrong = [r["id"] for r in rows if r["text"][r["start"] : r["end"]] != r["quote"]]
    assert wrong == []


def test_link_quotes_are_exactly_their_offsets(seeded_store: Store) -> None:
    rows = seeded_store.read(
        records,
        "MATCH (s:Source)-[:ASSERTS]->(:Claim)-[r:SUPPORTS|ATTACKS]->(:Claim) "
        "WHERE r.source_id = s.id "
        "RETURN DISTINCT r.id AS id, s.text AS text, r.quote AS quote, r.start AS start, "
        "r.end AS end",
    )
    assert len(rows) >= 21
    assert [r["id"] for r in rows if r["text"][r["start"] : r["end"]] != r["quote"]] == []


def test_every_claim_is_asserted_by_a_source(seeded_store: Store) -> None:
    row = one(
        seeded_store,
        "MATCH (c:Claim) WHERE NOT (:Source)-[:ASSERTS]->(c) RETURN collect(c.id) AS orphans",
    )
    assert row["orphans"] == []


def test_claims_are_typed_and_there_are_enough_of_them(seeded_store: Store) -> None:
    rows = seeded_store.read(
        records, "MATCH (c:Claim) RETURN c.type AS type, c.checkable AS checkable, c.text AS text"
    )
    assert 60 <= len(rows) <= 130
    assert {r["type"] for r in rows} <= CLAIM_TYPES
    assert all(isinstance(r["checkable"], bool) for r in rows)
    assert all(r["text"] and len(r["text"]) < 400 for r in rows)


def test_every_checkable_claim_and_causal_link_has_a_slot(seeded_store: Store) -> None:
    row = one(
        seeded_store,
        "MATCH (x) WHERE ((x:Claim AND x.checkable) OR x:CausalLink) "
        "AND NOT (x)-[:HAS_SLOT]->(:EvidenceSlot) RETURN collect(x.id) AS missing",
    )
    assert row["missing"] == []


def test_nothing_is_anchored_in_the_donation_footer(seeded_store: Store) -> None:
    row = one(
        seeded_store,
        "MATCH (:Source {id: 'article-001'})-[a:ASSERTS|ASSERTS_LINK]->() "
        "RETURN max(a.end) AS last_end",
    )
    assert row["last_end"] <= FOOTER_START
    links = one(
        seeded_store,
        "MATCH ()-[r:SUPPORTS|ATTACKS]->() RETURN max(r.end) AS last_end",
    )
    assert links["last_end"] <= FOOTER_START


def test_trump_statements_are_reported_by_the_article_as_his(seeded_store: Store) -> None:
    """Since revision 3 the claim is the content; the article's appearance reports Trump."""
    rows = seeded_store.read(
        records,
        "MATCH (c:Claim)-[:ABOUT {role: 'speaker'}]->(:Actor {id: 'trump'}) "
        "MATCH (:Source)-[a:ASSERTS {stance: 'reports', speaker: 'trump'}]->(c) "
        "OPTIONAL MATCH (c)-[:HAS_SLOT]->(slot:EvidenceSlot {status: 'open'}) "
        "RETURN c.id AS id, a.quote AS quote, count(slot) AS open_slots",
    )
    quotes = " ".join(r["quote"] for r in rows)
    for statement in (
        "Israel must finish the problem in Gaza",
        "eliminating Hamas is essential",
        "Hamas is the only obstacle to the deal",
    ):
        assert statement in quotes
    assert all(r["open_slots"] >= 1 for r in rows)
    assert {r["id"] for r in rows} >= {"c-trump-said-israel-must-finish", "c-trump-demands-calm"}


def test_argument_structure_has_supports_attacks_and_causal_links(seeded_store: Store) -> None:
    row = one(
        seeded_store,
        "RETURN COUNT { ()-[:SUPPORTS]->() } AS supports, COUNT { ()-[:ATTACKS]->() } AS attacks, "
        "COUNT { (:Claim)-[:CAUSE_OF]->(:CausalLink)-[:LEADS_TO]->(:Claim) } AS causal, "
        "COUNT { (l:CausalLink) WHERE NOT (:Source)-[:ASSERTS_LINK]->(l) } AS unasserted_links",
    )
    assert row["supports"] >= 20
    assert row["attacks"] >= 1
    assert row["causal"] >= 15
    assert row["unasserted_links"] == 0


def test_actors_have_aliases_and_claims(seeded_store: Store) -> None:
    rows = seeded_store.read(
        records,
        "MATCH (a:Actor) RETURN a.id AS id, a.aliases AS aliases, a.kind AS kind, "
        "COUNT { (:Claim)-[:ABOUT]->(a) } AS claims",
    )
    by_id = {r["id"]: r for r in rows}
    for actor in ("israel", "netanyahu", "hamas", "united-states", "trump", "united-nations"):
        assert actor in by_id
    assert {"Washington", "America"} <= set(by_id["united-states"]["aliases"])
    assert [r["id"] for r in rows if r["claims"] == 0] == []
