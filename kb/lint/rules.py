"""The curation rules of docs/curation.md, as pure functions over rows.

Each rule takes the claims and/or links and returns its violations; `RULES`
runs them all. Rule names are what `kb lint` prints, so a test (and a
curator) can tell which rule a line is about.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from kb.lint.rows import ClaimRow, LinkRow, Violation
from kb.models import BASES, ClaimType
from kb.schema import CHECKABLE_BY_TYPE

# A hedge in a quote, and the words that show it survived into the paraphrase.
HEDGES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "appears",
        re.compile(r"\b(appears?|seems?)\b", re.I),
        re.compile(r"\b(appears?|seems?|apparently)\b", re.I),
    ),
    (
        "some believed",
        re.compile(r"\bsome believed\b", re.I),
        re.compile(r"\b(some|believed)\b", re.I),
    ),
    ("if", re.compile(r"\bif\b", re.I), re.compile(r"\b(if|once|unless)\b", re.I)),
)

DEPENDENCY_KINDS = ("supports", "causal")

# The connectives of docs/curation.md ("What counts as a connective"); a connective
# link's marker must contain one as whole words. Keep the two lists equal
# (tests/unit/test_lint_rules.py compares them).
CONNECTIVES: tuple[str, ...] = (
    "because",
    "since",
    "therefore",
    "so",
    "thus",
    "hence",
    "for this reason",
    "this is why",
    "as a result",
    "if",
    "however",
    "but",
    "rather than",
    "far from",
)
# Whole words: not inside another word, nor a hyphenated one ("so-called").
_CONNECTIVE = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in CONNECTIVES)
    + r")(?![\w-])",
    re.I,
)


def _dependencies(links: Iterable[LinkRow]) -> list[LinkRow]:
    return [link for link in links if link.kind in DEPENDENCY_KINDS]


def no_cycle(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """Support and causal links form no cycle (a claim never rests on itself)."""
    edges = _dependencies(links)
    outgoing: dict[str, list[LinkRow]] = defaultdict(list)
    for link in edges:
        outgoing[link.from_id].append(link)
    violations = []
    for component in _strongly_connected(outgoing):
        inside = sorted(
            (link for link in edges if link.from_id in component and link.to_id in component),
            key=lambda link: link.id,
        )
        if len(component) == 1 and not inside:
            continue
        path = " -> ".join(sorted(component))
        violations.append(
            Violation(
                inside[0].id,
                "no-cycle",
                f"support/causal cycle through {path} (links {', '.join(x.id for x in inside)})",
            )
        )
    return violations


def _strongly_connected(outgoing: dict[str, list[LinkRow]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative (the graph may be deep)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    nodes = sorted(set(outgoing) | {x.to_id for links in outgoing.values() for x in links})
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = [x.to_id for x in outgoing.get(node, [])]
            if child < len(targets):
                work.append((node, child + 1))
                target = targets[child]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            for target in targets:
                if target in on_stack:
                    low[node] = min(low[node], low[target])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                components.append(component)
    return components


def no_support_of_own_restatement(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """A claim does not support (or cause) a claim that restates it with a cause."""
    restated = {claim.id: claim.restates for claim in claims if claim.restates}
    return [
        Violation(
            link.id,
            "restated-support",
            f"{link.from_id} {link.kind} {link.to_id}, which restates it with a cause",
        )
        for link in _dependencies(links)
        if restated.get(link.to_id) == link.from_id
    ]


def presupposition_is_not_premise(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """A claim the text only presupposes (in a question) is not a premise or a cause."""
    presupposed = {
        claim.id
        for claim in claims
        if claim.assertions and all(a.mode == "presupposes" for a in claim.assertions)
    }
    return [
        Violation(
            link.id,
            "presupposition-premise",
            f"{link.from_id} is only presupposed by a question, yet {link.kind} {link.to_id}",
        )
        for link in _dependencies(links)
        if link.from_id in presupposed
    ]


def no_doubled_link(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """No pair joined by both SUPPORTS and a causal link the same way, unless marked."""
    causal = {(x.from_id, x.to_id): x.id for x in links if x.kind == "causal"}
    return [
        Violation(
            link.id,
            "doubled-link",
            f"{link.from_id} -> {link.to_id} is also the causal link {causal[pair]}",
        )
        for link in links
        if link.kind == "supports"
        and (pair := (link.from_id, link.to_id)) in causal
        and not link.also_causal
    ]


def link_has_basis(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """Every link has a known basis; a curator link says why in a rationale."""
    violations = []
    for link in links:
        if link.basis not in BASES:
            violations.append(
                Violation(link.id, "link-basis", f"basis {link.basis!r} is not one of {BASES}")
            )
        elif link.basis == "curator" and not (link.rationale or "").strip():
            violations.append(Violation(link.id, "link-basis", "curator link without rationale"))
    return violations


def connective_in_quote(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """A connective link names its marker, and a quote asserting it contains it."""
    violations = []
    for link in links:
        if link.basis != "connective":
            continue
        if not link.marker:
            violations.append(Violation(link.id, "connective-marker", "connective without marker"))
        elif not any(link.marker in quote for quote in link.quotes):
            violations.append(
                Violation(
                    link.id, "connective-marker", f"no quote contains the marker {link.marker!r}"
                )
            )
    return violations


def reported_speech_has_speaker(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """Reported speech names its speaker, or is marked as an unattributed report."""
    return [
        Violation(claim.id, "reported-speech", "reported speech with no speaker, not unattributed")
        for claim in claims
        if claim.type == ClaimType.reported_speech
        and not claim.has_speaker
        and not claim.unattributed
    ]


def checkable_follows_type(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """`checkable` follows the claim's type, unless a `checkable_reason` says why not."""
    violations = []
    for claim in claims:
        if claim.type not in CHECKABLE_BY_TYPE:
            violations.append(Violation(claim.id, "type-checkable", f"unknown type {claim.type!r}"))
        elif claim.checkable != CHECKABLE_BY_TYPE[claim.type] and not claim.checkable_reason:
            violations.append(
                Violation(
                    claim.id,
                    "type-checkable",
                    f"{claim.type} claims are checkable={CHECKABLE_BY_TYPE[claim.type]}, "
                    f"this one is {claim.checkable} with no checkable_reason",
                )
            )
    return violations


