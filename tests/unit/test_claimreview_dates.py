"""ClaimReview's dates and publisher: replayed from the evidence history, checked settings."""

from __future__ import annotations

from typing import Any

import pytest

from kb.derived.rules import evidence_status
from kb.errors import ConfigError
from kb.export.claimreview import rating_dates
from kb.export.publisher import Publisher

T1, T2, T3, T4 = (f"2025-01-0{day}T10:00:00.000000+00:00" for day in (1, 2, 3, 4))


def link(
    stance: str, confidence: float, added: str, retracted: str | None = None
) -> dict[str, Any]:
    return {
        "stance": stance,
        "confidence": confidence,
        "added_at": added,
        "retracted_at": retracted,
    }


def test_published_is_when_the_rating_took_its_current_value() -> None:
    history = [link("supports", 0.8, T1), link("supports", 0.5, T3)]
    # a second supporting link keeps the rating: published stays, modified moves
    assert rating_dates(history, evidence_status) == (
        "2025-01-01T10:00:00Z",
        "2025-01-03T10:00:00Z",
    )


def test_a_change_of_rating_moves_published() -> None:
    history = [link("supports", 0.8, T1), link("refutes", 0.6, T2)]  # contested from T2
    assert rating_dates(history, evidence_status)[0] == "2025-01-02T10:00:00Z"


def test_a_retraction_that_restores_an_earlier_rating_dates_it_anew() -> None:
    history = [link("supports", 0.8, T1), link("refutes", 0.6, T2, retracted=T4)]
    assert rating_dates(history, evidence_status) == (
        "2025-01-04T10:00:00Z",
        "2025-01-04T10:00:00Z",
    )


def test_context_links_date_the_modification_only() -> None:
    history = [link("supports", 0.8, T1), link("context", 0.9, T2)]
    assert rating_dates(history, evidence_status) == (
        "2025-01-01T10:00:00Z",
        "2025-01-02T10:00:00Z",
    )


def test_no_timestamps_no_dates() -> None:
    assert rating_dates([{"stance": "supports", "confidence": 1.0}], evidence_status) == (
        None,
        None,
    )


def test_publisher_reads_the_environment_and_options_override_it() -> None:
    env = {"KB_PUBLISHER_NAME": "Example Checks", "KB_PUBLIC_BASE_URL": "https://kb.example.org/"}
    publisher = Publisher.from_env(env).overridden(url="https://example.org", logo=None)
    assert publisher.missing() == []
    assert publisher.review_url("c-a b") == "https://kb.example.org/#claim=c-a%20b"
    assert publisher.organisation() == {
        "@type": "Organization",
        "name": "Example Checks",
        "url": "https://example.org",
    }
    assert Publisher.from_env({}).missing() == ["KB_PUBLISHER_NAME", "KB_PUBLIC_BASE_URL"]


def test_publisher_urls_must_be_absolute() -> None:
    with pytest.raises(ConfigError, match="KB_PUBLIC_BASE_URL must be an absolute http"):
        Publisher.from_env({"KB_PUBLIC_BASE_URL": "kb.example.org"})
