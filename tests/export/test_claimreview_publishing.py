"""ClaimReview as a publisher puts it on the web: Google's fields, stable bytes, a feed.

GOOGLE_FIELDS is the field list of Google's fact-check documentation
(https://developers.google.com/search/docs/appearance/structured-data/factcheck,
"Structured data type definitions"; tabulated by Full Fact in
https://fullfact.github.io/markup-investigation/docs/notes/01-basic-usage/).
The test runs offline: the list is written down here, not fetched.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kb.config import Settings
from kb.db import Store
from kb.export.claimreview import EMPTY_NOTE
from kb.export.publisher import Publisher
from tests.api.openapi_check import CheckedClient
from tests.export.conftest import CONTESTED, REFUTED, SECOND, SUPPORTED
from tests.integration.test_cli import run_kb

REQUIRED = "required"
RECOMMENDED = "recommended"
GOOGLE_FIELDS: dict[str, dict[str, str]] = {
    "ClaimReview": {
        "claimReviewed": REQUIRED,
        "reviewRating": REQUIRED,
        "url": REQUIRED,
        "author": RECOMMENDED,
        "datePublished": RECOMMENDED,
        "itemReviewed": RECOMMENDED,
    },
    "Claim": {
        "appearance": RECOMMENDED,
        "author": RECOMMENDED,
        "datePublished": RECOMMENDED,  # when the claim entered public discourse
        "firstAppearance": RECOMMENDED,
    },
    "Rating": {
        "alternateName": REQUIRED,
        "bestRating": RECOMMENDED,
        "name": RECOMMENDED,
        "ratingValue": RECOMMENDED,
        "worstRating": RECOMMENDED,
    },
}
PUBLISHER = Publisher(
    name="Example Fact Checks",
    url="https://checks.example.org/",
    logo="https://checks.example.org/logo.png",
    public_base_url="https://kb.example.org",
)
SOURCE_DATE = "2025-02-01"


@pytest.fixture()
def dated_store(extended_store: Store) -> Iterator[Store]:
    """The extended graph with the second source's publication date recorded (the
    fixture's teardown removes that source)."""
    extended_store.write(
        lambda tx: tx.run(
            "MATCH (s:Source {id: $id}) SET s.published_on = $date", id=SECOND, date=SOURCE_DATE
        ).consume()
    )
    yield extended_store


def published(store: Store, publisher: Publisher | None = PUBLISHER) -> tuple[str, Any]:
    from kb.services import export as export_service

    prepared = export_service.export(store, "claimreview", None, publisher or Publisher())
    return b"".join(prepared.body).decode("utf-8"), prepared.losses


def missing_fields(node: dict[str, Any], type_name: str) -> list[str]:
    assert node["@type"] == type_name
    return [f"{type_name}.{name}" for name in GOOGLE_FIELDS[type_name] if not node.get(name)]


def authored(work: dict[str, Any]) -> bool:
    return bool(work.get("author") or work.get("publisher"))


def speaker_of(store: Store, claim_id: str) -> bool:
    query = "RETURN EXISTS { (:Claim {id: $id})-[:ABOUT {role: 'speaker'}]->(:Actor) }"
    return bool(store.read(lambda tx: tx.run(query, id=claim_id).single()[0]))


def test_every_review_has_googles_required_and_recommended_fields(dated_store: Store) -> None:
    document = json.loads(published(dated_store)[0])
    reviews = {
        item["itemReviewed"]["@id"].removeprefix("urn:kb:claim:"): item
        for item in document["@graph"]
    }
    assert set(reviews) == {REFUTED, SUPPORTED, CONTESTED}
    for claim_id, item in reviews.items():
        claim = item["itemReviewed"]
        gaps = missing_fields(item, "ClaimReview") + missing_fields(item["reviewRating"], "Rating")
        gaps += missing_fields(claim, "Claim")
        # who made a claim, and when, the graph knows only where a source that asserts it
        # records its author (or the claim is reported speech) and its date
        works = claim.get("appearance", [])
        # a claim no source commits to (only reported: the article reports Trump) has no
        # appearance, so none first either
        unknown = [
            *([] if works else ["Claim.appearance"]),
            *(
                []
                if speaker_of(dated_store, claim_id) or any(authored(w) for w in works)
                else ["Claim.author"]
            ),
            *([] if any(w.get("datePublished") for w in works) else ["Claim.datePublished"]),
            *([] if works else ["Claim.firstAppearance"]),
        ]
        assert gaps == unknown, claim_id
        assert item["url"] == f"https://kb.example.org/#claim={claim_id}"
        assert item["author"] == {
            "@type": "Organization",
            "name": "Example Fact Checks",
            "url": "https://checks.example.org/",
            "logo": "https://checks.example.org/logo.png",
        }
        assert item["contributor"] == [{"@type": "Person", "name": "export-tester"}]
        assert item["datePublished"] <= item["dateModified"]
        assert item["author"].get("name") or item["author"].get("url")  # Google: one of them
    supported = reviews[SUPPORTED]["itemReviewed"]
    assert supported["datePublished"] == SOURCE_DATE
    assert supported["firstAppearance"]["@id"] == f"urn:kb:source:{SECOND}"
    assert len(supported["appearance"]) == 2


