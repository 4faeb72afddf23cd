"""schema.org ClaimReview (JSON-LD), as fact-checkers and search engines read it.

Only claims with an evidence-based status (`supported`, `refuted`,
`contested`) are reviews; `unverified` claims have nothing to say. Each review:
- `claimReviewed`: the claim's text (our paraphrase, never the quote);
- `itemReviewed`: a `Claim` whose `author` is who is reported to have said it
  (reported speech) or else the source's author/publisher where known, and whose
  `appearance` is each source that asserts it (title, URL, date as recorded);
- `reviewRating`: a `Rating` whose `alternateName` is our status, on a 1-3
  scale (refuted 1, contested 2, supported 3);
- `citation`: the external sources of the active evidence;
- `author`: the analysts whose evidence the status derives from.
The document uses the schema.org context; `schemaorg-context.jsonld` next to
this module is the subset it needs, for offline JSON-LD processing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kb.export.loss import Loss, lost, of_type
from kb.models import ClaimType
from kb.schema import ATTACKS, SUPPORTS

CONTEXT_URL = "https://schema.org/"
CONTEXT_FILE = Path(__file__).with_name("schemaorg-context.jsonld")
RATING_VALUES = {"refuted": 1, "contested": 2, "supported": 3}
PERSON_KINDS = {"person"}


def _agent(name: str, kind: str) -> dict[str, Any]:
    return {"@type": "Person" if kind in PERSON_KINDS else "Organization", "name": name}


def _appearance(source: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": f"urn:kb:source:{source['source_id']}",
        "name": source["title"],
    }
    if source.get("url"):
        work["url"] = source["url"]
    if source.get("author"):
        work["author"] = _agent(source["author"], "person")
    if source.get("publisher"):
        work["publisher"] = _agent(source["publisher"], "organisation")
    if source.get("published_on"):
        work["datePublished"] = source["published_on"]
    return work


def _claim_author(row: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Who made the claim: the reported speaker, else the first source's author or publisher."""
    if row["type"] == ClaimType.reported_speech and row["speakers"]:
        speaker = sorted(row["speakers"], key=lambda s: s["id"])[0]
        return _agent(speaker["name"], speaker["kind"])
    for source in sources:
        if source.get("author"):
            return _agent(source["author"], "person")
        if source.get("publisher"):
            return _agent(source["publisher"], "organisation")
    return None


def _citation(evidence: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": evidence["url"]}
    if evidence.get("title"):
        work["name"] = evidence["title"]
    if evidence.get("publisher"):
        work["publisher"] = _agent(evidence["publisher"], "organisation")
    if evidence.get("published_on"):
        work["datePublished"] = evidence["published_on"]
    return work


def review(row: dict[str, Any], status: str, published_on: str) -> dict[str, Any]:
    """The ClaimReview of one claim row (see `CLAIMREVIEW_CLAIMS_QUERY`) with its status."""
    sources = sorted(
        {a["source_id"]: a for a in row["appearances"]}.values(), key=lambda a: a["source_id"]
    )
    claim: dict[str, Any] = {
        "@type": "Claim",
        "@id": f"urn:kb:claim:{row['id']}",
        "appearance": [_appearance(source) for source in sources],
    }
    author = _claim_author(row, sources)
    if author is not None:
        claim["author"] = author
    links = sorted(row["evidence"], key=lambda link: link["link_id"])
    cited = {link["evidence"]["url"]: link["evidence"] for link in links if link["evidence"]}
    analysts = sorted({link["added_by"] for link in links if link["added_by"]})
    return {
        "@type": "ClaimReview",
        "@id": f"urn:kb:claim-review:{row['id']}",
        "datePublished": published_on,
        "author": [{"@type": "Person", "name": name} for name in analysts],
        "claimReviewed": row["text"],
        "itemReviewed": claim,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": status,
            "ratingValue": RATING_VALUES[status],
            "worstRating": 1,
            "bestRating": 3,
        },
        "citation": [_citation(evidence) for _url, evidence in sorted(cited.items())],
    }


def stream(reviews: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON-LD document: the schema.org context and a `@graph` of reviews."""
    yield '{"@context": ' + json.dumps(CONTEXT_URL) + ', "@graph": ['
    for index, item in enumerate(reviews):
        yield (", " if index else "") + json.dumps(item, ensure_ascii=False)
    yield "]}\n"


def losses(counts: dict[str, int], targets: list[dict[str, Any]]) -> list[Loss]:
    """What ClaimReview cannot carry. `targets` are the in-scope claims and causal links
    with an evidence-based status, as `EXPORT_TARGETS_QUERY` returns them."""
    claims = [t for t in targets if t["label"] == "Claim"]
    links = len(targets) - len(claims)
    return [
        *lost(
            "claims without an evidence-based status",
            counts["node:Claim"] - len(claims),
            "unverified: nothing to review; not exported",
        ),
        *lost(
            "causal links with an evidence-based status",
            links,
            "ClaimReview reviews claims, not links between them; dropped",
        ),
        *lost(
            "evidence stance, confidence and rationale",
            sum(t["active_evidence"] for t in claims),
            "citations carry the external source only; the rating carries the outcome",
        ),
        *lost(
            "quotes and offsets of reviewed claims",
            sum(t["assertions"] for t in claims),
            "an appearance names the source, not the passage; dropped",
        ),
        *lost(
            "support, attack and causal links",
            of_type(counts, SUPPORTS) + of_type(counts, ATTACKS) + counts["node:CausalLink"],
            "ClaimReview has no argument structure; dropped",
        ),
    ]
