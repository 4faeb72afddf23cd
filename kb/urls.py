"""One spelling per external resource, so that one URL is one Evidence node."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from kb.errors import InvalidRequest

DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMS = ("utm_", "fbclid", "gclid")


def normalise_url(url: str, field: str = "url") -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking
    parameters, the remaining query parameters sorted. IPv6 hosts keep their
    brackets. `InvalidRequest` (naming `field`) for a port outside 0-65535 or
    a URL without a host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # e.g. a malformed IPv6 literal
        raise InvalidRequest("the URL cannot be parsed", field=field, location="json") from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if not host:
        raise InvalidRequest("the URL has no host", field=field, location="json")
    try:
        port = parts.port
    except ValueError:
        raise InvalidRequest(
            "the URL's port is not a number from 0 to 65535", field=field, location="json"
        ) from None
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith(TRACKING_PARAMS)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))