def test_an_unchanged_graph_exports_the_same_bytes(dated_store: Store) -> None:
    first, _losses = published(dated_store)
    second, _losses = published(dated_store)
    assert first == second


def test_the_dates_come_from_when_evidence_was_attached(dated_store: Store) -> None:
    stamps = dated_store.read(
        lambda tx: tx.run(
            "MATCH (l:EvidenceLink)-[:BEARS_ON]->(:Claim {id: $id}) RETURN max(l.added_at)",
            id=CONTESTED,
        ).single()[0]
    )
    document = json.loads(published(dated_store)[0])
    contested = next(i for i in document["@graph"] if i["@id"].endswith(CONTESTED))
    # contested since its refuting link joined the supporting one: the later of the two
    assert contested["datePublished"] == stamps[:19] + "Z"
    assert contested["dateModified"] == contested["datePublished"]


def test_without_publisher_settings_the_loss_report_says_so(extended_store: Store) -> None:
    text, losses = published(extended_store, None)
    report = {loss.kind: loss for loss in losses}
    missing = report["reviews without publisher settings"]
    assert missing.count == 3
    assert "KB_PUBLISHER_NAME and KB_PUBLIC_BASE_URL not set" in missing.note
    item = json.loads(text)["@graph"][0]
    assert "url" not in item
    assert item["author"] == [{"@type": "Person", "name": "export-tester"}]


def test_cli_says_why_an_export_without_evidence_is_empty(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "reviews.jsonld"
    result = run_kb(neo4j_settings, "export", "claimreview", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["@graph"] == []
    assert EMPTY_NOTE in result.stderr
    assert "reviews without publisher settings: 0; KB_PUBLISHER_NAME" in result.stderr


def test_cli_options_set_the_publisher(
    extended_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "reviews.jsonld"
    options = ["--publisher-name", "CLI Checks", "--public-base-url", "https://cli.example.org"]
    result = run_kb(neo4j_settings, "export", "claimreview", "--out", str(out), *options)
    assert result.returncode == 0, result.stderr
    item = json.loads(out.read_text(encoding="utf-8"))["@graph"][0]
    assert item["author"] == {"@type": "Organization", "name": "CLI Checks"}
    assert item["url"].startswith("https://cli.example.org/#claim=")
    assert "publisher settings" not in result.stderr
    # piped, progress is a plain line on stderr (a bar only on a terminal)
    assert "exporting claimreview: done (" in result.stderr
    bad = run_kb(neo4j_settings, "export", "claimreview", "--public-base-url", "nope")
    assert bad.returncode != 0
    assert "KB_PUBLIC_BASE_URL must be an absolute http(s) URL" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_the_api_serves_a_feed_with_validators(
    extended_store: Store, client: CheckedClient
) -> None:
    app = client.application
    saved = app.config["KB_PUBLISHER"]
    app.config["KB_PUBLISHER"] = PUBLISHER
    try:
        response = client.get("/api/v1/export/claimreview")
        assert response.status_code == 200
        etag = response.headers["ETag"]
        assert response.headers["Last-Modified"]
        assert response.headers["Cache-Control"] == "no-cache"
        assert json.loads(response.headers["X-Export-Loss"])  # still reports its losses
        again = client.get("/api/v1/export/claimreview")
        assert again.headers["ETag"] == etag and again.get_data() == response.get_data()
        cached = client.get("/api/v1/export/claimreview", headers={"If-None-Match": etag})
        assert cached.status_code == 304 and cached.get_data() == b""
        stale = client.get("/api/v1/export/claimreview", headers={"If-None-Match": '"other"'})
        assert stale.status_code == 200
    finally:
        app.config["KB_PUBLISHER"] = saved
