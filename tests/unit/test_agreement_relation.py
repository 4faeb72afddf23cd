"""How two sources' appearances of one claim meet (kb.services.agreement, issue 19)."""

from __future__ import annotations

import pytest

from kb.services.agreement import position, relation


def _side(*stances: str) -> list[dict[str, str]]:
    return [{"stance": stance} for stance in stances]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (("asserts",), ("presupposes",), "agree"),
        (("rejects",), ("rejects",), "agree"),
        (("asserts",), ("rejects",), "disagree"),
        (("rejects",), ("presupposes",), "disagree"),
        (("reports",), ("asserts",), "reported"),
        (("rejects",), ("reports",), "reported"),
        (("reports", "asserts"), ("asserts",), "agree"),  # it also asserts it itself
    ],
)
def test_relation(a: tuple[str, ...], b: tuple[str, ...], expected: str) -> None:
    assert relation(_side(*a), _side(*b)) == expected
    assert relation(_side(*b), _side(*a)) == expected


def test_position_prefers_commitment_then_rejection() -> None:
    assert position(_side("rejects", "presupposes")) == "commits"
    assert position(_side("reports", "rejects")) == "rejects"
    assert position(_side("reports")) == "reports"
