"""The loss report: what an export format could not carry, by kind and count.

Researchers take an export into another tool and must know what stayed
behind, so every format states its losses up front (before the first byte:
the API sends them as a header) from the counts of what the export holds.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from kb.schema import RelKind

LOSS_HEADER = "X-Export-Loss"


@dataclass(frozen=True)
class Loss:
    """`count` items of `kind` the format could not carry as they are; `note` says what
    became of them (dropped, or kept in a weaker form)."""

    kind: str
    count: int
    note: str

    def line(self) -> str:
        return f"{self.kind}: {self.count}; {self.note}"


def lost(kind: str, count: int, note: str) -> list[Loss]:
    """A one-item report when `count` is positive (nothing to say otherwise)."""
    return [Loss(kind, count, note)] if count > 0 else []


def as_text(losses: list[Loss], format_name: str) -> str:
    """The report for a terminal: one line per kind, or one line saying nothing was lost."""
    if not losses:
        return f"loss report ({format_name}): nothing lost"
    lines = [f"loss report ({format_name}):"] + [f"  {loss.line()}" for loss in losses]
    return "\n".join(lines)


def as_header(losses: list[Loss]) -> str:
    """The report as a compact JSON list for an HTTP header (ASCII only)."""
    return json.dumps([asdict(loss) for loss in losses], ensure_ascii=True, separators=(",", ":"))


def of_type(counts: dict[str, int], kind: RelKind) -> int:
    """How many relationships of `kind`'s type the export holds, between any labels."""
    return counts[f"rel:{kind.type}"]
