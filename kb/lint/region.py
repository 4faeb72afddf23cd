"""What an import touches, and the lint rules judged on that region alone.

The import trial (`kb.services.import_trial`) lints the claims and links a
script touches and their neighbourhood instead of the whole graph. This module
holds the pure parts: which ids a compiled source touches, the rules that are
local (each verdict depends on one claim, or on one link, its two claims and the
links between those claims), and the cycle rule over the part of the graph the
cycle search found.

Why the region gives the full lint's verdicts: a local rule's verdict on a claim
depends on that claim's own row; on a link, on the link, its end claims and
every link joining the same two claims. The region holds every claim the script
may change and every link with an end among them (so every link of such a
pair), with rows for their other ends. A cycle's violation changes only when its
strongly connected component changes, and a component the script creates or
changes contains a link the script writes; the search finds every node on a
path from such a link's head back to its tail, and that set holds each of those
components whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from kb.annotation.model import Compiled
from kb.lint.rows import ClaimRow, LinkRow, Violation
from kb.lint.rules import DEPENDENCY_KINDS, RULES, no_cycle

# Every rule but the cycle rule judges an item by its row and its neighbours'.
LOCAL_RULES = tuple(rule for rule in RULES if rule is not no_cycle)


@dataclass(frozen=True)
class Touched:
    """The source, claims and links (support, attack, causal) a script writes or retires."""

    source_id: str
    claims: frozenset[str]
    links: frozenset[str]


def touched_by(compiled: Compiled) -> Touched:
    """Every claim and link id a compiled source's script writes, references or supersedes."""
    claims: set[str] = {str(row["id"]) for row in compiled.claims}
    claims |= {str(row["id"]) for row in compiled.claim_refs}
    claims |= {str(row["claim"]) for row in [*compiled.asserts, *compiled.about]}
    links: set[str] = set()
    for row in [*compiled.supports, *compiled.attacks]:
        links.add(str(row["id"]))
        claims |= {str(row["from_claim"]), str(row["to_claim"])}
    for row in [*compiled.causal_links, *compiled.superseded_causal]:
        links.add(str(row["id"]))
        claims |= {str(row["cause"]), str(row["effect"])}
    for row in compiled.superseded_links:
        links.add(str(row["id"]))
        claims |= {str(row["from_id"]), str(row["to_id"])}
    links |= {str(row["link"]) for row in [*compiled.link_asserts, *compiled.superseded_asserts]}
    return Touched(compiled.source_id, frozenset(claims), frozenset(links))


def local_violations(claims: list[ClaimRow], links: list[LinkRow]) -> set[Violation]:
    """The local rules' violations among these rows."""
    return {violation for rule in LOCAL_RULES for violation in rule(claims, links)}


def touched_dependencies(links: list[LinkRow], touched: Touched) -> list[LinkRow]:
    """The support and causal links among `links` that the script writes or retires."""
    return [link for link in links if link.kind in DEPENDENCY_KINDS and link.id in touched.links]


def cycles_through(edges: list[LinkRow], touched: Touched) -> set[Violation]:
    """`no-cycle` violations of the components (among `edges`) that hold a touched link."""
    found = set()
    for violation in no_cycle([], edges):
        # The rule's message ends "(links a, b, ...)": the component's links.
        inside = violation.message.rsplit("(links ", 1)[-1].rstrip(")").split(", ")
        if touched.links.intersection(inside):
            found.add(violation)
    return found
