"""The claim graph, declared once: its node kinds, relationship kinds and claim kinds.

Everything that lists labels or relationship types reads them from here: the
bulk-load and export queries (`kb.queries.bulk`, `kb.queries.export`), the
merge's allow-lists (`kb.services.merges`), the claim type labels the compiler
writes and the checkable defaults `kb lint` holds claims to. Adding a label or
a relationship is one entry below; `tests/unit/test_schema.py` holds these
tables against the constraints of `cypher/schema/` and against `docs/model.md`.

Names are `LiteralString`s: they are the allow-list that the query modules
concatenate into Cypher, never user input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, LiteralString

from kb.models import ClaimType


@dataclass(frozen=True)
class NodeKind:
    """One node label: its key property (uniquely constrained) and its part in the domain."""

    label: LiteralString
    key: LiteralString | None = "id"  # None: no key (a log entry)
    domain: bool = True  # part of the claim graph (exported, bulk-loaded), not bookkeeping


@dataclass(frozen=True)
class RelKind:
    """One relationship type between two labels."""

    type: LiteralString
    start: LiteralString
    end: LiteralString
    anchor: Literal["start", "end"] = "start"  # which end's id pages them in an export
    merge_key: LiteralString = ""  # besides both ends, what a MERGE (bulk load) matches on
    argued: bool = False  # carries the `source_id` of the source that argues it
    domain: bool = True  # exported and bulk-loaded (False: seed bookkeeping)

    @property
    def name(self) -> str:
        """`TYPE:Start:End`, the kind's name in export counts and property types."""
        return f"{self.type}:{self.start}:{self.end}"

    @property
    def file_key(self) -> str:
        """`TYPE-Start-End`, as in neo4j-admin's `rel-TYPE-Start-End.csv` file names."""
        return f"{self.type}-{self.start}-{self.end}"


@dataclass(frozen=True)
class ClaimKind:
    """One claim type: the display label it gets and whether evidence can settle it."""

    type: ClaimType
    label: LiteralString
    checkable: bool  # the default; a claim may depart with a `checkable_reason`


# The domain's nodes in export order, then the bookkeeping ones.
NODES: tuple[NodeKind, ...] = (
    NodeKind("Source"),
    NodeKind("Claim"),
    NodeKind("CausalLink"),
    NodeKind("Actor"),
    NodeKind("Topic"),
    NodeKind("EvidenceSlot"),
    NodeKind("EvidenceLink"),
    NodeKind("Evidence"),
    # Retired elements and merge records: kept readable, never exported as the graph.
    NodeKind("SupersededCausalLink", domain=False),
    NodeKind("SupersededLink", domain=False),
    NodeKind("MergedClaim", domain=False),
    NodeKind("ClaimMerge", domain=False),
    # A source's revisions and what a revision retired (kb/annotation/revision.py); a
    # retired claim keeps its id but no longer holds `Claim`, so its id is not constrained.
    NodeKind("SourceRevision", key=None, domain=False),
    NodeKind("RetiredClaim", key=None, domain=False),
    NodeKind("RetiredAppearance", key=None, domain=False),
    # Operational records: never leave the database (API key hashes least of all).
    NodeKind("Event", domain=False),
    NodeKind("ApiKey", key="name", domain=False),
    NodeKind("IdempotencyRecord", domain=False),
    NodeKind("AppliedScript", domain=False),
    NodeKind("ScriptChange", key=None, domain=False),
)

# The relationship kinds other modules name (by these constants, never by their type).
ASSERTS = RelKind("ASSERTS", "Source", "Claim", anchor="end")
ASSERTS_LINK = RelKind("ASSERTS_LINK", "Source", "CausalLink", anchor="end")
SUPPORTS = RelKind("SUPPORTS", "Claim", "Claim", merge_key="id", argued=True)
ATTACKS = RelKind("ATTACKS", "Claim", "Claim", merge_key="id", argued=True)
ABOUT = RelKind("ABOUT", "Claim", "Actor", merge_key="role")
BEARS_ON_CLAIM = RelKind("BEARS_ON", "EvidenceLink", "Claim")
CAUSE_OF = RelKind("CAUSE_OF", "Claim", "CausalLink", anchor="end")

