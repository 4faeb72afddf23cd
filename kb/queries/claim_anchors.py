"""Cypher of filtered claim lists (`GET /claims?type=...&status=...`), one query pair per
*anchor*: where the read starts (kb/repositories/claim_anchors.py picks it per request).

One shared query with every filter as a nullable parameter lets the planner use only
the `claim_id` range: a filter few claims match then reads every claim. Each anchor
here starts from what the filter names instead, and the shared filters of
kb.queries.claims still apply to every row, so any anchor answers the same rows:

- ordered anchors, a composite range index `(property, id)` with the property equal:
  the index yields claims in id order, so a page stops after `skip + limit` matches and
  a count after `$count_cap`, with no sort (`claim_type_id`, `claim_status_id`,
  `claim_standing_id`, `claim_checkable_id` in cypher/schema/V006);
- bounded anchors, the claims one node reaches (a source's, an actor's or topic's when
  few, those some source rejects, those with a filled or closed slot): sorted by id, a
  sort of what the anchor reaches, never of every claim;
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
}

# Anchors whose index yields claims in id order (no sort for a page).
ORDERED: frozenset[str] = frozenset({"id", "type", "status", "standing", "checkable"})

# The order each anchor reads in. Composite indexes provide `(property, id)` order;
# with the property equal that is id order, but only when the query says so.
_ORDER: dict[str, LiteralString] = {
    "type": "c.type, c.id",
    "status": "c.status, c.id",
    "standing": "c.standing, c.id",
    "checkable": "c.checkable, c.id",
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
    "asserted_by_min": """COUNT { MATCH (s:Source)-[a:ASSERTS]->(c)
                  WHERE a.stance IN ['asserts', 'presupposes']
                  RETURN DISTINCT s } >= $asserted_by_min""",
    "rejected_by_min": """COUNT { MATCH (s:Source)-[:ASSERTS {stance: 'rejects'}]->(c)
                  RETURN DISTINCT s } >= $rejected_by_min""",
    # Stored by the derived values (kb/derived/rules.py consensus): a party, source or
    # reported speaker, commits and another rejects.
    "contested": "$contested = (coalesce(c.consensus, 'single') = 'contested')",
    "consensus": "coalesce(c.consensus, 'single') = $consensus",
    "reported_by_min": """COUNT { MATCH (:Source)-[a:ASSERTS {stance: 'reports'}]->(c)
                  WHERE a.speaker IS NOT NULL
                  RETURN DISTINCT a.speaker } >= $reported_by_min""",
}
# Parameters that are not filters of `c` (or are handled by the anchor query itself).
NOT_FILTERS = frozenset({"after", "q"})


# The filter an anchor already applies by where it starts: not checked again per row.
IMPLIED: dict[str, str] = {
    "type": "type",
    "status": "status",
    "standing": "standing",
    "checkable": "checkable",
    "source": "source",
    "actor": "actor",
    "topic": "topic",
    "slot": "slot",
}


def conditions(params: dict[str, Any], anchor: str = "id") -> LiteralString:
    """`WHERE` with the conditions of the filters set in `params` (the cursor's always),
    but the one `anchor` applies already."""
    where: LiteralString = "WHERE c.id > $after"
    unknown = False
    for name in sorted(params):
        if params[name] is None or name in NOT_FILTERS or IMPLIED.get(anchor) == name:
            continue
        key = "slot_none" if name == "slot" and params[name] == "none" else name
        if key in CONDITIONS:
            where += "\n  AND " + CONDITIONS[key]
        else:
            unknown = True
    if unknown:  # a filter this table does not know yet: the whole shared clause
        where += "\n  AND " + CLAIM_FILTERS.strip().removeprefix("WHERE ")
    return where + "\n"


def count_query(anchor: str, params: dict[str, Any]) -> LiteralString:
    """Matches of `params` read from `anchor`, counted up to `$count_cap`."""
    return ANCHORS[anchor] + "WITH c\n" + conditions(params, anchor) + capped_count("c")


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
