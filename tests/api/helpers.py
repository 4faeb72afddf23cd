"""Helpers for tests that write: auth headers and evidence bodies."""

from __future__ import annotations

from typing import Any


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def evidence(url: str = "https://example.org/report", **overrides: Any) -> dict[str, Any]:
    body = {
        "url": url,
        "title": "A report",
        "publisher": "Example Org",
        "published_on": "2025-03-02",
        "excerpt": "An excerpt.",
        "stance": "supports",
        "confidence": 0.8,
        "rationale": "It documents the event.",
    }
    return {**body, **overrides}
