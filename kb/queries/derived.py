"""Cypher for the derived values stored on claims and causal links.

Evidence `status` (claims and causal links) and `standing` (claims) are
properties, kept current by the write that changes them
(`kb.derived.incremental`). The grounded labelling also keeps three booleans per
claim, so an update can stop at the part of the graph downstream of a change
and take everything upstream as a fixed boundary:

- `stands_baseline`: the claim stands when nothing is defeated;
- `stands_now`: it stands given what evidence has refuted;
- `rests_on_defeated`: it rests, transitively, on a refuted claim or link.

A claim or link never derived yet (no `status`) reads as `unverified` and
`intact`, the values of a graph without evidence.
"""

from typing import LiteralString

# The active evidence on one claim or causal link, its stored status, and (for
# a causal link) the claims it leads to: what a change of its status reaches.
# The target is write-locked first, so of two concurrent writes on it the second
# reads the evidence after the first committed (read committed would otherwise
# let each derive the status without the other's link).
TARGET_EVIDENCE_STATE_QUERY: LiteralString = """
CALL () {
  MATCH (t:Claim {id: $target_id}) RETURN t
  UNION
  MATCH (t:CausalLink {id: $target_id}) RETURN t
}
SET t.derived_lock = true
REMOVE t.derived_lock
WITH t
RETURN CASE WHEN t:Claim THEN 'claim' ELSE 'causal_link' END AS kind,
       t.status AS status,
       [(l:EvidenceLink)-[:BEARS_ON]->(t)
        WHERE l.retracted_at IS NULL AND l.stance IN ['supports', 'refutes']
        | {stance: l.stance, confidence: l.confidence}] AS evidence,
       [(t)-[:LEADS_TO]->(effect:Claim) | effect.id] AS effects
"""

SET_CLAIM_STATUS_QUERY: LiteralString = """
MATCH (c:Claim {id: $target_id})
SET c.status = $status
"""

SET_CAUSAL_LINK_STATUS_QUERY: LiteralString = """
MATCH (l:CausalLink {id: $target_id})
SET l.status = $status
"""

# One breadth-first step downstream over every dependency edge (support links
# and causal links, every basis): the claims resting directly on the frontier.
DOWNSTREAM_IDS_QUERY: LiteralString = """
UNWIND $frontier AS from_id
MATCH (c:Claim {id: from_id})
CALL (c) {
  MATCH (c)-[:SUPPORTS]->(next:Claim) RETURN next
  UNION
  MATCH (c)-[:CAUSE_OF]->(:CausalLink)-[:LEADS_TO]->(next:Claim) RETURN next
}
RETURN collect(DISTINCT next.id) AS claim_ids
"""

# Write-lock claims before reading their labelling: two writes whose regions
# overlap then relabel one after the other, the second from the first's values.
LOCK_CLAIMS_QUERY: LiteralString = """
UNWIND $claim_ids AS claim_id
MATCH (c:Claim {id: claim_id})
SET c.derived_lock = true
REMOVE c.derived_lock
"""

# What the grounded labelling of a set of claims depends on: each claim's
# stored values, and every edge into it with its premise's stored values and
# the status of the causal link it runs through (support links carry none).
_PREMISE_FIELDS: LiteralString = """
from_id: p.id, premise_status: p.status, premise_baseline: p.stands_baseline,
premise_now: p.stands_now, premise_rests: p.rests_on_defeated
"""

CLAIMS_GROUNDING_QUERY: LiteralString = (
    """
UNWIND $claim_ids AS claim_id
MATCH (c:Claim {id: claim_id})
RETURN c.id AS id, c.status AS status, c.standing AS standing,
       c.stands_baseline AS stands_baseline, c.stands_now AS stands_now,
       c.rests_on_defeated AS rests_on_defeated,
       [(p:Claim)-[r:SUPPORTS]->(c) | {link_id: r.id, link_status: null, basis: r.basis, """
    + _PREMISE_FIELDS
    + """}]
       + [(p:Claim)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(c) | {
            link_id: l.id, link_status: l.status, basis: l.basis, """
    + _PREMISE_FIELDS
    + """}] AS premises
"""
)

# Stored labelling of claims, one row per changed claim.
SET_CLAIMS_GROUNDING_QUERY: LiteralString = """
UNWIND $rows AS row
MATCH (c:Claim {id: row.id})
SET c.standing = row.standing, c.stands_baseline = row.stands_baseline,
    c.stands_now = row.stands_now, c.rests_on_defeated = row.rests_on_defeated
"""

