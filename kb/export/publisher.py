"""Who publishes the ClaimReview feed, and where its reviews live on the web.

Google reads a ClaimReview only with a `url` (the page of the fact check) and
expects its `author` to be the publishing organisation, not the analysts who
did the work. Neither is in the graph, so they are settings:
`KB_PUBLISHER_NAME`, `KB_PUBLISHER_URL`, `KB_PUBLISHER_LOGO` and
`KB_PUBLIC_BASE_URL` (the explorer's public address; a review's page is
`{base}/#claim=<id>`), each also a `kb export` option.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, urlsplit

from kb.errors import ConfigError

ENV_NAMES = {
    "name": "KB_PUBLISHER_NAME",
    "url": "KB_PUBLISHER_URL",
    "logo": "KB_PUBLISHER_LOGO",
    "public_base_url": "KB_PUBLIC_BASE_URL",
}
URL_FIELDS = ("url", "logo", "public_base_url")


def _check_url(setting: str, value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{setting} must be an absolute http(s) URL, got {value!r}")
    return value


@dataclass(frozen=True)
class Publisher:
    """The publishing organisation and the public base URL (None: not set)."""

    name: str | None = None
    url: str | None = None
    logo: str | None = None
    public_base_url: str | None = None

    def __post_init__(self) -> None:
        for field_name in URL_FIELDS:
            value = getattr(self, field_name)
            if value is not None:
                _check_url(ENV_NAMES[field_name], value)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Publisher:
        """Read the `KB_PUBLISHER_*` and `KB_PUBLIC_BASE_URL` variables (empty: not set)."""
        env = os.environ if env is None else env
        return cls(**{field: env.get(name) or None for field, name in ENV_NAMES.items()})

    def overridden(self, **values: str | None) -> Publisher:
        """These settings with the given ones (e.g. command-line options) taking precedence."""
        return replace(self, **{key: value for key, value in values.items() if value})

    def missing(self) -> list[str]:
        """The settings a publishable review needs that are not set."""
        needed = ("name", "public_base_url")
        return [ENV_NAMES[field] for field in needed if getattr(self, field) is None]

    def organisation(self) -> dict[str, Any] | None:
        """The schema.org `Organization` that authors every review (None: no name set)."""
        if self.name is None:
            return None
        organisation: dict[str, Any] = {"@type": "Organization", "name": self.name}
        if self.url:
            organisation["url"] = self.url
        if self.logo:
            organisation["logo"] = self.logo
        return organisation

    def review_url(self, claim_id: str) -> str | None:
        """The public page of a claim's review: the explorer showing that claim."""
        if self.public_base_url is None:
            return None
        return f"{self.public_base_url.rstrip('/')}/#claim={quote(claim_id, safe='')}"
