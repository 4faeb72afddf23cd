"""schema.org ClaimReview (JSON-LD), as fact-checkers and search engines read it.

Only claims with an evidence-based status (`supported`, `refuted`,
`contested`) are reviews; `unverified` claims have nothing to say. Each review:
- `url`: the claim's public page, `{KB_PUBLIC_BASE_URL}/#claim=<id>`;
- `author`: the publishing organisation (`KB_PUBLISHER_*`), with the analysts
  whose evidence the status derives from as `contributor`s (without publisher
  settings the analysts are the authors, and the loss report says so);
- `datePublished`: when the rating last took its current value, and
  `dateModified`: the latest evidence attached or retracted, both replayed
  from the claim's evidence links, so an unchanged graph exports the same bytes;
- `claimReviewed`: the claim's text (our paraphrase, never the quote);
- `itemReviewed`: a `Claim` whose `author` is who is reported to have said it
  (reported speech, or the speaker a `reports` appearance names as asserting it)
  or else the source's author/publisher where known, whose `appearance` is each
  source *committed* to it (stance `asserts` or `presupposes`: a source that
  rejects the claim or only reports someone saying it is no appearance of it;
  title, URL, date as recorded) and whose `firstAppearance` is the earliest dated one;
- `reviewRating`: a `Rating` whose `alternateName` (and `name`) is our status,
  on a 1-3 scale (refuted 1, contested 2, supported 3);
- `citation`: the external sources of the active evidence.
The document uses the schema.org context; `schemaorg-context.jsonld` next to
this module is the subset it needs, for offline JSON-LD processing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kb.export.loss import Loss, lost, of_type
from kb.export.publisher import Publisher
from kb.models import COMMITTING_STANCES, ClaimType
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
    reported = [
        a["speaker"]
        for a in row["appearances"]
        if a.get("stance") == "reports"
        and a.get("speaker_stance") != "rejects"
        and a.get("speaker")
    ]
    if reported:
        speaker = sorted(reported, key=lambda s: s["id"])[0]
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


def rating_dates(
    history: list[dict[str, Any]], rate: Callable[[float, float], str]
) -> tuple[str | None, str | None]:
    """(datePublished, dateModified) of a review from every evidence link ever attached
    (`history`: stance, confidence, added_at, retracted_at), replayed in time order.

    datePublished is when the rating last changed to the value it has now, so it stays
    put across exports until the rating changes; dateModified is the latest attachment
    or retraction. `rate(supports, refutes)` is the status rule (`evidence_status`).
    None for a link history without timestamps (nothing to date it by).
    """
    moments: dict[datetime, None] = {}
    for link in history:
        for key in ("added_at", "retracted_at"):
            if link.get(key):
                moments[_instant(link[key])] = None
    published: datetime | None = None
    status = "unverified"
    for moment in sorted(moments):
        weights = {"supports": 0.0, "refutes": 0.0}
        for link in history:
            if link.get("stance") in weights and _active(link, moment):
                weights[link["stance"]] += float(link["confidence"] or 0.0)
        now = rate(weights["supports"], weights["refutes"])
        if now != status:
            status, published = now, moment
    if not moments or published is None:
        return None, None
    return _stamp(published), _stamp(max(moments))


def _instant(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _active(link: dict[str, Any], moment: datetime) -> bool:
    added = link.get("added_at")
    retracted = link.get("retracted_at")
    return (
        added is not None
        and _instant(added) <= moment
        and (retracted is None or _instant(retracted) > moment)
    )


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _first_appearance(works: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The earliest dated appearance; with none dated, the first recorded (by source id)."""
    if not works:
        return None
    return min(works, key=lambda w: (w.get("datePublished") is None, w.get("datePublished", "")))


