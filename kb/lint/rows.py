"""Plain rows the lint rules read, and the violation they report."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkRow:
    """A support, attack or causal link between two claims."""

    id: str
    kind: str  # supports | attacks | causal
    from_id: str
    to_id: str
    basis: str | None = None
    marker: str | None = None
    rationale: str | None = None
    quotes: tuple[str, ...] = ()
    also_causal: bool = False
    sources: tuple[
        str, ...
    ] = ()  # the sources arguing it (ATTACKS/SUPPORTS.source_id, ASSERTS_LINK)
    premise_as: str | None = None  # `report`: it argues from the premise having been said


@dataclass(frozen=True)
class Assertion:
    """How one source span relates to a claim: asserts, presupposes or rejects it."""

    quote: str
    mode: str = "asserts"
    # Whether the quote equals its source's text at its offsets (None: no text or offsets).
    matches_text: bool | None = None
    source: str | None = None
    rationale: str | None = None  # why one source both asserts and rejects the claim


@dataclass(frozen=True)
class ClaimRow:
    """A claim as the rules see it."""

    id: str
    text: str
    type: str
    checkable: bool | None
    checkable_reason: str | None = None
    unattributed: bool = False
    restates: str | None = None
    has_speaker: bool = False
    assertions: tuple[Assertion, ...] = ()
    framing: str | None = None  # `rejected_view`: a view the source states only to reject it


@dataclass(frozen=True)
class Violation:
    """One broken rule: `where` is the seed script (or `db`) the id comes from."""

    id: str
    rule: str
    message: str
    where: str = "db"

    def line(self) -> str:
        return f"{self.where}: {self.id}: {self.rule}: {self.message}"
