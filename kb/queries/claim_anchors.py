"""Cypher of filtered claim lists (`GET /claims?type=...&status=...`), one query pair per
*anchor*: where the read starts (kb/repositories/claim_anchors.py picks it per request).

One shared query with every filter as a nullable parameter lets the planner use only
the `claim_id` range: a filter few claims match then reads every claim. Each anchor
here starts from what the filter names instead, and the shared filters of
kb.queries.claims still apply to every row, so any anchor answers the same rows:

- ordered anchors, a composite range index `(property, id)` with the property equal:
  the index yields claims in id order, so a page stops after `skip + limit` matches and
  a count after `$count_cap`, with no sort (`claim_type_id`, `claim_status_id`,
  `claim_standing_id`, `claim_checkable_id` in cypher/schema/V006); the same with two
  properties equal for the pairs users combine (`(type, status, id)` ... in V007, so a
  pair's count reads one index entry per match), and the stored `consensus`; the
  stored slot state alone and paired with `checkable` or `status` (V008) for
  `slot=none` and `slot=open`;
- bounded anchors, the claims one node reaches (a source's, an actor's or topic's when
  few, those some source rejects, those with a filled or closed slot): sorted by id, a
  sort of what the anchor reaches, never of every claim;
- range anchors, the stored appearance counts (`asserted_by`, `reported_by`) at or
  above a threshold, sorted by id: chosen only when at most `DEGREE_ANCHOR_MAX` claims
  reach it (kb/repositories/claim_anchors.py counts index entries up to that first);
- `id`: the claim_id range itself, for filters most claims pass (a page fills fast).

Hints (`USING INDEX`) pin each plan: the planner cannot see that a parameter is set.
A bounded anchor leaves the cursor (`c.id > $after`) to after its `DISTINCT`: in the
MATCH it lets the planner join the claim_id range with the anchor's index instead.
"""

from typing import Any, LiteralString

from kb.queries.claims import _CLAIM_FILTERS as CLAIM_FILTERS
from kb.queries.claims import _CLAIM_ITEM as CLAIM_ITEM
from kb.queries.counting import capped_count

ANCHORS: dict[str, LiteralString] = {
    "id": """
MATCH (c:Claim)
WHERE c.id > $after
""",
    "type": """
MATCH (c:Claim)
USING INDEX c:Claim(type, id)
WHERE c.type = $type AND c.id > $after
""",
    "status": """
MATCH (c:Claim)
USING INDEX c:Claim(status, id)
WHERE c.status = $status AND c.id > $after
""",
    "standing": """
MATCH (c:Claim)
USING INDEX c:Claim(standing, id)
WHERE c.standing = $standing AND c.id > $after
""",
    "checkable": """
MATCH (c:Claim)
USING INDEX c:Claim(checkable, id)
WHERE c.checkable = $checkable AND c.id > $after
""",
    # Pairs of stored properties (cypher/schema/V007): both equal, still in id order.
    "type_status": """
MATCH (c:Claim)
USING INDEX c:Claim(type, status, id)
WHERE c.type = $type AND c.status = $status AND c.id > $after
""",
    "type_standing": """
MATCH (c:Claim)
USING INDEX c:Claim(type, standing, id)
WHERE c.type = $type AND c.standing = $standing AND c.id > $after
""",
    "type_checkable": """
MATCH (c:Claim)
USING INDEX c:Claim(type, checkable, id)
WHERE c.type = $type AND c.checkable = $checkable AND c.id > $after
""",
    "status_checkable": """
MATCH (c:Claim)
USING INDEX c:Claim(status, checkable, id)
WHERE c.status = $status AND c.checkable = $checkable AND c.id > $after
""",
    "standing_checkable": """
MATCH (c:Claim)
USING INDEX c:Claim(standing, checkable, id)
WHERE c.standing = $standing AND c.checkable = $checkable AND c.id > $after
""",
    # The stored consensus (kb/derived/rules.py): `contested=true`, or a `consensus`
    # other than `single` (a claim never derived has none, and counts as `single`).
    "contested": """
MATCH (c:Claim)
USING INDEX c:Claim(consensus, id)
WHERE c.consensus = 'contested' AND c.id > $after
""",
    "consensus": """
MATCH (c:Claim)
USING INDEX c:Claim(consensus, id)
WHERE c.consensus = $consensus AND c.id > $after
""",
    # The stored slot state (kb/derived/rules.py slot_state, cypher/schema/V008): chosen
    # only for `slot=none` and `slot=open`, whose values it stores as they are.
    "slot_state": """
MATCH (c:Claim)
USING INDEX c:Claim(slot, id)
WHERE c.slot = $slot AND c.id > $after
""",
    "checkable_slot": """
MATCH (c:Claim)
USING INDEX c:Claim(checkable, slot, id)
WHERE c.checkable = $checkable AND c.slot = $slot AND c.id > $after
""",
    "status_slot": """
MATCH (c:Claim)
USING INDEX c:Claim(status, slot, id)
WHERE c.status = $status AND c.slot = $slot AND c.id > $after
""",
    "source": """
MATCH (anchor:Source {id: $source})-[:ASSERTS]->(c:Claim)
USING INDEX anchor:Source(id)
WITH DISTINCT c
""",
    "actor": """
MATCH (anchor:Actor {id: $actor})<-[:ABOUT]-(c:Claim)
USING INDEX anchor:Actor(id)
WITH DISTINCT c
""",
    "topic": """
MATCH (anchor:Topic {id: $topic})<-[:CONCERNS]-(c:Claim)
USING INDEX anchor:Topic(id)
WITH DISTINCT c
""",
    "rejected": """
MATCH (:Source)-[a:ASSERTS]->(c:Claim)
USING INDEX a:ASSERTS(stance)
WHERE a.stance = 'rejects'
WITH DISTINCT c
""",
    "slot": """
MATCH (s:EvidenceSlot)<-[:HAS_SLOT]-(c:Claim)
USING INDEX s:EvidenceSlot(status)
WHERE s.status = $slot
WITH DISTINCT c
""",
    # The stored appearance counts (kb/derived/rules.py), by range: for thresholds
    # few claims reach (kb/repositories/claim_anchors.py counts them first).
    "asserted_by": """
MATCH (c:Claim)
USING INDEX c:Claim(asserted_by)
WHERE c.asserted_by >= $asserted_by_min
""",
    "reported_by": """
MATCH (c:Claim)
USING INDEX c:Claim(reported_by)
WHERE c.reported_by >= $reported_by_min
""",
}