def review(
    row: dict[str, Any],
    status: str,
    publisher: Publisher,
    rate: Callable[[float, float], str],
) -> dict[str, Any]:
    """The ClaimReview of one claim row (see `CLAIMREVIEW_CLAIMS_QUERY`) with its status,
    authored by `publisher`'s organisation and dated from the row's evidence history."""
    committed = [a for a in row["appearances"] if a.get("stance", "asserts") in COMMITTING_STANCES]
    sources = sorted({a["source_id"]: a for a in committed}.values(), key=lambda a: a["source_id"])
    appearances = [_appearance(source) for source in sources]
    claim: dict[str, Any] = {"@type": "Claim", "@id": f"urn:kb:claim:{row['id']}"}
    author = _claim_author(row, sources)
    if author is not None:
        claim["author"] = author
    first = _first_appearance(appearances)
    if first is not None and first.get("datePublished"):
        claim["datePublished"] = first["datePublished"]
    claim["appearance"] = appearances
    if first is not None:
        claim["firstAppearance"] = first
    links = sorted(row["evidence"], key=lambda link: link["link_id"])
    cited = {link["evidence"]["url"]: link["evidence"] for link in links if link["evidence"]}
    analysts = sorted({link["added_by"] for link in links if link["added_by"]})
    contributors = [{"@type": "Person", "name": name} for name in analysts]
    published, modified = rating_dates(row.get("history") or [], rate)
    item: dict[str, Any] = {"@type": "ClaimReview", "@id": f"urn:kb:claim-review:{row['id']}"}
    url = publisher.review_url(row["id"])
    if url is not None:
        item["url"] = url
    if published is not None:
        item["datePublished"] = published
        item["dateModified"] = modified
    organisation = publisher.organisation()
    item["author"] = organisation if organisation is not None else contributors
    if organisation is not None and contributors:
        item["contributor"] = contributors
    item.update(
        {
            "claimReviewed": row["text"],
            "itemReviewed": claim,
            "reviewRating": {
                "@type": "Rating",
                "name": status,
                "alternateName": status,
                "ratingValue": RATING_VALUES[status],
                "worstRating": 1,
                "bestRating": 3,
            },
            "citation": [_citation(evidence) for _url, evidence in sorted(cited.items())],
        }
    )
    return item


def stream(reviews: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON-LD document: the schema.org context and a `@graph` of reviews."""
    yield '{"@context": ' + json.dumps(CONTEXT_URL) + ', "@graph": ['
    for index, item in enumerate(reviews):
        yield (", " if index else "") + json.dumps(item, ensure_ascii=False)
    yield "]}\n"


EMPTY_NOTE = (
    "the export is empty: no claim in scope has supporting or refuting evidence attached, "
    "so none has a rating to publish (attach evidence: POST /api/v1/claims/<id>/evidence)"
)


def publisher_losses(publisher: Publisher, reviews: int) -> list[Loss]:
    """What a review lacks without publisher settings; said even of an empty export."""
    missing = publisher.missing()
    if not missing:
        return []
    note = (
        f"{' and '.join(missing)} not set (also kb export options): reviews have no url "
        "and the analysts as author; Google reads a ClaimReview only with a url and "
        "expects the publishing organisation as author"
    )
    return [Loss("reviews without publisher settings", reviews, note)]


def losses(
    counts: dict[str, int], targets: list[dict[str, Any]], publisher: Publisher | None = None
) -> list[Loss]:
    """What ClaimReview cannot carry. `targets` are the in-scope claims and causal links
    with an evidence-based status, as `EXPORT_TARGETS_QUERY` returns them."""
    claims = [t for t in targets if t["label"] == "Claim"]
    links = len(targets) - len(claims)
    return [
        *([Loss("reviews", 0, EMPTY_NOTE)] if not claims else []),
        *publisher_losses(publisher or Publisher(), len(claims)),
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
            "appearances that reject or only report a reviewed claim",
            sum(t.get("uncommitted", 0) for t in claims),
            "a Claim's appearance is a source committed to it; rejections and reports dropped",
        ),
        *lost(
            "support, attack and causal links",
            of_type(counts, SUPPORTS) + of_type(counts, ATTACKS) + counts["node:CausalLink"],
            "ClaimReview has no argument structure; dropped",
        ),
    ]
