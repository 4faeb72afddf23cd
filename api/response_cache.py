"""Read answers: a strong `ETag` on each, 304 for `If-None-Match`, and a cache of them.

Every 200 JSON answer to a GET (or HEAD) under `/api/v1/` carries a strong ETag,
a hash of its body: a client that sends it back in `If-None-Match` gets 304
without the body. Deriving the tag from the body makes it right whatever
changed the graph, in any worker.

With `KB_RESPONSE_CACHE` on (`kb serve` turns it on; `--no-response-cache`
off), each worker also keeps those answers, keyed by the URL (path and query),
the `Accept` and `Authorization` headers, and the graph's generation
(`kb.generation`) read at the start of the request. Every write the project
makes replaces the generation after its transaction (`kb.db.Store`), so an
answer is never served after a write, from any worker or command on this
machine; one read before a write and stored after it sits under the old
generation, which no later request asks for. Entries older than
`KB_RESPONSE_CACHE_SECONDS` (30 by default) are not served either: that bounds
what a write from outside the project (cypher-shell) leaves stale. The lookup
runs after the rate limiter, the key check and the request guards, so a cached
answer is counted, authorised and guarded like any other; the answer is the
view's bytes and headers, and the after-request hooks add theirs as before.
Exports (streamed) and anything but a 200 JSON answer are never kept.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from flask import Flask, Response, current_app, g, request

from kb import generation

CACHE_ENV = "KB_RESPONSE_CACHE"
MAX_AGE_ENV = "KB_RESPONSE_CACHE_SECONDS"
DEFAULT_MAX_AGE = 30.0
MAX_ENTRIES = 4096
MAX_BYTES = 64 * 1024 * 1024  # of bodies, per worker
MAX_BODY = 512 * 1024  # larger answers are rare and would crowd the others out
API_PREFIX = "/api/v1/"
EXPORT_PREFIX = "/api/v1/export/"
READ_METHODS = frozenset({"GET", "HEAD"})
# The view's own headers worth keeping (Content-Length follows the body).
_DROPPED_HEADERS = frozenset({"content-length", "etag"})


@dataclass(frozen=True)
class Entry:
    generation: bytes
    stored_at: float
    body: bytes
    headers: tuple[tuple[str, str], ...]
    etag: str


class ResponseCache:
    """A least-recently-used map from request key to `Entry`, for one worker, bounded in
    entries and in bytes."""

    def __init__(
        self, max_age: float, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES
    ) -> None:
        self.max_age = max_age
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.size = 0  # bytes of the bodies held
        self._entries: OrderedDict[bytes, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: bytes, token: bytes) -> Entry | None:
        """The entry for `key` stored under generation `token` and still young, else None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.generation != token or time.monotonic() - entry.stored_at > self.max_age:
                self.size -= len(self._entries.pop(key).body)
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: bytes, entry: Entry) -> None:
        with self._lock:
            earlier = self._entries.pop(key, None)
            if earlier is not None:
                self.size -= len(earlier.body)
            self._entries[key] = entry
            self.size += len(entry.body)
            while len(self._entries) > self.max_entries or self.size > self.max_bytes:
                self.size -= len(self._entries.popitem(last=False)[1].body)

    def __len__(self) -> int:
        return len(self._entries)


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def cache_enabled_from_env() -> bool:
    return os.environ.get(CACHE_ENV, "").lower() in {"1", "true", "yes"}


def max_age_from_env() -> float:
    raw = os.environ.get(MAX_AGE_ENV, "")
    try:
        value = float(raw) if raw else DEFAULT_MAX_AGE
    except ValueError:
        return DEFAULT_MAX_AGE
    return value if value >= 0 else DEFAULT_MAX_AGE


def _cacheable_request() -> bool:
    return (
        request.method in READ_METHODS
        and request.url_rule is not None
        and request.path.startswith(API_PREFIX)
        and not request.path.startswith(EXPORT_PREFIX)
    )


def _key() -> bytes:
    parts = (
        request.path.encode(),
        request.query_string,
        request.headers.get("Accept", "").encode(),
        request.headers.get("Authorization", "").encode(),
    )
    return hashlib.blake2b(b"\0".join(parts), digest_size=20).digest()


def _not_modified(etag: str) -> Response | None:
    """304 when the client already holds the answer tagged `etag`."""
    if not request.if_none_match or not request.if_none_match.contains_weak(etag.strip('"')):
        return None
    response = Response(status=304)
    response.headers["ETag"] = etag
    return response


def _answer_from_cache() -> Response | None:
    cache: ResponseCache | None = current_app.extensions.get("kb_response_cache")
    if cache is None or not _cacheable_request():
        return None
    token = generation.current()
    if token is None:
        return None
    key = _key()
    entry = cache.get(key, token)
    if entry is None:
        g.kb_cache_slot = (key, token)  # read before the query: see the module's docstring
        return None
    g.kb_cache_hit = True
    answer = _not_modified(entry.etag)
    if answer is not None:
        return answer
    response = Response(entry.body, status=200, headers=list(entry.headers))
    response.headers["ETag"] = entry.etag
    return response


def _tag_and_keep(response: Response) -> Response:
    """After the view: tag a 200 JSON read answer, keep it if a slot was reserved, and
    answer 304 if the client holds it already."""
    if (
        g.get("kb_cache_hit")
        or response.status_code != 200
        or not _cacheable_request()
        or response.is_streamed
        or response.direct_passthrough
        or response.mimetype != "application/json"
    ):
        return response
    body = response.get_data()
    etag = strong_etag(body)
    response.headers["ETag"] = etag
    slot: tuple[bytes, bytes] | None = g.get("kb_cache_slot")
    cache: ResponseCache | None = current_app.extensions.get("kb_response_cache")
    if slot is not None and cache is not None and len(body) <= MAX_BODY:
        headers = tuple(
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in _DROPPED_HEADERS
        )
        cache.put(slot[0], Entry(slot[1], time.monotonic(), body, headers, etag))
    return _not_modified(etag) or response


def init_app(app: Flask) -> None:
    """Register last: the lookup runs after every other before-request hook, and the
    tagging first among the after-request hooks, on the view's own answer."""
    enabled = app.config.get("KB_RESPONSE_CACHE", cache_enabled_from_env())
    if enabled:
        max_age = float(app.config.get("KB_RESPONSE_CACHE_SECONDS", max_age_from_env()))
        app.extensions["kb_response_cache"] = ResponseCache(max_age)
    app.before_request(_answer_from_cache)
    app.after_request(_tag_and_keep)