def hedges_survive(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """A hedge in a quote ("appears", "some believed", "if") survives into the paraphrase."""
    violations: list[Violation] = []
    for claim in claims:
        lost = sorted(
            {
                name
                for assertion in claim.assertions
                if assertion.mode != "rejects"
                for name, in_quote, in_text in HEDGES
                if in_quote.search(assertion.quote) and not in_text.search(claim.text)
            }
        )
        violations.extend(
            Violation(claim.id, "hedge", f"the quote hedges with {name!r}, the paraphrase does not")
            for name in lost
        )
    return violations


def span_matches_text(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """Every span's quote equals its source's text at its offsets (no stale offsets)."""
    return [
        Violation(
            claim.id,
            "span-matches-text",
            f"the quote {_short(assertion.quote)!r} of {assertion.source} is not the text "
            "at its offsets",
        )
        for claim in claims
        for assertion in claim.assertions
        if assertion.matches_text is False
    ]


def marker_is_connective(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """A connective link's marker holds a connective of docs/curation.md, as whole words."""
    return [
        Violation(
            link.id,
            "marker-is-connective",
            f"marker {link.marker!r} holds none of the connectives of docs/curation.md",
        )
        for link in links
        if link.basis == "connective" and link.marker and not _CONNECTIVE.search(link.marker)
    ]


def no_duplicate_link(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """No two links of the same kind join the same claims in the same direction."""
    first: dict[tuple[str, str, str], str] = {}
    violations = []
    for link in sorted(links, key=lambda x: x.id):
        key = (link.kind, link.from_id, link.to_id)
        if key not in first:
            first[key] = link.id
        else:
            violations.append(
                Violation(
                    link.id,
                    "duplicate-link",
                    f"{link.from_id} {link.kind} {link.to_id} is already the link {first[key]}",
                )
            )
    return violations


def stance_not_premise(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """A claim a source rejects is never a premise of that source's support or causal
    links; one it only reports is a premise only as the report (`premise_as: report`)."""
    stances: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        for assertion in claim.assertions:
            if assertion.source:
                stances[(assertion.source, claim.id)].add(assertion.mode)
    violations = []
    for link in _dependencies(links):
        for source in link.sources:
            held = stances.get((source, link.from_id), set())
            if held & {"asserts", "presupposes"} or not held:
                continue
            if "rejects" in held:
                message = f"{link.from_id} is a premise of {source}, which rejects it"
            elif link.premise_as != "report":
                message = (
                    f"{link.from_id} is a premise of {source}, which only reports it "
                    "(argue from the report: premise_as: report)"
                )
            else:
                continue
            violations.append(Violation(link.id, "stance-not-premise", message))
    return violations


def stance_consistent(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """One source does not both commit to and reject one claim, unless a rationale on
    one of its appearances explains the contrast."""
    violations = []
    for claim in claims:
        by_source: dict[str, list[str | None]] = defaultdict(list)
        modes: dict[str, set[str]] = defaultdict(set)
        for assertion in claim.assertions:
            if assertion.source:
                modes[assertion.source].add(assertion.mode)
                by_source[assertion.source].append(assertion.rationale)
        for source in sorted(modes):
            both = modes[source] & {"asserts", "presupposes"} and "rejects" in modes[source]
            if both and not any(by_source[source]):
                violations.append(
                    Violation(
                        claim.id,
                        "stance-consistent",
                        f"{source} both asserts and rejects it, with no rationale",
                    )
                )
    return violations


def is_rejected_view(claim: ClaimRow) -> bool:
    """Recorded as a rejected view: `framing: rejected_view`, or no appearance but `rejects`."""
    if claim.framing == "rejected_view":
        return True
    return bool(claim.assertions) and all(a.mode == "rejects" for a in claim.assertions)


def rejected_view_not_premise(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """A rejected view is never a premise or a cause, whichever source argues the link
    (unlike `stance-not-premise`, which asks only the link's own source)."""
    rejected = {claim.id for claim in claims if is_rejected_view(claim)}
    return [
        Violation(
            link.id,
            "rejected-view-not-premise",
            f"{link.from_id} is recorded as a rejected view, yet {link.kind} {link.to_id}",
        )
        for link in _dependencies(links)
        if link.from_id in rejected
    ]


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


Rule = Callable[[list[ClaimRow], list[LinkRow]], list[Violation]]
RULES: tuple[Rule, ...] = (
    no_cycle,
    no_support_of_own_restatement,
    presupposition_is_not_premise,
    no_doubled_link,
    link_has_basis,
    connective_in_quote,
    reported_speech_has_speaker,
    checkable_follows_type,
    hedges_survive,
    span_matches_text,
    marker_is_connective,
    no_duplicate_link,
    stance_not_premise,
    stance_consistent,
    rejected_view_not_premise,
)


def check(claims: list[ClaimRow], links: list[LinkRow]) -> list[Violation]:
    """Every violation of every rule, ordered by id then rule."""
    found = [violation for rule in RULES for violation in rule(claims, links)]
    return sorted(found, key=lambda v: (v.id, v.rule, v.message))
