"""`kb lint` a page at a time finds what the rules find over every row at once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kb.lint.paged import CLAIM_RULES, LINK_RULES, PagedLint
from kb.lint.region import LOCAL_RULES
from kb.lint.rows import Assertion, ClaimRow, LinkRow
from kb.lint.rules import RULES, check, no_cycle

IDS = [f"c-{i}" for i in range(8)]
SOURCES = ("s1", "s2")


def test_every_rule_is_a_claim_rule_a_link_rule_or_the_cycle_rule() -> None:
    """A new rule must be placed (kb/lint/paged.py) before the paged lint runs it."""
    assert sorted(r.__name__ for r in (*CLAIM_RULES, *LINK_RULES, no_cycle)) == sorted(
        r.__name__ for r in RULES
    )
    assert no_cycle not in LOCAL_RULES and len(LOCAL_RULES) == len(RULES) - 1


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[ClaimRow], list[LinkRow]]:
    claims = []
    for claim_id in IDS:
        modes = draw(
            st.lists(st.sampled_from(("asserts", "presupposes", "rejects", "reports")), max_size=3)
        )
        claims.append(
            ClaimRow(
                claim_id,
                draw(st.sampled_from(("It holds.", "It appears to hold."))),
                draw(st.sampled_from(("factual", "interpretive", "reported_speech"))),
                draw(st.booleans()),
                restates=draw(st.none() | st.sampled_from(IDS)),
                assertions=tuple(
                    Assertion("it appears so", mode, source=draw(st.sampled_from(SOURCES)))
                    for mode in modes
                ),
                framing=draw(st.sampled_from((None, "rejected_view"))),
            )
        )
    links = []
    for i in range(draw(st.integers(0, 14))):
        kind = draw(st.sampled_from(("supports", "attacks", "causal")))
        links.append(
            LinkRow(
                f"l-{i:02d}",
                kind,
                draw(st.sampled_from(IDS)),
                draw(st.sampled_from(IDS)),
                basis=draw(st.sampled_from(("connective", "curator", "odd"))),
                marker=draw(st.sampled_from((None, "because", "the"))),
                rationale=draw(st.sampled_from((None, "Why."))),
                quotes=("because the",),
                also_causal=draw(st.booleans()),
                sources=tuple(draw(st.sets(st.sampled_from(SOURCES), max_size=2))),
                premise_as=draw(st.sampled_from((None, "report"))),
            )
        )
    return claims, links


@settings(max_examples=200, deadline=None)
@given(graph=graphs(), page=st.integers(1, 5))
def test_pages_of_claims_and_links_give_the_whole_verdicts(
    graph: tuple[list[ClaimRow], list[LinkRow]], page: int
) -> None:
    claims, links = graph
    paged = PagedLint()
    for at in range(0, len(claims), page):
        paged.add_claims(claims[at : at + page])
    for at in range(0, len(claims), page):
        ids = {claim.id for claim in claims[at : at + page]}
        paged.add_links([link for link in links if link.from_id in ids])
    inside = set(paged.cycle_candidates())
    edges = [x for x in links if x.kind != "attacks" and {x.from_id, x.to_id} <= inside]
    found = set(paged.violations) | set(no_cycle([], edges))
    assert sorted(found, key=lambda v: (v.id, v.rule, v.message)) == sorted(
        set(check(claims, links)), key=lambda v: (v.id, v.rule, v.message)
    )
