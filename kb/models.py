"""Plain result types the services return and the API serialises."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

LinkKind = Literal["supports", "causal"]
Direction = Literal["downstream", "upstream"]
# Where an argument link comes from (docs/curation.md): a connective in the
# text, the text's structure, or the curator's own inference.
BASES: tuple[str, ...] = ("connective", "structure", "curator")


@dataclass(frozen=True)
class Page:
    """One page of a list, with what is needed to fetch the rest."""

    items: list[Any]
    page: int
    limit: int
    total: int

    @property
    def meta(self) -> dict[str, int | None]:
        pages = max(1, -(-self.total // self.limit))
        next_page = self.page + 1 if self.page < pages else None
        return {
            "page": self.page,
            "limit": self.limit,
            "total": self.total,
            "pages": pages,
            "next_page": next_page,
        }


@dataclass(frozen=True)
class Edge:
    """One dependency step: `to_id` rests on `from_id` through a link."""

    from_id: str
    to_id: str
    kind: LinkKind
    link_id: str
    basis: str | None = None
    marker: str | None = None
    rationale: str | None = None


@dataclass(frozen=True)
class PathStep:
    """A step of an explaining path: reach `claim_id` through `link_id`."""

    claim_id: str
    link_id: str
    kind: LinkKind
    basis: str | None = None
    marker: str | None = None
    rationale: str | None = None


@dataclass
class ReachedClaim:
    """A claim found by a walk, with its distance and one shortest explaining path."""

    claim_id: str
    distance: int
    path: list[PathStep]
    text: str = ""
    type: str = ""
    status: str | None = None  # current evidence status, where the answer reports it
    standing: str | None = None


@dataclass
class Walk:
    """The answer to "what depends on X" / "what does X rest on"."""

    claim_id: str
    direction: Direction
    depth: int
    claims: list[ReachedClaim] = field(default_factory=list)
    bases: list[str] = field(default_factory=lambda: list(BASES))


@dataclass
class Impact:
    """What refuting one claim would do to the claims that depend on it."""

    claim_id: str
    loses_all_support: list[ReachedClaim]
    keeps_other_support: list[ReachedClaim]
