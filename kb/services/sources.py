"""Sources: metadata, text with highlightable spans, and what carries no claim."""

from __future__ import annotations

from typing import Any

from kb.db import Store
from kb.errors import NotFound
from kb.models import Page
from kb.repositories import sources as repo
from kb.services import validation


def list_sources(store: Store, page: int, limit: int) -> Page:
    """One page of sources, in id order."""
    request = validation.page_request(page, limit)
    return Page.of(request, *store.read(repo.source_page, request))


def get_source(store: Store, source_id: str) -> dict[str, Any]:
    """Metadata (what the text does not say is null), text, slots and every anchored span."""
    source = store.read(repo.source_detail, source_id)
    if source is None:
        raise NotFound("source", source_id)
    source["spans"] = store.read(repo.source_spans, source_id)
    source["slots"].sort(key=lambda slot: slot["id"])
    return source


def argument_map(store: Store, source_id: str) -> dict[str, Any]:
    """Every claim the source asserts (with status, standing and how many claims rest on it
    directly) and every support, attack and causal link it draws: what a graph view needs
    in one request, instead of one claim detail per node."""
    found = store.read(repo.argument_map, source_id)
    if found is None:
        raise NotFound("source", source_id)
    links = found["links"]
    resting: dict[str, int] = {}
    for link in links:
        if link["kind"] != "attacks":
            resting[link["from_id"]] = resting.get(link["from_id"], 0) + 1
    for claim in found["claims"]:
        claim["direct_dependents"] = resting.get(claim["id"], 0)
    return {"source_id": source_id, "claims": found["claims"], "links": links}


def coverage(store: Store, source_id: str) -> dict[str, Any]:
    """The spans of the text that no claim or causal link is anchored in."""
    source = get_source(store, source_id)
    anchored = [s for s in source["spans"] if s["kind"] in ("claim", "causal_link")]
    gaps = uncovered_spans(source["text"], [(s["start"], s["end"]) for s in anchored])
    covered = len(source["text"]) - sum(len(gap["text"]) for gap in gaps)
    return {
        "source_id": source_id,
        "length": len(source["text"]),
        "covered": covered,
        "covered_ratio": round(covered / max(1, len(source["text"])), 4),
        "uncovered": gaps,
    }


def uncovered_spans(text: str, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Maximal stretches of `text` outside `spans`, trimmed, skipping blank ones."""
    gaps: list[dict[str, Any]] = []
    position = 0
    for start, end in sorted(spans) + [(len(text), len(text))]:
        if start > position:
            _add_gap(gaps, text, position, start)
        position = max(position, end)
    return gaps


def _add_gap(gaps: list[dict[str, Any]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip(" \n\t-.,;:")
    if not stripped:
        return
    start += chunk.index(stripped)
    gaps.append({"start": start, "end": start + len(stripped), "text": stripped})
