"""The lint rules as pure functions: no database needed."""

from __future__ import annotations

import re

from kb.config import PROJECT_ROOT
from kb.lint.rows import Assertion, ClaimRow, LinkRow
from kb.lint.rules import (
    CONNECTIVES,
    check,
    hedges_survive,
    marker_is_connective,
    no_cycle,
    no_duplicate_link,
    span_matches_text,
)


def link(link_id: str, a: str, b: str, kind: str = "supports") -> LinkRow:
    return LinkRow(link_id, kind, a, b, basis="curator", rationale="Test.")


def test_a_diamond_is_no_cycle_but_a_three_step_loop_is() -> None:
    diamond = [
        link("l1", "a", "b"),
        link("l2", "a", "c"),
        link("l3", "b", "d"),
        link("l4", "c", "d"),
    ]
    assert no_cycle([], diamond) == []
    loop = [*diamond, link("l5", "d", "e", "causal"), link("l6", "e", "b")]
    [violation] = no_cycle([], loop)
    assert (violation.id, violation.rule) == ("l3", "no-cycle")
    assert "b -> d -> e" in violation.message


def test_attacks_do_not_make_cycles() -> None:
    assert no_cycle([], [link("l1", "a", "b"), link("l2", "b", "a", "attacks")]) == []


def test_a_hedge_must_survive_and_a_rejected_view_is_exempt() -> None:
    hedged = ClaimRow(
        "c",
        "Trump is convinced.",
        "interpretive",
        False,
        assertions=(Assertion("Trump appears convinced"),),
    )
    assert [v.rule for v in hedges_survive([hedged], [])] == ["hedge"]
    kept = ClaimRow(
        "c",
        "Trump appears convinced.",
        "interpretive",
        False,
        assertions=(Assertion("Trump appears convinced"),),
    )
    rejected = ClaimRow(
        "v",
        "It was calm.",
        "interpretive",
        False,
        assertions=(Assertion("not, if anything, calm", "rejects"),),
    )
    assert check([kept, rejected], []) == []


def test_a_marker_must_hold_a_listed_connective_as_whole_words() -> None:
    def link(marker: str, link_id: str = "x") -> LinkRow:
        return LinkRow(link_id, "supports", "a", "b", "connective", marker, None, (marker,))

    passing = ["because", "This is why", "not a mediator but", "For  this reason", "Far from"]
    failing = ["the", "did not", "so-called", "sobering", "war, not peace"]
    found = marker_is_connective([], [link(m, m) for m in passing + failing])
    assert sorted(v.id for v in found) == sorted(failing)
    # No waiver: the article's first revision decided the links that broke the rule.
    assert [v.id for v in marker_is_connective([], [link("did not", "att-009")])] == ["att-009"]


def test_the_connectives_are_those_docs_curation_lists() -> None:
    text = (PROJECT_ROOT / "docs" / "curation.md").read_text(encoding="utf-8")
    paragraph = text.split("**What counts as a connective.**", 1)[1].split("Not connectives", 1)[0]
    listed = {
        word.strip().lower()
        for group in re.findall(r"\*([^*]+)\*", paragraph)
        for word in group.split(",")
    }
    assert listed - {"not x but y"} == set(CONNECTIVES)


def test_a_second_link_of_the_same_kind_and_direction_is_a_duplicate() -> None:
    links = [
        LinkRow("l1", "supports", "a", "b"),
        LinkRow("l2", "supports", "a", "b"),
        LinkRow("l3", "attacks", "a", "b"),
        LinkRow("l4", "supports", "b", "a"),
        LinkRow("att-013", "attacks", "a", "b"),
    ]
    assert [(v.id, v.message) for v in no_duplicate_link([], links)] == [
        ("l2", "a supports b is already the link l1"),
        ("l3", "a attacks b is already the link att-013"),
    ]


def test_a_span_whose_quote_is_not_the_text_at_its_offsets_is_reported() -> None:
    claims = [
        ClaimRow("ok", "A.", "factual", True, assertions=(Assertion("A", matches_text=True),)),
        ClaimRow("none", "A.", "factual", True, assertions=(Assertion("A"),)),
        ClaimRow(
            "stale",
            "A.",
            "factual",
            True,
            assertions=(Assertion("A", matches_text=False, source="s"),),
        ),
    ]
    assert [v.id for v in span_matches_text(claims, [])] == ["stale"]


def _claim(claim_id: str, *stances: tuple[str, str, str | None]) -> ClaimRow:
    """A claim with (source, stance, rationale) appearances."""
    return ClaimRow(
        claim_id,
        "Text.",
        "interpretive",
        False,
        assertions=tuple(Assertion("q", mode, None, source, why) for source, mode, why in stances),
    )


def test_a_reported_premise_is_allowed_only_as_the_report() -> None:
    from kb.lint.rules import stance_not_premise

    claims = [_claim("said", ("s1", "reports", None)), _claim("view", ("s1", "asserts", None))]
    bare = LinkRow("l1", "supports", "said", "view", "curator", sources=("s1",))
    as_report = LinkRow(
        "l2", "supports", "said", "view", "curator", sources=("s1",), premise_as="report"
    )
    other = LinkRow("l3", "supports", "said", "view", "curator", sources=("s2",))
    found = stance_not_premise(claims, [bare, as_report, other])
    assert [(v.id, v.rule) for v in found] == [("l1", "stance-not-premise")]
    assert "premise_as: report" in found[0].message
    rejected = [_claim("said", ("s1", "rejects", None)), claims[1]]
    assert [v.id for v in stance_not_premise(rejected, [as_report])] == ["l2"]


def test_asserting_and_rejecting_one_claim_needs_a_rationale() -> None:
    from kb.lint.rules import stance_consistent

    both = _claim("c", ("s1", "asserts", None), ("s1", "rejects", None), ("s2", "rejects", None))
    explained = _claim("d", ("s1", "presupposes", None), ("s1", "rejects", "Quoted to refute."))
    found = stance_consistent([both, explained], [])
    assert [(v.id, v.rule, v.message) for v in found] == [
        ("c", "stance-consistent", "s1 both asserts and rejects it, with no rationale")
    ]


def test_a_rejected_view_is_no_premise_whichever_source_argues_the_link() -> None:
    from dataclasses import replace

    from kb.lint.rules import rejected_view_not_premise, stance_not_premise

    # Only rejected (by s1); s2 argues from it: stance-not-premise, per source, is silent.
    only_rejected = _claim("view", ("s1", "rejects", None))
    # Framed as a rejected view, though another source asserts it.
    framed = replace(_claim("framed", ("s2", "asserts", None)), framing="rejected_view")
    # Rejected by one source, asserted by another, no framing: a premise for s2.
    contested = _claim("contested", ("s1", "rejects", None), ("s2", "asserts", None))
    links = [
        LinkRow("l1", "supports", "view", "x", "curator", sources=("s2",)),
        LinkRow("l2", "causal", "framed", "x", "curator", sources=("s2",)),
        LinkRow("l3", "attacks", "view", "x", "curator", sources=("s2",)),
        LinkRow("l4", "supports", "contested", "x", "curator", sources=("s2",)),
        LinkRow("l5", "supports", "x", "view", "curator", sources=("s2",)),
    ]
    claims = [only_rejected, framed, contested, _claim("x", ("s2", "asserts", None))]
    found = rejected_view_not_premise(claims, links)
    assert [(v.id, v.rule) for v in found] == [
        ("l1", "rejected-view-not-premise"),
        ("l2", "rejected-view-not-premise"),
    ]
    assert found[0].message == "view is recorded as a rejected view, yet supports x"
    assert stance_not_premise(claims, links) == []