# Anchors whose index yields claims in id order (no sort for a page).
ORDERED: frozenset[str] = frozenset(
    {"id", "type", "status", "standing", "checkable", "contested", "consensus"}
    | {"type_status", "type_standing", "type_checkable", "status_checkable"}
    | {"standing_checkable", "slot_state", "checkable_slot", "status_slot"}
)

# The order each anchor reads in. Composite indexes provide `(property, id)` order;
# with the property equal that is id order, but only when the query says so.
_ORDER: dict[str, LiteralString] = {
    "type": "c.type, c.id",
    "status": "c.status, c.id",
    "standing": "c.standing, c.id",
    "checkable": "c.checkable, c.id",
    "type_status": "c.type, c.status, c.id",
    "type_standing": "c.type, c.standing, c.id",
    "type_checkable": "c.type, c.checkable, c.id",
    "status_checkable": "c.status, c.checkable, c.id",
    "standing_checkable": "c.standing, c.checkable, c.id",
    "contested": "c.consensus, c.id",
    "consensus": "c.consensus, c.id",
    "slot_state": "c.slot, c.id",
    "checkable_slot": "c.checkable, c.slot, c.id",
    "status_slot": "c.status, c.slot, c.id",
}


# One row per filter: the condition on `c` it adds when its parameter is set (a
# filter not listed here still applies, through the whole shared WHERE clause of
# kb.queries.claims, only slower). Only the conditions of set filters are in the
# query: the planner evaluates a subquery per row even when its parameter is null.
CONDITIONS: dict[str, LiteralString] = {
    "type": "c.type = $type",
    "checkable": "c.checkable = $checkable",
    "actor": "EXISTS { (c)-[:ABOUT]->(:Actor {id: $actor}) }",
    "role": "EXISTS { (c)-[:ABOUT {role: $role}]->(:Actor) }",
    "topic": "EXISTS { (c)-[:CONCERNS]->(:Topic {id: $topic}) }",
    "source": "EXISTS { (:Source {id: $source})-[:ASSERTS]->(c) }",
    "slot": "EXISTS { (c)-[:HAS_SLOT]->(:EvidenceSlot {status: $slot}) }",
    "slot_none": "NOT EXISTS { (c)-[:HAS_SLOT]->(:EvidenceSlot) }",
    "status": "c.status = $status",
    "standing": "c.standing = $standing",
    # Stored counts of the claim's appearances (kb/derived/rules.py appearance_values),
    # the same as the shared clause's subqueries count (the filter-plan test compares).
    "asserted_by_min": "c.asserted_by >= $asserted_by_min",
    "rejected_by_min": """COUNT { MATCH (s:Source)-[a:ASSERTS]->(c)
                  WHERE coalesce(a.stance, 'asserts') = 'rejects'
                  RETURN DISTINCT s } >= $rejected_by_min""",
    # Stored by the derived values (kb/derived/rules.py consensus): a party, source or
    # reported speaker, commits and another rejects.
    "contested": "$contested = (coalesce(c.consensus, 'single') = 'contested')",
    "consensus": "coalesce(c.consensus, 'single') = $consensus",
    "reported_by_min": "c.reported_by >= $reported_by_min",
}
# Parameters that are not filters of `c` (or are handled by the anchor query itself).
NOT_FILTERS = frozenset({"after", "q"})