SET_CLAIMS_STATUS_QUERY: LiteralString = """
UNWIND $rows AS row
MATCH (c:Claim {id: row.id})
SET c.status = row.status
"""

SET_CAUSAL_LINKS_STATUS_QUERY: LiteralString = """
UNWIND $rows AS row
MATCH (l:CausalLink {id: row.id})
SET l.status = row.status
"""

# Claims a page at a time in id order after `$after` (a range seek on the id
# constraint's index), with their stored values and outgoing dependency edges
# as [effect id, causal link id or null]: what `kb recompute` reads.
CLAIMS_WITH_EDGES_PAGE_QUERY: LiteralString = """
MATCH (c:Claim)
WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $limit
RETURN c.id AS id, c.status AS status, c.standing AS standing,
       c.stands_baseline AS stands_baseline, c.stands_now AS stands_now,
       c.rests_on_defeated AS rests_on_defeated, c.consensus AS consensus,
       c.asserted_by AS asserted_by, c.reported_by AS reported_by, c.slot AS slot,
       [(s:Source)-[a:ASSERTS]->(c) | [s.id, a.stance, a.speaker, a.speaker_stance]]
         AS appearances,
       [(c)-[:HAS_SLOT]->(e:EvidenceSlot) | e.status] AS slots,
       [(c)-[:SUPPORTS]->(n:Claim) | [n.id, null]]
       + [(c)-[:CAUSE_OF]->(l:CausalLink)-[:LEADS_TO]->(n:Claim) | [n.id, l.id]] AS edges
"""

# A claim's `consensus` (kb.derived.rules.consensus) is derived from its appearances:
# each as [source id, stance, speaker, speaker stance], with the stored value (and the
# stored counts of committing sources and reported speakers, kb.derived.rules), and the
# statuses of its evidence slots for its stored slot state (kb.derived.rules.slot_state).
CLAIMS_APPEARANCES_QUERY: LiteralString = """
UNWIND $claim_ids AS claim_id
MATCH (c:Claim {id: claim_id})
RETURN c.id AS id, c.consensus AS consensus,
       c.asserted_by AS asserted_by, c.reported_by AS reported_by, c.slot AS slot,
       [(s:Source)-[a:ASSERTS]->(c) | [s.id, a.stance, a.speaker, a.speaker_stance]]
         AS appearances,
       [(c)-[:HAS_SLOT]->(e:EvidenceSlot) | e.status] AS slots
"""

ALL_CLAIMS_APPEARANCES_QUERY: LiteralString = """
MATCH (c:Claim)
RETURN c.id AS id,
       [(s:Source)-[a:ASSERTS]->(c) | [s.id, a.stance, a.speaker, a.speaker_stance]]
         AS appearances
"""

SET_CLAIMS_CONSENSUS_QUERY: LiteralString = """
UNWIND $rows AS row
MATCH (c:Claim {id: row.id})
SET c.consensus = row.consensus,
    c.asserted_by = row.asserted_by,
    c.reported_by = row.reported_by,
    c.slot = row.slot
"""

STORED_CAUSAL_LINKS_QUERY: LiteralString = """
MATCH (l:CausalLink)
RETURN l.id AS id, l.status AS status
"""

# `TARGET_EVIDENCE_STATE_QUERY` for many targets in one statement (an import's claims
# and causal links), each locked in the order given, with its id.
TARGETS_EVIDENCE_STATE_QUERY: LiteralString = """
UNWIND $target_ids AS target_id
CALL (target_id) {
  MATCH (t:Claim {id: target_id}) RETURN t
  UNION
  MATCH (t:CausalLink {id: target_id}) RETURN t
}
SET t.derived_lock = true
REMOVE t.derived_lock
WITH t
RETURN t.id AS id,
       CASE WHEN t:Claim THEN 'claim' ELSE 'causal_link' END AS kind,
       t.status AS status,
       [(l:EvidenceLink)-[:BEARS_ON]->(t)
        WHERE l.retracted_at IS NULL AND l.stance IN ['supports', 'refutes']
        | {stance: l.stance, confidence: l.confidence}] AS evidence,
       [(t)-[:LEADS_TO]->(effect:Claim) | effect.id] AS effects
"""
