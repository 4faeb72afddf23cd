// Filters of `GET /claims` that still read more than their page at scale
// (kb/queries/claim_anchors.py, issue 22 "filters that cost their page").
//
// Pairs of stored properties users combine: with both equal the index yields exactly
// the matching claims in id order, so a page reads its rows and a count reads one
// index entry per match (no property read per row).
CREATE INDEX claim_type_status_id IF NOT EXISTS FOR (n:Claim) ON (n.type, n.status, n.id);
CREATE INDEX claim_type_standing_id IF NOT EXISTS FOR (n:Claim) ON (n.type, n.standing, n.id);
CREATE INDEX claim_type_checkable_id IF NOT EXISTS FOR (n:Claim) ON (n.type, n.checkable, n.id);
CREATE INDEX claim_status_checkable_id IF NOT EXISTS
FOR (n:Claim) ON (n.status, n.checkable, n.id);
CREATE INDEX claim_standing_checkable_id IF NOT EXISTS
FOR (n:Claim) ON (n.standing, n.checkable, n.id);

// Stored by the derived values (kb/derived/rules.py appearance_values): a claim's
// consensus in id order (`contested=true`, `consensus=agreed`), and its counts of
// committing sources and reported speakers, sought by range (`asserted_by_min`,
// `reported_by_min`) instead of a subquery per claim.
CREATE INDEX claim_consensus_id IF NOT EXISTS FOR (n:Claim) ON (n.consensus, n.id);
CREATE INDEX claim_asserted_by IF NOT EXISTS FOR (n:Claim) ON (n.asserted_by);
CREATE INDEX claim_reported_by IF NOT EXISTS FOR (n:Claim) ON (n.reported_by);
