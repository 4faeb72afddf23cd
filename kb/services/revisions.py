"""Reading a source's revisions: the list, one revision's text and spans, and a diff of two.

A source never revised answers its current text and spans as revision 1, so
every source has at least one revision to read.
"""

from __future__ import annotations

import json
from typing import Any

from kb.annotation.reanchor import context_of
from kb.annotation.revision import text_changes
from kb.db import Store
from kb.errors import NotFound
from kb.repositories import revision as repo

FIRST = "as first applied"


MAX_REVISION = 2**63 - 1  # Neo4j's integers are 64-bit


def list_revisions(store: Store, source_id: str) -> dict[str, Any]:
    found = store.read(repo.revisions, source_id)
    if found is None or found["source"] is None:
        raise NotFound("source", source_id)
    source, revisions = found["source"], found["revisions"]
    if not revisions:
        revisions = [_first(source)]
    return {
        "source_id": source_id,
        "current": source.get("revision") or 1,
        "revised": bool(source.get("revision")),
        "revisions": [
            {k: v for k, v in r.items() if k not in ("text", "spans")} for r in revisions
        ],
    }


def get_revision(store: Store, source_id: str, number: int) -> dict[str, Any]:
    """The text and spans of revision `number` (each span with its context)."""
    if not 1 <= number <= MAX_REVISION:  # past what Neo4j's integers hold: none such
        raise NotFound("revision", f"{source_id}/{number}")
    found = store.read(repo.revision, source_id, number)
    if found is None or found["source"] is None:
        raise NotFound("source", source_id)
    source, revision = found["source"], found["revision"]
    current = source.get("revision") or 1
    if revision is not None:
        spans = json.loads(revision.pop("spans") or "[]")
    elif number == 1 and not source.get("revision"):
        revision = {**_first(source), "text": source["text"]}
        spans = [
            {
                **span,
                **dict(
                    zip(
                        ("prefix", "suffix"),
                        context_of(source["text"], span["start"], span["end"]),
                        strict=True,
                    )
                ),
            }
            for span in store.read(repo.current_spans, source_id)
        ]
    else:
        raise NotFound("revision", f"{source_id}/{number}")
    spans.sort(key=lambda s: (s["start"], s["kind"], s["id"]))
    return {"source_id": source_id, **revision, "current": number == current, "spans": spans}


def diff(store: Store, source_id: str, first: int, second: int) -> dict[str, Any]:
    """What changed from revision `first` to `second`: text changes and each span's fate."""
    a, b = get_revision(store, source_id, first), get_revision(store, source_id, second)
    before = {(s["kind"], s["id"], n): s for n, s in _numbered(a["spans"])}
    after = {(s["kind"], s["id"], n): s for n, s in _numbered(b["spans"])}
    spans = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            outcome = "added" if old is None else "removed"
        elif old["start"] == new["start"] and old["quote"] == new["quote"]:
            outcome = "kept"
        else:
            outcome = "moved" if old["quote"] == new["quote"] else "changed"
        spans.append(
            {
                "kind": key[0],
                "id": key[1],
                "outcome": outcome,
                "from": _brief(old),
                "to": _brief(new),
            }
        )
    return {
        "source_id": source_id,
        "from_revision": first,
        "to_revision": second,
        "text_changes": text_changes(a["text"], b["text"]),
        "spans": spans,
    }


def _numbered(spans: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """Each span with its rank among the spans of the same item (an item may have several)."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for span in spans:
        key = (span["kind"], span["id"])
        seen[key] = seen.get(key, 0) + 1
        out.append((seen[key], span))
    return out


def _brief(span: dict[str, Any] | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span["start"], "end": span["end"], "quote": span["quote"]}


def _first(source: dict[str, Any]) -> dict[str, Any]:
    return {
        "number": 1,
        "sha256": source["sha256"],
        "at": None,
        "why": FIRST,
        "annotation_sha256": None,
        "script": None,
    }


def retired_claim(store: Store, claim_id: str) -> dict[str, Any] | None:
    """A retired claim's text, revision, reason and evidence slots, or None."""
    return store.read(repo.retired_claim, claim_id)
