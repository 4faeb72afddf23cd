"""The incremental path: derived status and standing, kept current by the writes that
change them.

Every claim and causal link stores its evidence `status`; every claim its
`standing` and the grounded labelling's bookkeeping (`kb.queries.derived`).
Reads use them as they are, in the transaction that reads what they decorate.
Writes keep them current inside their own transaction:

- evidence attached or retracted (`refresh_target`): the target's status is
  derived again from its own active evidence; only when it becomes or stops
  being `refuted` does any standing change, and then only downstream of it;
- links or claims added, removed or merged, by a merge or an import
  (`refresh_after_change`, `kb.services.import_derived`): the
  statuses of the named targets, then the labelling of every claim
  downstream of them (`kb.derived.region`), with the stored values of their
  other premises as the fixed boundary;
- claims merged (their appearances move): each named claim's `consensus`
  (`refresh_consensus`), derived again from its appearances;
- slots opened, closed, reopened or filled: the owning claim's stored slot state
  (`refresh_consensus` too, which derives it from the claim's slots);
- seeds, restores and bulk loads (`recompute_all`, `kb.derived.full`):
  everything from scratch, writing only what differs.

Only values that change are written, so a write that changes no standing
writes no claim but its target.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from neo4j import ManagedTransaction

from kb.derived.full import chunks
from kb.derived.region import Labels, Premise, label_region
from kb.derived.rules import REFUTED, claim_values, evidence_status
from kb.repositories import derived as repo

LABEL_FIELDS = ("standing", "stands_baseline", "stands_now", "rests_on_defeated")


def refresh_target(tx: ManagedTransaction, target_id: str) -> None:
    """After evidence on `target_id` changed (in the caller's transaction): its status,
    and the standing downstream if it became or stopped being refuted."""
    state = repo.target_evidence_state(tx, target_id)
    if state is None:
        return
    status = status_from(state["evidence"])
    previous = state["status"]
    if previous != status:
        repo.set_status(tx, state["kind"], target_id, status)
    if previous is None or (previous == REFUTED) != (status == REFUTED):
        refresh_downstream(tx, [target_id] if state["kind"] == "claim" else state["effects"])


def status_from(evidence: Iterable[dict[str, Any]]) -> str:
    """The evidence status of a target's active `{stance, confidence}` links."""
    weights: dict[str, list[float]] = {"supports": [], "refutes": []}
    for link in evidence:
        weights[link["stance"]].append(float(link["confidence"]))
    return evidence_status(math.fsum(weights["supports"]), math.fsum(weights["refutes"])).value


def refresh_after_change(
    tx: ManagedTransaction, claim_ids: Iterable[str] = (), link_ids: Iterable[str] = ()
) -> int:
    """After claims or links were added, removed, merged or rewired (in the caller's
    transaction): the status of each named claim and causal link, then the labelling
    of everything downstream of them. Name a link's effect (or the claim a removed
    link led to) in `claim_ids`. Returns how many claims changed their labelling."""
    starts = list(dict.fromkeys(claim_ids))
    refresh_consensus(tx, starts)
    # Statuses a batch of targets a statement (an import names hundreds), then the writes.
    changed: dict[str, list[dict[str, Any]]] = {"claim": [], "causal_link": []}
    for ids in chunks(list(dict.fromkeys([*starts, *link_ids]))):
        for state in repo.targets_evidence_state(tx, list(ids)):
            status = status_from(state["evidence"])
            if state["status"] != status:
                changed[state["kind"]].append({"id": state["id"], "status": status})
            starts.extend(state["effects"])
    for batch in chunks(changed["claim"]):
        repo.set_claims_status(tx, list(batch))
    for batch in chunks(changed["causal_link"]):
        repo.set_causal_links_status(tx, list(batch))
    return refresh_downstream(tx, starts)


def refresh_consensus(tx: ManagedTransaction, claim_ids: list[str]) -> None:
    """Derive the consensus (and the appearance counts and slot state) of each claim
    again from its appearances and slots; write what changed (ids of other targets,
    such as causal links, match no claim and write nothing)."""
    for ids in chunks(claim_ids):
        rows = repo.claims_appearances(tx, list(ids))
        changed = []
        for row in rows:
            derived = claim_values(row["appearances"], row["slots"])
            if any(row[name] != value for name, value in derived.items()):
                changed.append({"id": row["id"], **derived})
        if changed:
            repo.set_claims_consensus(tx, changed)


def refresh_downstream(tx: ManagedTransaction, claim_ids: Iterable[str]) -> int:
    """Label again `claim_ids` and every claim that rests on them, transitively; write
    the labels that changed and return how many claims changed."""
    region = downstream_closure(tx, claim_ids)
    if not region:
        return 0
    for ids in chunks(region):  # in id order, so overlapping writers lock alike
        repo.lock_claims(tx, list(ids))
    rows = [row for ids in chunks(region) for row in repo.claims_grounding(tx, list(ids))]
    claims = {row["id"]: row["status"] for row in rows}
    premises = {row["id"]: [Premise.of(p) for p in row["premises"]] for row in rows}
    labels = label_region(claims, premises)
    changed = [labels[row["id"]].as_row(row["id"]) for row in rows if _differs(row, labels)]
    for batch in chunks(changed):
        repo.set_claims_grounding(tx, list(batch))
    return len(changed)


def _differs(stored: dict[str, Any], labels: dict[str, Labels]) -> bool:
    derived = labels[stored["id"]].as_row(stored["id"])
    return any(stored[field] != derived[field] for field in LABEL_FIELDS)


def downstream_closure(tx: ManagedTransaction, claim_ids: Iterable[str]) -> list[str]:
    """`claim_ids` and every claim resting on them through any chain of support or
    causal links (breadth-first, so a cycle is visited once)."""
    frontier = list(dict.fromkeys(claim_ids))
    seen = set(frontier)
    while frontier:
        reached: list[str] = []
        for ids in chunks(frontier):
            reached.extend(c for c in repo.downstream_step(tx, list(ids)) if c not in seen)
        frontier = list(dict.fromkeys(reached))
        seen.update(frontier)
    return sorted(seen)