# Every relationship kind, in export order.
RELATIONSHIPS: tuple[RelKind, ...] = (
    ASSERTS,
    ASSERTS_LINK,
    SUPPORTS,
    ATTACKS,
    CAUSE_OF,
    RelKind("LEADS_TO", "CausalLink", "Claim"),
    ABOUT,
    RelKind("CONCERNS", "Claim", "Topic"),
    RelKind("HAS_SLOT", "Source", "EvidenceSlot", anchor="end"),
    RelKind("HAS_SLOT", "Claim", "EvidenceSlot", anchor="end"),
    RelKind("HAS_SLOT", "CausalLink", "EvidenceSlot", anchor="end"),
    RelKind("HAS_SLOT", "Actor", "EvidenceSlot", anchor="end"),
    BEARS_ON_CLAIM,
    RelKind("BEARS_ON", "EvidenceLink", "CausalLink"),
    RelKind("CITES", "EvidenceLink", "Evidence"),
    RelKind("FILLS", "EvidenceLink", "EvidenceSlot"),
    RelKind("INCLUDES", "Actor", "Actor"),  # a group within another one
    RelKind("CHANGED", "AppliedScript", "ScriptChange", domain=False),
    RelKind("HAS_REVISION", "Source", "SourceRevision", domain=False),
)

# The two kinds of argument a source makes between claims (AIF's RA- and CA-nodes).
ARGUMENTS: tuple[RelKind, ...] = (SUPPORTS, ATTACKS)

# The claim types (in `ClaimType`'s order) with their display labels.
CLAIMS: tuple[ClaimKind, ...] = (
    ClaimKind(ClaimType.factual, "Factual", checkable=True),
    ClaimKind(ClaimType.causal, "Causal", checkable=True),
    ClaimKind(ClaimType.interpretive, "Interpretive", checkable=False),
    ClaimKind(ClaimType.predictive, "Predictive", checkable=False),
    ClaimKind(ClaimType.normative, "Normative", checkable=False),
    ClaimKind(ClaimType.reported_speech, "ReportedSpeech", checkable=True),
)

# --- what the rest of the code reads ---------------------------------------------------

DOMAIN_NODES: tuple[NodeKind, ...] = tuple(kind for kind in NODES if kind.domain)
DOMAIN_RELATIONSHIPS: tuple[RelKind, ...] = tuple(kind for kind in RELATIONSHIPS if kind.domain)

# Claim type -> the second label a claim of that type carries (for display).
TYPE_LABELS: dict[str, LiteralString] = {kind.type.value: kind.label for kind in CLAIMS}
# Claim type -> whether evidence can settle a claim of that type (docs/curation.md).
CHECKABLE_BY_TYPE: dict[str, bool] = {kind.type.value: kind.checkable for kind in CLAIMS}


def merge_moves(label: str) -> tuple[RelKind, ...]:
    """The relationship kinds a merge of two `label` nodes moves: every one they can end."""
    return tuple(kind for kind in RELATIONSHIPS if label in (kind.start, kind.end))


def merge_types(label: str) -> frozenset[str]:
    """The relationship types a merge of `label` nodes knows how to move."""
    return frozenset(kind.type for kind in merge_moves(label))


def merge_endpoints(label: str) -> tuple[str, ...]:
    """The labels at the other end of what a merge of `label` nodes moves, in export order."""
    ends = {end for kind in merge_moves(label) for end in (kind.start, kind.end)}
    return tuple(node.label for node in NODES if node.label in ends)


# Every label a live claim may carry: `Claim` and its type's label.
CLAIM_LABELS: frozenset[str] = frozenset({"Claim", *TYPE_LABELS.values()})
