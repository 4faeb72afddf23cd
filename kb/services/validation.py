"""Checks every service applies to what it is given, whoever calls it.

The API's schemas check the same things earlier (and document them); these
keep the CLI, importers and benchmarks to the same vocabulary and bounds.
"""

from __future__ import annotations

import re
from enum import IntEnum, StrEnum

from kb.errors import InvalidRequest
from kb.models import BASES, MAX_DEPTH, MAX_PAGE, MAX_PAGE_SIZE, Basis, PageRequest, choices


def one_of(
    value: str | None,
    vocabulary: type[StrEnum] | type[IntEnum],
    field: str,
    location: str = "query",
) -> str | None:
    """`value` unchanged if it is a word of `vocabulary` (or None); else `InvalidRequest`."""
    if value is None or value in choices(vocabulary):
        return value
    allowed = ", ".join(choices(vocabulary))
    raise InvalidRequest(f"{field} must be one of {allowed}", field=field, location=location)


def page_request(page: int, limit: int, max_limit: int = MAX_PAGE_SIZE) -> PageRequest:
    """A validated page request: page from 1, limit from 1 to `max_limit`."""
    if not 1 <= page <= MAX_PAGE:
        raise InvalidRequest(f"page must be between 1 and {MAX_PAGE}", field="page")
    if not 1 <= limit <= max_limit:
        raise InvalidRequest(f"limit must be between 1 and {max_limit}", field="limit")
    return PageRequest(page, limit)


def depth(value: int) -> int:
    """A walk depth from 1 to `MAX_DEPTH`."""
    if not 1 <= value <= MAX_DEPTH:
        raise InvalidRequest(f"depth must be between 1 and {MAX_DEPTH}", field="depth")
    return value


def confidence(value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise InvalidRequest(
            "confidence must be between 0 and 1", field="confidence", location="json"
        )
    return value


def bases(values: list[str] | None) -> list[str] | None:
    """The argument-link bases a walk may follow, or None for all (links without a
    basis included). `InvalidRequest` for a word that is not a basis."""
    if values is None:
        return None
    for value in values:
        one_of(value, Basis, "basis")
    return None if set(BASES) <= set(values) else sorted(set(values), key=BASES.index)


MAX_IDEMPOTENCY_KEY = 255
_IDEMPOTENCY_KEY = re.compile(rf"[\x21-\x7e]{{1,{MAX_IDEMPOTENCY_KEY}}}")


def idempotency_key(value: str | None) -> str | None:
    """An `Idempotency-Key` of 1-255 printable ASCII characters (no spaces), or None.

    Longer or non-ASCII keys are refused before they reach the store, where a key
    too large to index would fail the write.
    """
    if value is None or _IDEMPOTENCY_KEY.fullmatch(value):
        return value
    raise InvalidRequest(
        f"Idempotency-Key must be 1-{MAX_IDEMPOTENCY_KEY} printable ASCII characters "
        "without spaces",
        field="Idempotency-Key",
        location="headers",
    )
