"""What a compiled annotation holds: the rows of each batch of the seed script.

Each list is one `UNWIND` batch of the generated script; each row is a plain
dict of Cypher-literal values (str, int, bool, None, lists of str). `lines`
maps every id the file defines or references to the line that does so, so a
rule broken later (a `kb lint` rule on the compiled graph) still points into
the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]

# A claim's curation marks: optional fields copied as they are from the file to the node.
CLAIM_MARKS: tuple[str, ...] = (
    "checkable_reason",
    "unattributed",
    "framing",
    "held_by",
    "restates",
    "restates_link",
)


@dataclass(frozen=True)
class ExistingIds:
    """Ids the database already holds, so a file may reference them."""

    claims: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    causal_links: frozenset[str] = frozenset()
    links: frozenset[str] = frozenset()
    # Retired claims the file mentions, each with where it was retired ("revision 3 of s").
    retired_claims: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Compiled:
    """One source, ready to be written as a seed script."""

    source: Row
    source_slots: list[Row] = field(default_factory=list)
    actors: list[Row] = field(default_factory=list)
    actor_aliases: list[Row] = field(default_factory=list)
    actor_slots: list[Row] = field(default_factory=list)
    includes: list[Row] = field(default_factory=list)
    topics: list[Row] = field(default_factory=list)
    topic_aliases: list[Row] = field(default_factory=list)
    claims: list[Row] = field(default_factory=list)
    claim_refs: list[Row] = field(default_factory=list)
    asserts: list[Row] = field(default_factory=list)
    about: list[Row] = field(default_factory=list)
    concerns: list[Row] = field(default_factory=list)
    claim_slots: list[Row] = field(default_factory=list)
    supports: list[Row] = field(default_factory=list)
    attacks: list[Row] = field(default_factory=list)
    causal_links: list[Row] = field(default_factory=list)
    link_asserts: list[Row] = field(default_factory=list)
    causal_slots: list[Row] = field(default_factory=list)
    superseded_links: list[Row] = field(default_factory=list)
    superseded_causal: list[Row] = field(default_factory=list)
    superseded_asserts: list[Row] = field(default_factory=list)
    superseded_slots: list[Row] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    # A revision of an applied source (kb.annotation.revision): empty on a first import.
    placements: list[Row] = field(default_factory=list)  # report only: where each quote went
    revisions: list[Row] = field(default_factory=list)
    revived_claims: list[Row] = field(default_factory=list)
    retired_appearances: list[Row] = field(default_factory=list)
    moved_appearances: list[Row] = field(default_factory=list)
    retired_claims: list[Row] = field(default_factory=list)
    revision_events: list[Row] = field(default_factory=list)
    # Causal links the revision supersedes (their rows are in `superseded_causal`).
    revision_retired_causal: list[str] = field(default_factory=list)

    @property
    def source_id(self) -> str:
        return str(self.source["id"])

    def ids(self) -> set[str]:
        """Every claim, link and causal link id this source writes."""
        rows = [*self.claims, *self.supports, *self.attacks, *self.causal_links]
        return {str(row["id"]) for row in rows} | {str(r["claim"]) for r in self.asserts}
