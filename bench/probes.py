"""The requests the benchmark (and the load-path smoke test) make of a synthetic graph."""

from __future__ import annotations

from typing import Any

from bench.graphgen import SYLLABLES, GraphFacts, claim_id

API = "/api/v1"
# Measured to show what a cursor saves; SKIP grows with the depth, which grows with
# the graph, so the cross-size target is not asked of it (docs/benchmarks/benchmarks-notes.md).
BY_NUMBER = "list deep page (page number)"


def endpoints(facts: GraphFacts) -> dict[str, str]:
    """The read requests the benchmark times, by name; the same answer size at every size."""
    halfway = claim_id(facts.claims // 2)
    return {
        "detail": f"{API}/claims/{facts.small_claim}",
        "list page 1": f"{API}/claims?limit=50",
        # Halfway through the claims by keyset cursor, the way to page deep; a page
        # number that deep costs the pages before it (`deep_page_by_number`).
        "list deep page": f"{API}/claims?limit=50&after={halfway}",
        "search": f"{API}/claims?q={facts.search_word}",
        "dependents (small)": f"{API}/claims/{facts.small_claim}/dependents",
        "dependents (hub)": f"{API}/claims/{facts.hub_claim}/dependents",
        "dependencies (small)": f"{API}/claims/{facts.top_claim}/dependencies",
        "dependencies (hub)": f"{API}/claims/{facts.sink_claim}/dependencies",
        "impact": f"{API}/claims/{facts.small_claim}/impact",
        "causal chains": f"{API}/causal-chains?from={facts.chain_from}&to={facts.chain_to}",
    }


# The most common generated word (graphgen's power law, index 1): in about 64% of claims.
COMMON_WORD = SYLLABLES[1] + SYLLABLES[0] + SYLLABLES[0]


def user_mix() -> list[str]:
    """What users ask beside the timed endpoints, for the HTTP mixes: a common word and
    the status, type and checkable filters (issue 22)."""
    return [
        f"{API}/claims?q={COMMON_WORD}",
        f"{API}/claims?type=factual&status=supported&limit=50",
        f"{API}/claims?type=causal&status=unverified&limit=50",
        f"{API}/claims?checkable=true&limit=50",
        f"{API}/claims?type=factual&limit=50",
    ]


def answer_size(body: Any) -> int:
    """How many things an answer lists (items, claims reached, chains), for like-for-like."""
    if isinstance(body, dict):
        for key in ("items", "claims", "chains", "dependents", "unsupported"):
            if isinstance(body.get(key), list):
                return len(body[key])
    return 1


def deep_page_by_number(facts: GraphFacts) -> str:
    """The same depth as "list deep page" by page number: SKIP reads every claim before it."""
    return f"{API}/claims?limit=50&page={max(2, facts.claims // 50 // 2)}"
