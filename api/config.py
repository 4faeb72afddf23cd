"""API settings: flask-smorest's OpenAPI settings plus the knowledge base's own."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from kb.config import Settings
from kb.export.publisher import Publisher


@dataclass
class ApiConfig:
    """Flask configuration; upper-case attributes become `app.config` keys."""

    KB_SETTINGS: Settings
    KB_READS_REQUIRE_KEY: bool = False
    # Who authors the ClaimReview export, and the public base URL of its reviews.
    KB_PUBLISHER: Publisher = field(default_factory=Publisher)
    # Exports need a reader's key even when other reads do not (KB_EXPORTS_REQUIRE_KEY).
    KB_EXPORTS_REQUIRE_KEY: bool = False
    # Larger bodies answer 413 before they are read (KB_MAX_BODY_BYTES).
    MAX_CONTENT_LENGTH: int = 1_000_000
    API_TITLE: str = "Claim knowledge base"
    API_VERSION: str = "v1"
    OPENAPI_VERSION: str = "3.0.3"
    OPENAPI_URL_PREFIX: str = "/api"
    OPENAPI_JSON_PATH: str = "v1/openapi.json"
    OPENAPI_SWAGGER_UI_PATH: str = "/docs"
    # Swagger UI's assets are served from the installed flask-swagger-ui
    # package (see api/extensions.py): no CDN is needed at run time.
    OPENAPI_SWAGGER_UI_URL: str = "/api/docs/assets/"

    @classmethod
    def from_env(cls) -> ApiConfig:
        """Read `KB_READS_REQUIRE_KEY`, `KB_EXPORTS_REQUIRE_KEY`, `KB_MAX_BODY_BYTES`,
        `KB_PUBLISHER_*`, `KB_PUBLIC_BASE_URL` and the `NEO4J_*` settings (the limits of
        `api.limits` read their own)."""
        require = _flag("KB_READS_REQUIRE_KEY")
        max_body = os.environ.get("KB_MAX_BODY_BYTES", "")
        return cls(
            KB_SETTINGS=Settings.from_env(),
            KB_READS_REQUIRE_KEY=require,
            KB_PUBLISHER=Publisher.from_env(),
            KB_EXPORTS_REQUIRE_KEY=_flag("KB_EXPORTS_REQUIRE_KEY"),
            MAX_CONTENT_LENGTH=int(max_body) if max_body.isdigit() else 1_000_000,
        )


def _flag(name: str) -> bool:
    return os.environ.get(name, "").lower() in {"1", "true", "yes"}
