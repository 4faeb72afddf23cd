"""Items a `kb draft` file still marks `draft: true`: `kb import` refuses them until reviewed."""

from __future__ import annotations

from typing import Any

from kb.annotation.document import Document, Problem

DRAFTABLE = ("actors", "topics", "claims", "links", "causal_links")


def draft_problems(document: Document) -> list[Problem]:
    """One `file:line: draft: ...` problem per item (or `also:` anchor) still marked a draft."""
    problems = []
    data = document.data if isinstance(document.data, dict) else {}
    for section in DRAFTABLE:
        entries = data.get(section)
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                continue
            also = entry.get("also")
            anchors: list[Any] = also if isinstance(also, list) else []
            marked = entry.get("draft") is True or any(
                isinstance(a, dict) and a.get("draft") is True for a in anchors
            )
            if marked:
                problems.append(
                    document.problem(
                        (section, index, "draft"),
                        "draft",
                        f"{section}[{index}] {_name(entry)} is still a draft: review it and "
                        "delete its `draft: true` (or pass --accept-drafts)",
                    )
                )
    return problems


def _name(entry: dict[str, Any]) -> str:
    return str(entry.get("id") or entry.get("ref") or "(no id)")
