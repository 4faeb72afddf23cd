"""The domain's vocabulary and the plain result types services return.

Every closed set of words the knowledge base uses (claim types, actor roles,
stances, slot kinds and statuses, ...) is defined here once. Services
validate against these; the API's schemas and the CLI take their choices
from here, so a caller that is not HTTP is held to the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any, Literal

LinkKind = Literal["supports", "causal"]
Direction = Literal["downstream", "upstream"]
TargetKind = Literal["claim", "causal_link"]

MAX_DEPTH = 50  # the deepest walk anyone may ask for (and the depth `impact` uses)
DEFAULT_DEPTH = 10
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_PAGE = 1_000_000  # keeps every offset a 64-bit integer, as Neo4j needs
# Walk answers page too; their items are small (a parent pointer each), so pages are larger.
DEFAULT_WALK_PAGE_SIZE = 200
MAX_WALK_PAGE_SIZE = 1000


class ClaimType(StrEnum):
    """What kind of proposition a claim is (see docs/model.md for checkability)."""

    factual = "factual"
    causal = "causal"
    interpretive = "interpretive"
    predictive = "predictive"
    normative = "normative"
    reported_speech = "reported_speech"


class ActorRole(StrEnum):
    """The part an actor plays in a claim."""

    agent = "agent"
    target = "target"
    speaker = "speaker"
    subject = "subject"


class ActorKind(StrEnum):
    person = "person"
    state = "state"
    organisation = "organisation"
    group = "group"
    population = "population"
    office = "office"


class Stance(StrEnum):
    """What an analyst's evidence says about its target."""

    supports = "supports"
    refutes = "refutes"
    context = "context"


class AppearanceStance(StrEnum):
    """How a source stands to a claim it states (`ASSERTS.stance`, docs/model.md)."""

    asserts = "asserts"
    presupposes = "presupposes"
    rejects = "rejects"
    reports = "reports"  # only a named speaker is committed (`speaker`, `speaker_stance`)


class SpeakerStance(StrEnum):
    """How the speaker a source reports stands to the claim."""

    asserts = "asserts"
    rejects = "rejects"


# The stances that commit a source to a claim; `rejects` commits it to the negation.
COMMITTING_STANCES: tuple[str, ...] = (AppearanceStance.asserts, AppearanceStance.presupposes)


class SlotKind(StrEnum):
    """What an evidence slot belongs to."""

    claim = "claim"
    causal_link = "causal_link"
    source_metadata = "source_metadata"
    external_id = "external_id"


class SlotStatus(StrEnum):
    open = "open"
    filled = "filled"
    closed = "closed"


class SlotFilter(StrEnum):
    """`GET /claims?slot=`: claims with a slot in a status, or with none."""

    open = "open"
    filled = "filled"
    closed = "closed"
    none = "none"


class EvidenceStatus(StrEnum):
    """A claim's or causal link's status, derived from analysts' evidence."""

    unverified = "unverified"
    supported = "supported"
    refuted = "refuted"
    contested = "contested"


class Standing(StrEnum):
    """A claim's standing, derived from what it rests on (grounded labelling)."""

    intact = "intact"
    weakened = "weakened"
    undermined = "undermined"


class Basis(StrEnum):
    """Where an argument link comes from (docs/curation.md): a connective in the
    text, the text's structure, or the curator's own inference."""

    connective = "connective"
    structure = "structure"
    curator = "curator"


class Role(IntEnum):
    """API key roles in increasing power: each may do what the ones below it may."""

    reader = 1
    analyst = 2
    admin = 3


def choices(vocabulary: type[StrEnum] | type[IntEnum]) -> tuple[str, ...]:
    """The words of a vocabulary, in definition order (for schemas and CLI choices)."""
    return tuple(member.name for member in vocabulary)


BASES: tuple[str, ...] = choices(Basis)


@dataclass(frozen=True)
class PageRequest:
    """Which page of a list is wanted; `skip` is the one place offsets are computed."""

    page: int = 1
    limit: int = DEFAULT_PAGE_SIZE

    @property
    def skip(self) -> int:
        return (self.page - 1) * self.limit


@dataclass(frozen=True)
class Page:
    """One page of a list, with what is needed to fetch the rest.

    `total_is_estimate`: counting stopped at a cap (`kb.repositories.paging`),
    so `total` is a lower bound; a full page then always offers a next one.
    """

    items: list[Any]
    page: int
    limit: int
    total: int
    total_is_estimate: bool = False
    next_after: str | None = None  # keyset cursor of the next page, where a list has one

    @classmethod
    def of(
        cls,
        request: PageRequest,
        total: int,
        items: list[Any],
        total_is_estimate: bool = False,
        *,
        next_after: str | None = None,
    ) -> Page:
        return cls(items, request.page, request.limit, total, total_is_estimate, next_after)

    @property
    def meta(self) -> dict[str, int | bool | str | None]:
        pages = max(1, -(-self.total // self.limit))
        next_page = self.page + 1 if self.page < pages else None
        if self.total_is_estimate:
            next_page = self.page + 1 if len(self.items) == self.limit else None
            pages = max(pages, next_page or self.page)
        return {
            "page": self.page,
            "limit": self.limit,
            "total": self.total,
            "total_is_estimate": self.total_is_estimate,
            "pages": pages,
            "next_page": next_page,
            "next_after": self.next_after,
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
class Via:
    """How a walk reached a claim: from `claim_id`, the claim one step nearer the
    walk's start (the start itself at distance 1), through the link `link_id`.

    A parent pointer: following `via` back to the start spells one shortest
    explaining path, so an answer grows with the claims reached, not with
    the sum of their path lengths.
    """

    claim_id: str
    link_id: str
    kind: LinkKind
    basis: str | None = None
    marker: str | None = None
    rationale: str | None = None


@dataclass
class ReachedClaim:
    """A claim found by a walk, with its distance and the step that reached it."""

    claim_id: str
    distance: int
    via: Via
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
    page: int = 1
    limit: int = DEFAULT_WALK_PAGE_SIZE
    total: int = 0  # every claim reached, on this page or another
    source: str | None = None  # only the links this source argues (None: every source)

    @property
    def meta(self) -> dict[str, int | bool | str | None]:
        """The same paging meta as every list's."""
        return Page(self.claims, self.page, self.limit, self.total).meta


@dataclass
class Impact:
    """What refuting one claim would do to the claims that depend on it."""

    claim_id: str
    loses_all_support: list[ReachedClaim]
    keeps_other_support: list[ReachedClaim]
