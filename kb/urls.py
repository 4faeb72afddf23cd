"""One spelling per external resource, so that one URL is one Evidence node."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMS = ("utm_", "fbclid", "gclid")


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking
    parameters, the remaining query parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = host if parts.port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{parts.port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith(TRACKING_PARAMS)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))
