"""Read answers carry a strong ETag (304 on `If-None-Match`), and with the response cache
on they are kept per worker until the next write: through the API, through the store
from elsewhere (another worker, a `kb` command), or a schema statement."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from api.response_cache import Entry, ResponseCache, strong_etag
from kb import generation
from kb.db import Store
from kb.services import keys as key_service
from tests.api.helpers import auth, evidence

API = "/api/v1"
CLAIM = "c-trump-said-israel-must-finish"
READS = [
    f"{API}/claims/{CLAIM}",
    f"{API}/claims?limit=5",
    f"{API}/claims?type=factual&limit=3",
    f"{API}/claims/{CLAIM}/evidence",
]


@pytest.fixture()
def cached_app(seeded_store: Store) -> Flask:
    return create_app({"TESTING": True, "KB_STORE": seeded_store, "KB_RESPONSE_CACHE": True})


@pytest.fixture()
def plain_app(seeded_store: Store) -> Flask:
    return create_app({"TESTING": True, "KB_STORE": seeded_store, "KB_RESPONSE_CACHE": False})


@pytest.fixture()
def cached(cached_app: Flask) -> Iterator[FlaskClient]:
    with cached_app.test_client() as client:
        yield client


def _cache(app: Flask) -> ResponseCache:
    cache: ResponseCache = app.extensions["kb_response_cache"]
    return cache


@pytest.mark.parametrize("url", READS)
def test_cached_answers_are_the_uncached_bytes_with_a_strong_etag(
    cached: FlaskClient, plain_app: Flask, url: str
) -> None:
    plain = plain_app.test_client().get(url)
    first = cached.get(url)
    second = cached.get(url)
    assert plain.status_code == first.status_code == second.status_code == 200
    assert first.data == second.data == plain.data
    assert second.headers["ETag"] == first.headers["ETag"] == plain.headers["ETag"]
    assert first.headers["ETag"] == strong_etag(plain.data)
    assert second.headers["Content-Type"] == plain.headers["Content-Type"]
    assert second.headers["Content-Length"] == str(len(plain.data))
    assert second.headers["X-Content-Type-Options"] == plain.headers["X-Content-Type-Options"]


def test_if_none_match_answers_304_without_a_body(cached: FlaskClient, plain_app: Flask) -> None:
    url = f"{API}/claims/{CLAIM}"
    for client in (cached, plain_app.test_client()):
        etag = client.get(url).headers["ETag"]
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304
        assert again.data == b""
        assert again.headers["ETag"] == etag
        assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_an_api_write_invalidates_every_cached_answer(
    cached: FlaskClient, cached_app: Flask, seeded_store: Store
) -> None:
    key = key_service.create_key(seeded_store, "cache-tester", "analyst")
    before = {url: cached.get(url) for url in READS}
    assert len(_cache(cached_app)) >= len(READS)
    posted = cached.post(
        f"{API}/claims/{CLAIM}/evidence",
        json=evidence("https://example.org/cache"),
        headers=auth(key),
    )
    assert posted.status_code == 201
    listed = cached.get(f"{API}/claims/{CLAIM}/evidence")
    assert b"https://example.org/cache" in listed.data
    assert listed.headers["ETag"] != before[f"{API}/claims/{CLAIM}/evidence"].headers["ETag"]


def test_a_store_write_from_elsewhere_invalidates_the_cache(
    cached: FlaskClient, seeded_store: Store
) -> None:
    """Another worker or command writes through its own store: the shared generation
    changes, so this worker's cached answer is not served again."""
    url = f"{API}/claims/{CLAIM}"
    first = cached.get(url).get_json()
    other = Store(seeded_store.driver, seeded_store.database, seeded_store.uri)
    other.write(
        lambda tx: tx.run(
            "MATCH (c:Claim {id: $id}) SET c.text = $text", id=CLAIM, text="rewritten"
        ).consume()
    )
    second = cached.get(url).get_json()
    assert first["text"] != "rewritten"
    assert second["text"] == "rewritten"


def test_a_schema_statement_changes_the_generation(seeded_store: Store) -> None:
    before = generation.current()
    seeded_store.run_autocommit("RETURN 1")
    assert generation.current() not in (None, before)


def test_the_key_and_accept_headers_keep_answers_apart(
    cached: FlaskClient, plain_app: Flask
) -> None:
    url = f"{API}/claims?limit=2"
    anonymous = cached.get(url)
    with_header = cached.get(url, headers={"Accept": "application/json"})
    assert anonymous.data == with_header.data  # same view answer, stored twice
    assert (
        cached.get(f"{API}/claims?limit=3").data
        == plain_app.test_client().get(f"{API}/claims?limit=3").data
    )


def test_errors_and_exports_are_never_kept(cached: FlaskClient, cached_app: Flask) -> None:
    assert cached.get(f"{API}/claims/c-no-such-claim").status_code == 404
    assert cached.get(f"{API}/claims/c-no-such-claim").status_code == 404
    assert cached.get(f"{API}/claims?limit=0").status_code == 422
    assert len(_cache(cached_app)) == 0


def test_stale_entries_are_dropped() -> None:
    cache = ResponseCache(max_age=0.0)

    cache.put(b"k", Entry(b"g" * 16, 0.0, b"{}", (), '"x"'))
    assert cache.get(b"k", b"g" * 16) is None
    young = ResponseCache(max_age=60.0, max_entries=1)
    young.put(b"a", Entry(b"g", 1e18, b"{}", (), '"a"'))
    assert young.get(b"a", b"other generation") is None


def test_the_cache_is_bounded_in_entries_and_bytes() -> None:
    cache = ResponseCache(max_age=60.0, max_entries=3, max_bytes=10)
    for name in (b"a", b"b", b"c"):
        cache.put(name, Entry(b"g", 1e18, b"1234", (), '"x"'))
    assert len(cache) == 2 and cache.size == 8  # a third body would pass 10 bytes
    assert cache.get(b"a", b"g") is None and cache.get(b"c", b"g") is not None
    cache.put(b"c", Entry(b"g", 1e18, b"12", (), '"y"'))
    assert cache.size == 6
