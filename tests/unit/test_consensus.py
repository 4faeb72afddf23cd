"""A claim's consensus from its appearances, and disagreement through a reported speaker
(issue 19): pure rules, no database."""

from __future__ import annotations

from kb.derived.rules import (
    appearance_values,
    asserted_by,
    claim_values,
    consensus,
    parties,
    reported_by,
    slot_state,
)
from kb.services.agreement import relation


def test_a_source_that_only_reports_is_no_party_but_its_speaker_is() -> None:
    rows = [("wire", "reports", "hamas", "asserts"), ("wire", "reports", None, None)]
    assert parties(rows) == {"speaker:hamas": {"commits"}}
    assert consensus(rows) == "single"
    assert consensus([]) == "single"


def test_consensus_agreed_and_contested() -> None:
    assert consensus([("a", "asserts", None, None), ("b", "presupposes", None, None)]) == "agreed"
    assert consensus([("a", "rejects", None, None), ("b", "rejects", None, None)]) == "agreed"
    assert consensus([("a", "asserts", None, None), ("a", "asserts", None, None)]) == "single"
    denied = [("a", "asserts", None, None), ("b", "reports", "spokesperson", "rejects")]
    assert consensus(denied) == "contested"
    # a stance never set (older data) reads as asserts
    assert consensus([("a", None, None, None), ("b", "rejects", None, None)]) == ("contested")


def test_appearance_counts_count_distinct_committing_sources_and_reported_speakers() -> None:
    rows = [
        ("a", "asserts", None, None),
        ("a", "presupposes", None, None),  # the same source again
        ("b", None, None, None),  # a stance never set reads as asserts
        ("c", "rejects", None, None),
        ("w", "reports", "hamas", "asserts"),
        ("x", "reports", "hamas", "rejects"),  # the same speaker again
        ("x", "reports", "idf", None),
        ("y", "reports", None, None),  # no speaker
    ]
    assert asserted_by(rows) == 2
    assert reported_by(rows) == 2
    assert appearance_values(rows) == {"consensus": "contested", "asserted_by": 2, "reported_by": 2}
    assert appearance_values([]) == {"consensus": "single", "asserted_by": 0, "reported_by": 0}


def _appearance(stance: str, speaker: str | None = None, said: str | None = None) -> dict:
    return {"stance": stance, "speaker": speaker, "speaker_stance": said}


def test_a_speaker_one_source_reports_can_disagree_with_the_other_source() -> None:
    rejects = [_appearance("rejects")]
    assert relation(rejects, [_appearance("reports", "mediators", "asserts")]) == "disagree"
    assert relation([_appearance("asserts")], [_appearance("reports", "hamas")]) == "reported"
    assert relation([_appearance("asserts")], [_appearance("reports", "x", "rejects")]) == (
        "disagree"
    )
    # both only report, speakers on opposite sides
    assert (
        relation([_appearance("reports", "x", "asserts")], [_appearance("reports", "y", "rejects")])
        == "disagree"
    )


def test_slot_state_is_the_slot_filter_none_open_or_settled() -> None:
    assert slot_state([]) == "none"
    assert slot_state(["closed", "open"]) == "open"
    assert slot_state(["filled", "closed"]) == "settled"
    rows = [["src-0", "asserts", None, None]]
    assert claim_values(rows, ["open"]) == {**appearance_values(rows), "slot": "open"}
