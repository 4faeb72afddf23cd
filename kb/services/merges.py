"""Two claims that turned out to be one: merge them, audited and reversible.

`merge(survivor, merged)` moves every relationship of the merged claim onto
the survivor (assertions, support and attack links with their ids and
properties, causal CAUSE_OF/LEADS_TO, ABOUT, CONCERNS, slots, evidence
BEARS_ON with the evidence link's `target_id`), turns the merged claim into a
tombstone (`MergedClaim`, `merged_into`) so its id is never reused, and writes
a `ClaimMerge` record of exactly what moved and what was dropped as a
duplicate of what the survivor already had, plus an event on each claim.
`unmerge` reads that record and puts everything back, so a round trip leaves
the graph as it was (apart from the record and the events, which stay as
audit). A merge refuses to make a claim support, attack or cause itself: two
claims joined by such a link are not one claim.

Both run in one write transaction each, and lock both claims before reading
anything they move: evidence, slots and other writes to a claim take the same
lock first (`kb.services.targets.lock_target`), so none lands on a claim
between the merge's read of its relationships and its tombstone. Relationship types and labels are
checked against the allow-lists below before they reach a query.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from kb.db import Store
from kb.derived import incremental
from kb.errors import Conflict, InvalidRequest, NotFound
from kb.repositories import merges as repo
from kb.repositories.history import record_event
from kb.schema import BEARS_ON_CLAIM, CLAIM_LABELS, merge_endpoints, merge_types
from kb.services.keys import now_iso

# What a merge knows how to move (every relationship kind a claim can end, from
# kb.schema); anything else on a claim stops it.
RELATIONSHIP_TYPES = merge_types("Claim")
ENDPOINT_LABELS = merge_endpoints("Claim")
_SCALARS = (str, int, float, bool)
MAX_REASON = 2000


@dataclass(frozen=True)
class MergeOutcome:
    """What `merge` or `unmerge` did."""

    merge_id: str
    survivor_id: str
    merged_id: str
    moved: int  # relationships moved
    dropped: int  # duplicates of the survivor's own (dropped by merge, re-created by unmerge)


def merge(store: Store, survivor_id: str, merged_id: str, reason: str, by: str) -> MergeOutcome:
    """Merge `merged_id` into `survivor_id`.

    Raises `NotFound` for an unknown id, `InvalidRequest` for the same id twice
    or an empty reason, `Conflict` when either is already merged away or the
    two are joined by a support, attack or causal link.
    """
    reason = _reason(reason)
    if survivor_id == merged_id:
        raise InvalidRequest(f"cannot merge claim {survivor_id!r} into itself", field="merged")
    return store.write(_merge, survivor_id, merged_id, reason, by, now_iso())


def unmerge(store: Store, merged_id: str, reason: str, by: str) -> MergeOutcome:
    """Undo the merge that made `merged_id` a tombstone.

    Raises `NotFound` for an unknown id, `Conflict` when it is not merged, when
    its survivor has itself been merged since (unmerge that first), or when what
    the merge moved is no longer on the survivor.
    """
    reason = _reason(reason)
    return store.write(_unmerge, merged_id, reason, by, now_iso())


def survivor_of(store: Store, claim_id: str) -> str | None:
    """The live claim a merged-away `claim_id` now lives in (following merges of merges)."""
    merged = store.read(repo.merged_claims)
    if claim_id not in merged:
        return None
    seen = {claim_id}
    current = merged[claim_id]
    while current in merged and current not in seen:
        seen.add(current)
        current = merged[current]
    return current


def tombstone_relationships(store: Store) -> list[dict[str, Any]]:
    """Relationships left on merged-away claims (`{merged_id, type, relationships}`).

    A merge moves every relationship, so this is empty unless a write slipped past it.
    """
    return store.read(repo.tombstone_relationships)


def absorbed_ids(tx: ManagedTransaction, claim_id: str) -> list[str]:
    """Ids of the claims merged into `claim_id`, directly or through other merges."""
    by_survivor: dict[str, list[str]] = {}
    for merged_id, survivor in repo.merged_claims(tx).items():
        by_survivor.setdefault(survivor, []).append(merged_id)
    found: list[str] = []
    frontier = [claim_id]
    while frontier:
        children = [m for s in frontier for m in by_survivor.get(s, []) if m not in found]
        found.extend(children)
        frontier = children
    return sorted(found)


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise InvalidRequest(f"a reason of 1-{MAX_REASON} characters is required", field="reason")
    return reason


def _merge(
    tx: ManagedTransaction, survivor_id: str, merged_id: str, reason: str, by: str, now: str
) -> MergeOutcome:
    repo.lock_claims(tx, [survivor_id, merged_id])  # before reading anything we move
    _require_live(tx, survivor_id)
    _require_live(tx, merged_id)
    between = repo.links_between(tx, survivor_id, merged_id)
    if between:
        links = ", ".join(f"{row['kind']} {row['link_id']}" for row in between)
        raise Conflict(
            f"{merged_id!r} and {survivor_id!r} are joined by {links}: merged, the claim would "
            "support, attack or cause itself; remove or supersede the link first"
        )
    survivor = _element(tx, survivor_id)
    merged = _element(tx, merged_id)
    labels = _claim_labels(merged["labels"], merged_id)
    rows = repo.relationships(tx, merged["node"])
    theirs = [_described(row, merged_id, merged["node"]) for row in rows]
    ours = {_key(row) for row in repo.relationships(tx, survivor["node"])}
    moved = [row for row in theirs if _key(row) not in ours]
    dropped = [row for row in theirs if _key(row) in ours]
    repo.move(tx, survivor["node"], moved)
    repo.delete(tx, [row["rel"] for row in dropped])
    repo.retarget_evidence(tx, _evidence_links(moved), survivor_id)
    merge_id = f"merge-{uuid.uuid4().hex[:20]}"
    repo.tombstone(tx, merged_id, labels, survivor_id, merge_id)
    repo.create_record(
        tx,
        merge_id=merge_id,
        survivor_id=survivor_id,
        merged_id=merged_id,
        reason=reason,
        by=by,
        now=now,
        labels=labels,
        moved=_dump(moved),
        dropped=_dump(dropped),
    )
    detail = f"({merge_id}): {reason}"
    record_event(tx, "claim_merged", now, by, survivor_id, detail=f"absorbed {merged_id} {detail}")
    record_event(
        tx, "claim_merged", now, by, merged_id, detail=f"merged into {survivor_id} {detail}"
    )
    # The survivor now carries the merged claim's evidence and links: label again.
    incremental.refresh_after_change(tx, claim_ids=[survivor_id])
    return MergeOutcome(merge_id, survivor_id, merged_id, len(moved), len(dropped))


def _unmerge(
    tx: ManagedTransaction, merged_id: str, reason: str, by: str, now: str
) -> MergeOutcome:
    repo.lock_claims(tx, [merged_id])
    live, merged_into = repo.claim_state(tx, merged_id)
    if live:
        raise Conflict(f"claim {merged_id!r} is not merged into another claim")
    record = repo.active_merge(tx, merged_id) if merged_into else None
    if record is None:
        raise NotFound("claim", merged_id)
    survivor_id: str = record["survivor_id"]
    repo.lock_claims(tx, [merged_id, survivor_id])  # sorted: the same order as a merge's
    survivor_live, survivor_into = repo.claim_state(tx, survivor_id)
    if not survivor_live:
        raise Conflict(
            f"{survivor_id!r}, which {merged_id!r} was merged into, has since been merged into "
            f"{survivor_into!r}; unmerge {survivor_id!r} first"
        )
    survivor = _element(tx, survivor_id)
    merged = _element(tx, merged_id)
    moved: list[dict[str, Any]] = json.loads(record["moved"])
    dropped: list[dict[str, Any]] = json.loads(record["dropped"])
    on_survivor: dict[str, list[dict[str, Any]]] = {}
    for row in repo.relationships(tx, survivor["node"]):
        on_survivor.setdefault(_key(row), []).append(row)
    back: list[dict[str, Any]] = []
    for row in moved:
        candidates = on_survivor.get(_key(row))
        if not candidates:
            raise Conflict(
                f"cannot unmerge {merged_id!r}: its {row['type']} relationship with "
                f"{row['other_id']!r} is no longer on {survivor_id!r} as the merge left it; "
                "undo the later change first"
            )
        back.append(candidates.pop())
    nodes = repo.nodes_by_key(
        tx, [{"label": row["other_label"], "id": row["other_id"]} for row in dropped]
    )
    for row in dropped:
        if (row["other_label"], row["other_id"]) not in nodes:
            raise Conflict(f"cannot unmerge {merged_id!r}: {row['other_id']!r} no longer exists")
    repo.move(tx, merged["node"], back)
    repo.create(
        tx,
        merged["node"],
        [{**row, "other": nodes[(row["other_label"], row["other_id"])]} for row in dropped],
    )
    repo.retarget_evidence(tx, _evidence_links(moved), merged_id)
    repo.revive(tx, merged_id, _claim_labels(record["merged_labels"], merged_id))
    repo.close_record(tx, record["id"], by, now, reason)
    detail = f"({record['id']}): {reason}"
    record_event(
        tx, "claim_unmerged", now, by, survivor_id, detail=f"released {merged_id} {detail}"
    )
    record_event(
        tx, "claim_unmerged", now, by, merged_id, detail=f"unmerged from {survivor_id} {detail}"
    )
    incremental.refresh_after_change(tx, claim_ids=[survivor_id, merged_id])
    return MergeOutcome(record["id"], survivor_id, merged_id, len(moved), len(dropped))


def _require_live(tx: ManagedTransaction, claim_id: str) -> None:
    live, merged_into = repo.claim_state(tx, claim_id)
    if merged_into is not None:
        raise Conflict(f"claim {claim_id!r} is already merged into {merged_into!r}")
    if not live:
        raise NotFound("claim", claim_id)


def _element(tx: ManagedTransaction, claim_id: str) -> dict[str, Any]:
    element = repo.claim_element(tx, claim_id)
    if element is None:  # checked just before, in the same transaction
        raise NotFound("claim", claim_id)
    return element


def _claim_labels(labels: list[str], claim_id: str) -> list[str]:
    unknown = sorted(set(labels) - CLAIM_LABELS - {"MergedClaim"})
    if unknown:
        raise Conflict(f"claim {claim_id!r} has labels a merge does not handle: {unknown}")
    return sorted(set(labels) & CLAIM_LABELS)


def _described(row: dict[str, Any], claim_id: str, node: str) -> dict[str, Any]:
    """`row` checked against the allow-lists, with its endpoint named by label and id."""
    if row["type"] not in RELATIONSHIP_TYPES:
        raise Conflict(f"claim {claim_id!r} has a {row['type']} relationship a merge cannot move")
    if row["other"] == node:
        raise Conflict(f"claim {claim_id!r} has a {row['type']} relationship with itself")
    bad = [name for name, value in row["props"].items() if not _plain(value)]
    if bad or row["other_id"] is None:
        raise Conflict(f"claim {claim_id!r}: a {row['type']} relationship a merge cannot record")
    return {**row, "other_label": _endpoint_label(row)}


def _endpoint_label(row: dict[str, Any]) -> str | None:
    return next((label for label in ENDPOINT_LABELS if label in row["other_labels"]), None)


def _plain(value: object) -> bool:
    if isinstance(value, list):
        return all(isinstance(item, _SCALARS) for item in value)
    return isinstance(value, _SCALARS)


def _key(row: dict[str, Any]) -> str:
    """What makes two relationships of a claim the same: type, direction, other end, properties."""
    label = row.get("other_label") or _endpoint_label(row)
    return json.dumps(
        [row["type"], row["outgoing"], label, row["other_id"], row["props"]],
        sort_keys=True,
        default=str,
    )


def _dump(rows: list[dict[str, Any]]) -> str:
    fields = ("type", "outgoing", "other_label", "other_id", "props")
    return json.dumps([{name: row[name] for name in fields} for row in rows], sort_keys=True)


def _evidence_links(rows: list[dict[str, Any]]) -> list[str]:
    return [row["other_id"] for row in rows if row["type"] == BEARS_ON_CLAIM.type]
