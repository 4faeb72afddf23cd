"""Where a filtered claim list starts reading (kb/queries/claim_anchors.py): per request,
the anchor that makes the page a seek, and the one that makes the count one."""

from __future__ import annotations

from typing import Any, NamedTuple

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.claim_anchors import (
    ACTOR_DEGREE_QUERY,
    ASSERTED_BY_PROBE_QUERY,
    REPORTED_BY_PROBE_QUERY,
    TOPIC_DEGREE_QUERY,
)

# Values most claims have: their composite index still yields id order, but any
# rarer filter of the same request is the better place to start.
COMMON = {"status": "unverified", "standing": "intact"}
# An actor or topic about at most this many claims is a bounded anchor: sorting its
# claims by id costs less than scanning for a page of them.
DEGREE_ANCHOR_MAX = 2_000
# Equality filters on stored properties that a composite index (cypher/schema/V007)
# pairs: with both set, that index yields exactly their matches in id order.
PAIRED: dict[frozenset[str], str] = {
    frozenset({"type", "status"}): "type_status",
    frozenset({"type", "standing"}): "type_standing",
    frozenset({"type", "checkable"}): "type_checkable",
    frozenset({"status", "checkable"}): "status_checkable",
    frozenset({"standing", "checkable"}): "standing_checkable",
}


# The `slot` values a claim's stored slot state holds as they are (kb/derived/rules.py
# slot_state), and the indexes (cypher/schema/V008) that pair it with another filter.
SLOT_STATES = ("none", "open")
SLOT_PAIRED = {"id": "slot_state", "checkable": "checkable_slot", "status": "status_slot"}


class Anchors(NamedTuple):
    page_anchor: str
    count_anchor: str


def choose(tx: ManagedTransaction, params: dict[str, Any]) -> Anchors:
    """The page anchor (bounded or in id order) and the count anchor (the fewest rows
    counted before the cap) for `params` (every filter, null when unused)."""
    degree = _degrees(tx, params)
    bounded = _bounded(params, degree)
    ordered = _ordered(params)
    page = bounded or ordered
    # A count needs no order: an anchor reaching fewer claims counts fewer rows, and
    # stops at the cap however many it reaches.
    if bounded is None:
        for name in ("actor", "topic"):
            if params.get(name) is not None:
                return Anchors(page, name)
        # Many claims reach the threshold (else it would be the bounded anchor): its
        # range index yields them with no property read, and the count stops at the cap.
        for name in ("asserted_by", "reported_by"):
            if name in degree:
                return Anchors(page, name)
        if params.get("slot") in ("open", "filled", "closed") and (
            ordered == "id" or _is_common(ordered, params)
        ):
            return Anchors(page, "slot")
    return Anchors(page, page)


def _degrees(tx: ManagedTransaction, params: dict[str, Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    if params.get("actor") is not None:
        found["actor"] = records(tx, ACTOR_DEGREE_QUERY, actor=params["actor"])[0]["degree"]
    if params.get("topic") is not None:
        found["topic"] = records(tx, TOPIC_DEGREE_QUERY, topic=params["topic"])[0]["degree"]
    # Claims reaching a count threshold, up to one more than a bounded anchor takes.
    probe = DEGREE_ANCHOR_MAX + 1
    if params.get("asserted_by_min") is not None:
        found["asserted_by"] = records(
            tx, ASSERTED_BY_PROBE_QUERY, asserted_by_min=params["asserted_by_min"], probe=probe
        )[0]["degree"]
    if params.get("reported_by_min") is not None:
        found["reported_by"] = records(
            tx, REPORTED_BY_PROBE_QUERY, reported_by_min=params["reported_by_min"], probe=probe
        )[0]["degree"]
    return found


def _bounded(params: dict[str, Any], degree: dict[str, int]) -> str | None:
    if params.get("source") is not None:
        return "source"
    for name in ("actor", "topic"):
        if name in degree and degree[name] <= DEGREE_ANCHOR_MAX:
            return name
    if params.get("rejected_by_min"):
        return "rejected"
    if params.get("slot") in ("filled", "closed"):
        return "slot"
    for name in ("asserted_by", "reported_by"):
        if name in degree and degree[name] <= DEGREE_ANCHOR_MAX:
            return name
    return None


def _ordered(params: dict[str, Any]) -> str:
    single = _ordered_single(params)
    for other in ("type", "status", "standing", "checkable"):
        if other != single and params.get(other) is not None:
            pair = PAIRED.get(frozenset({single, other}))
            if pair is not None:
                return pair
    if params.get("slot") in SLOT_STATES and single in SLOT_PAIRED:
        # The stored slot state, alone or paired with the property the read starts from.
        return SLOT_PAIRED[single]
    return single


def _ordered_single(params: dict[str, Any]) -> str:
    # A stored consensus other than `single` is rarer than any type.
    if params.get("contested") is True:
        return "contested"
    if params.get("consensus") is not None and params["consensus"] != "single":
        return "consensus"
    rare = [
        name
        for name in ("status", "standing")
        if params.get(name) is not None and params[name] != COMMON[name]
    ]
    if rare:
        return rare[0]
    if params.get("type") is not None:
        return "type"
    for name in ("status", "standing", "checkable"):
        if params.get(name) is not None:
            return name
    return "id"


def _is_common(anchor: str, params: dict[str, Any]) -> bool:
    """An anchor on one property at its most common value (no pair, no rare value)."""
    return anchor in COMMON and params.get(anchor) == COMMON[anchor]