# The filter an anchor already applies by where it starts: not checked again per row.
IMPLIED: dict[str, frozenset[str]] = {
    "type": frozenset({"type"}),
    "status": frozenset({"status"}),
    "standing": frozenset({"standing"}),
    "checkable": frozenset({"checkable"}),
    "type_status": frozenset({"type", "status"}),
    "type_standing": frozenset({"type", "standing"}),
    "type_checkable": frozenset({"type", "checkable"}),
    "status_checkable": frozenset({"status", "checkable"}),
    "standing_checkable": frozenset({"standing", "checkable"}),
    "contested": frozenset({"contested"}),  # chosen only for `contested=true`
    "consensus": frozenset({"consensus"}),
    "source": frozenset({"source"}),
    "actor": frozenset({"actor"}),
    "topic": frozenset({"topic"}),
    "slot": frozenset({"slot"}),
    "slot_state": frozenset({"slot"}),
    "checkable_slot": frozenset({"checkable", "slot"}),
    "status_slot": frozenset({"status", "slot"}),
    "asserted_by": frozenset({"asserted_by_min"}),
    "reported_by": frozenset({"reported_by_min"}),
}


def conditions(params: dict[str, Any], anchor: str = "id") -> LiteralString:
    """`WHERE` with the conditions of the filters set in `params` (the cursor's always),
    but the one `anchor` applies already."""
    # The cursor costs a property read per row: only a cursor past the start names it.
    where: LiteralString = "WHERE c.id > $after" if params.get("after") else "WHERE true"
    unknown = False
    for name in sorted(params):
        if params[name] is None or name in NOT_FILTERS or name in IMPLIED.get(anchor, ()):
            continue
        key = "slot_none" if name == "slot" and params[name] == "none" else name
        if key in CONDITIONS:
            where += "\n  AND " + CONDITIONS[key]
        else:
            unknown = True
    if unknown:  # a filter this table does not know yet: the whole shared clause
        where += "\n  AND " + CLAIM_FILTERS.strip().removeprefix("WHERE ")
    return where + "\n"


# Count anchors a count reads at most `$scan_cap` claims of: an actor or topic about
# more claims than that (a popular one is about more at every graph size) is counted
# over its first `$scan_cap` claims, a lower bound flagged as an estimate, so a count
# costs the same at any size; one about fewer is counted exactly.
SCAN_CAPPED: frozenset[str] = frozenset({"actor", "topic"})


def count_query(anchor: str, params: dict[str, Any]) -> LiteralString:
    """Matches of `params` read from `anchor`, counted up to `$count_cap` (and, from a
    `SCAN_CAPPED` anchor, among its first `$scan_cap` claims)."""
    if anchor not in SCAN_CAPPED:
        return ANCHORS[anchor] + "WITH c\n" + conditions(params, anchor) + capped_count("c")
    return (
        ANCHORS[anchor]
        + "WITH c LIMIT $scan_cap\n"
        + "WITH collect(c) AS scanned\n"
        + "CALL (scanned) {\n"
        + "UNWIND scanned AS c\n"
        + "WITH c\n"
        + conditions(params, anchor)
        + "WITH c LIMIT $count_cap\n"
        + "RETURN count(c) AS matched\n"
        + "}\n"
        + "RETURN matched AS total,\n"
        + "       matched >= $count_cap OR size(scanned) >= $scan_cap AS estimate\n"
    )


def page_query(anchor: str, params: dict[str, Any]) -> LiteralString:
    """One page of matches of `params` read from `anchor`, in id order."""
    return (
        ANCHORS[anchor]
        + "WITH c\n"
        + conditions(params, anchor)
        + "WITH c, null AS score\nORDER BY "
        + _ORDER.get(anchor, "c.id")
        + "\nSKIP $skip LIMIT $limit\n"
        + CLAIM_ITEM
    )


# How many claims an actor or topic is about, from the node's degree (no claim read).
ACTOR_DEGREE_QUERY: LiteralString = """
OPTIONAL MATCH (a:Actor {id: $actor})
RETURN CASE WHEN a IS NULL THEN 0 ELSE COUNT { (a)<-[:ABOUT]-() } END AS degree
"""
TOPIC_DEGREE_QUERY: LiteralString = """
OPTIONAL MATCH (t:Topic {id: $topic})
RETURN CASE WHEN t IS NULL THEN 0 ELSE COUNT { (t)<-[:CONCERNS]-() } END AS degree
"""
# How many claims reach an appearance-count threshold, up to `$probe` (index entries
# only: the range anchors above pay when few do).
ASSERTED_BY_PROBE_QUERY: LiteralString = """
MATCH (c:Claim)
USING INDEX c:Claim(asserted_by)
WHERE c.asserted_by >= $asserted_by_min
WITH c LIMIT $probe
RETURN count(c) AS degree
"""
REPORTED_BY_PROBE_QUERY: LiteralString = """
MATCH (c:Claim)
USING INDEX c:Claim(reported_by)
WHERE c.reported_by >= $reported_by_min
WITH c LIMIT $probe
RETURN count(c) AS degree
"""
