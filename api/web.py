"""The explorer: a single static page for researchers, served next to the API.

`/` and `/explore` answer with `web/index.html`, `/draft` ("Draft a source") with
`web/draft.html`; their scripts and styles are
under `/web/<path>`. The page is plain HTML, CSS and JavaScript modules with
no build step; its one third-party asset, the graph library (cytoscape.js with
the dagre layout), is installed from npm by `make install` into `web/vendor/`
and served from here like the rest. It reads only the JSON API under `/api/v1`.
This is a plain Flask blueprint, not part of the OpenAPI document.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from flask import Blueprint, abort, send_from_directory
from werkzeug.wrappers import Response

from kb.config import PROJECT_ROOT

WEB_DIR = PROJECT_ROOT / "web"

# Explicit types: a host's own MIME table (e.g. the Windows registry) may map
# `.js` to `text/plain`, and browsers refuse to run modules served that way.
MIMETYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
}

# The page loads nothing from other origins and talks only to this server.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

web = Blueprint("web", __name__)


def _send(filename: str) -> Response:
    response = send_from_directory(
        WEB_DIR, filename, mimetype=MIMETYPES.get(Path(filename).suffix.lower())
    )
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@web.get("/")
@web.get("/explore")
def explorer() -> Response:
    """The explorer page."""
    return _send("index.html")


@web.get("/draft")
def draft_page() -> Response:
    """The "Draft a source" page: a text in, a reviewed annotation file out (web/draft.js)."""
    return _send("draft.html")


@web.get("/web/<path:filename>")
def asset(filename: str) -> Response:
    """A script, stylesheet or image of the explorer (404 outside `web/`).

    npm's working folder (`web/node_modules`) and its manifests are not served: the page
    uses only the copies `make install` puts in `web/vendor/`.
    """
    if _denied(filename):
        abort(404)
    return _send(filename)


def _denied(filename: str) -> bool:
    """npm's folder and manifests, judged on the normalised path (`./package.json` too)."""
    parts = [part for part in posixpath.normpath(filename).lower().split("/") if part != "."]
    return not parts or parts[0] == "node_modules" or parts[0].startswith("package")
