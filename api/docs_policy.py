"""A content security policy for Swagger UI (`/api/docs`): no framing, nothing from elsewhere.

The page and its assets come from this server (flask-swagger-ui's files), so
scripts may load from 'self' only, plus the page's one inline script, allowed
by its hash (computed from the page as served, so a flask-smorest upgrade that
changes the script keeps working). Swagger UI sets inline styles, hence
'unsafe-inline' for styles only. `frame-ancestors 'none'` (and
`X-Frame-Options: DENY` for older browsers) stop other sites framing it.
"""

from __future__ import annotations

import base64
import hashlib
import re

from flask import Flask, Response, request

DOCS_PREFIX = "/api/docs"
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def policy(inline_scripts: list[bytes]) -> str:
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"
        for script in inline_scripts
    )
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src 'self' {hashes}".strip(),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


def _docs_policy(response: Response) -> Response:
    if not request.path.startswith(DOCS_PREFIX):
        return response
    scripts: list[bytes] = []
    if response.mimetype == "text/html" and not response.direct_passthrough:
        scripts = _INLINE_SCRIPT.findall(response.get_data())
    response.headers["Content-Security-Policy"] = policy(scripts)
    response.headers["X-Frame-Options"] = "DENY"
    return response


def init_app(app: Flask) -> None:
    app.after_request(_docs_policy)
