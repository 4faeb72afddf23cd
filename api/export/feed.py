"""ClaimReview as a feed: a stable URL whose readers revalidate with `If-None-Match`.

Search engines and aggregators poll `GET /api/v1/export/claimreview`; an
unchanged graph exports the same bytes, so the body's hash is a strong
`ETag` and the latest `dateModified` of its reviews is `Last-Modified`. A
poller that sends the ETag back gets a bodiless 304. The document is built
in full to hash it (reviews exist only for claims analysts attached
evidence to, so it stays small next to the graph exports, which stream).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from flask import Request, Response

from kb.export.formats import CLAIMREVIEW
from kb.services.export import Export

FEED_FORMAT = CLAIMREVIEW.name
CACHE_CONTROL = "no-cache"  # caches may keep it, but must revalidate every time


def last_modified(body: bytes) -> datetime | None:
    """The latest `dateModified` among the reviews (None: none is dated)."""
    stamps = [
        item["dateModified"]
        for item in json.loads(body)["@graph"]
        if isinstance(item, dict) and item.get("dateModified")
    ]
    return datetime.fromisoformat(max(stamps)) if stamps else None


def feed_response(prepared: Export, request: Request) -> Response:
    """The whole document with its validators, or a 304 when the reader's copy is current."""
    body = b"".join(prepared.body)
    response = Response(body, mimetype=prepared.media_type)
    response.set_etag(hashlib.sha256(body).hexdigest()[:32])
    response.last_modified = last_modified(body)
    response.cache_control.no_cache = True
    response.make_conditional(request)  # 304 (no body) when the reader's copy is current
    return response
