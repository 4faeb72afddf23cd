"""Grounded standing and evidence status rules, on small hand-made graphs."""

from kb.derived.oracle import derive_standing
from kb.derived.rules import downstream_of, evidence_status, standing_claims
from kb.models import Edge


def support(a: str, b: str, link: str | None = None) -> Edge:
    return Edge(a, b, "supports", link or f"{a}->{b}")


def test_unsupported_premises_stand_and_lift_their_conclusions() -> None:
    edges = [support("p", "c"), support("c", "d")]
    assert standing_claims(["p", "c", "d"], edges, set()) == {"p", "c", "d"}


def test_refuting_a_sole_premise_undermines_everything_above_it() -> None:
    edges = [support("p", "c"), support("c", "d")]
    assert standing_claims(["p", "c", "d"], edges, {"p"}) == set()


def test_a_second_premise_keeps_the_conclusion_standing() -> None:
    edges = [support("p", "c"), support("q", "c")]
    assert standing_claims(["p", "q", "c"], edges, {"p"}) == {"q", "c"}


def test_a_defeated_link_cuts_only_that_support() -> None:
    edges = [support("p", "c", "l1"), support("q", "c", "l2")]
    assert standing_claims(["p", "q", "c"], edges, set(), {"l1", "l2"}) == {"p", "q"}
    assert standing_claims(["p", "q", "c"], edges, set(), {"l1"}) == {"p", "q", "c"}


def test_a_cycle_does_not_lift_itself() -> None:
    edges = [support("a", "b"), support("b", "a"), support("p", "a")]
    assert standing_claims(["a", "b", "p"], edges, set()) == {"a", "b", "p"}
    assert standing_claims(["a", "b", "p"], edges, {"p"}) == set()


def test_downstream_of_follows_claims_and_links() -> None:
    edges = [support("p", "c", "l1"), support("c", "d"), support("x", "y", "l2")]
    assert downstream_of({"p"}, set(), edges) == {"c", "d"}
    assert downstream_of(set(), {"l2"}, edges) == {"y"}


def test_evidence_status_rule() -> None:
    assert evidence_status(0, 0) == "unverified"
    assert evidence_status(0.4, 0) == "supported"
    assert evidence_status(0, 0.4) == "refuted"
    assert evidence_status(0.8, 0.9) == "contested"
    assert evidence_status(0.9, 0.45) == "supported"  # twice as strong wins
    assert evidence_status(0.3, 0.9) == "refuted"


def test_standing_labels() -> None:
    edges = [support("p", "c"), support("q", "d"), support("p", "d")]
    labels = derive_standing(["p", "q", "c", "d"], edges, {"p": "refuted"})
    assert labels == {"p": "intact", "q": "intact", "c": "undermined", "d": "weakened"}
