"""Cypher that finds what analysts write about: a claim or a causal link."""

from typing import LiteralString

# `t` is the claim or causal link with id `$target_id` (both lookups are indexed).
TARGET: LiteralString = """
CALL () {
  MATCH (t:Claim {id: $target_id}) RETURN t
  UNION
  MATCH (t:CausalLink {id: $target_id}) RETURN t
}
"""

TARGET_KIND_QUERY: LiteralString = (
    TARGET
    + """
RETURN CASE WHEN t:Claim THEN 'claim' ELSE 'causal_link' END AS kind
"""
)

# Take the write lock on the target before reading it (a property set and removed in
# one statement leaves nothing behind): a merge locks the claims it joins first, so a
# write either lands before the merge reads what to move, or sees the tombstone.
LOCK_TARGET_QUERY: LiteralString = """
CALL () {
  MATCH (t:Claim {id: $target_id}) RETURN t
  UNION
  MATCH (t:MergedClaim {id: $target_id}) RETURN t
  UNION
  MATCH (t:CausalLink {id: $target_id}) RETURN t
}
SET t.kb_write_lock = true
REMOVE t.kb_write_lock
"""
