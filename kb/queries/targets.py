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
