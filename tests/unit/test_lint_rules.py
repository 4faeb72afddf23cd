"""The lint rules as pure functions: no database needed."""

from __future__ import annotations

from kb.lint.rows import Assertion, ClaimRow, LinkRow
from kb.lint.rules import check, hedges_survive, no_cycle


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
