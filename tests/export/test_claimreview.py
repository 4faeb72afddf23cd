"""ClaimReview: JSON-LD that pyld expands offline with the shipped schema.org context."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pyld import jsonld

from kb.db import Store
from kb.export.claimreview import CONTEXT_FILE, CONTEXT_URL
from tests.export.conftest import CONTESTED, REFUTED, SECOND, SUPPORTED
from tests.export.helpers import count, exported, loss_counts, value

S = "http://schema.org/"
CONTEXT = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Serve the shipped context for schema.org; refuse anything else (no network)."""
    if url.rstrip("/") in (CONTEXT_URL.rstrip("/"), "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise AssertionError(f"the test must not fetch {url}")


def expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    return jsonld.expand(document, {"documentLoader": offline_loader})


def reviews_by_claim(expanded: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = {}
    for node in expanded:
        assert node["@type"] == [S + "ClaimReview"]
        claim = node[S + "itemReviewed"][0]
        found[claim["@id"].removeprefix("urn:kb:claim:")] = node
    return found


def test_reviews_expand_offline_with_status_author_and_citations(extended_store: Store) -> None:
    text, losses = exported(extended_store, "claimreview")
    reviews = reviews_by_claim(expand(json.loads(text)))
    assert set(reviews) == {REFUTED, SUPPORTED, CONTESTED}
    rating = {
        key: node[S + "reviewRating"][0][S + "alternateName"][0]["@value"]
        for key, node in reviews.items()
    }
    assert rating == {REFUTED: "refuted", SUPPORTED: "supported", CONTESTED: "contested"}
    contested = reviews[CONTESTED]
    claim = contested[S + "itemReviewed"][0]
    assert claim["@type"] == [S + "Claim"]
    assert claim[S + "author"][0][S + "name"][0]["@value"] == "Donald Trump"
    # the article only reports Trump's words (revision 3): no source commits to the claim
    assert claim.get(S + "appearance", []) == []
    cited = sorted(c[S + "url"][0]["@id"] for c in contested[S + "citation"])
    assert cited == [
        "https://evidence.example.org/export-test/c",
        "https://evidence.example.org/export-test/d",
    ]
    claim_text = value(extended_store, "MATCH (c:Claim {id: $id}) RETURN c.text", id=CONTESTED)
    assert contested[S + "claimReviewed"][0]["@value"] == claim_text
    # the hostages claim appears in both sources; the second names its author
    appearances = reviews[SUPPORTED][S + "itemReviewed"][0][S + "appearance"]
    assert {a["@id"] for a in appearances} == {
        "urn:kb:source:article-001",
        f"urn:kb:source:{SECOND}",
    }
    report = loss_counts(losses)
    claims = count(extended_store, "MATCH (c:Claim) RETURN count(c)")
    assert report["claims without an evidence-based status"] == claims - 3
    assert report["causal links with an evidence-based status"] == 1
    assert report["evidence stance, confidence and rationale"] == 4


def test_every_term_used_is_defined_by_the_shipped_context(extended_store: Store) -> None:
    document = json.loads(exported(extended_store, "claimreview")[0])
    terms = set(CONTEXT["@context"])
    used: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            used.update(key for key in node if not key.startswith("@"))
            used.update(v for k, v in node.items() if k == "@type")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(document["@graph"])
    assert used and used <= terms, used - terms


@pytest.mark.parametrize(
    ("source_id", "expected"),
    [(SECOND, {SUPPORTED}), ("article-001", {REFUTED, SUPPORTED, CONTESTED})],
)
def test_one_source_reviews_only_its_claims(
    extended_store: Store, source_id: str, expected: set[str]
) -> None:
    text, _losses = exported(extended_store, "claimreview", source_id)
    assert set(reviews_by_claim(expand(json.loads(text)))) == expected
