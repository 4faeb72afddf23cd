"""Evidence URL normalisation and full-text query sanitising."""

import pytest

from kb.services.claims import search_terms
from kb.urls import normalise_url


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("HTTPS://Example.ORG/a/b", "https://example.org/a/b"),
        ("https://example.org:443/a#section", "https://example.org/a"),
        ("http://example.org:80", "http://example.org/"),
        ("http://example.org:8080/x", "http://example.org:8080/x"),
        ("https://example.org/a?b=2&a=1&utm_source=x&fbclid=y", "https://example.org/a?a=1&b=2"),
    ],
)
def test_normalise_url(raw: str, normal: str) -> None:
    assert normalise_url(raw) == normal


def test_search_terms_strip_lucene_syntax() -> None:
    assert search_terms('"total victory" AND (OR*') == "total victory and or"
    assert search_terms("?!:") == ""
    assert search_terms("Netanyahu’s plan") == "netanyahu s plan"
