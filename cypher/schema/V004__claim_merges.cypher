// Schema for claim merges (`kb claims merge|unmerge`, docs/model.md): a merged-away
// claim stays as a MergedClaim tombstone with its id; each merge is a ClaimMerge
// record of what moved, looked up by the merged claim's id when it is undone.
CREATE CONSTRAINT merged_claim_id IF NOT EXISTS
  FOR (n:MergedClaim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_merge_id IF NOT EXISTS
  FOR (n:ClaimMerge) REQUIRE n.id IS UNIQUE;
CREATE INDEX claim_merge_merged_id IF NOT EXISTS
  FOR (n:ClaimMerge) ON (n.merged_id);
