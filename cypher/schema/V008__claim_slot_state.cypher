// The `slot` filter of `GET /claims` as a seek (kb/queries/claim_anchors.py, issue 22
// "filters that cost their page"): each claim stores its slot state (kb/derived/rules.py
// slot_state: `none` with no evidence slot, `open` with an open one, else `settled`), so
// `slot=none` and `slot=open`, alone or with `checkable` or `status`, read exactly their
// matches in id order instead of a subquery per claim. Run `kb recompute` once on a
// graph stored before this script (`kb recompute --check` reports the missing states).
CREATE INDEX claim_slot_id IF NOT EXISTS FOR (n:Claim) ON (n.slot, n.id);
CREATE INDEX claim_checkable_slot_id IF NOT EXISTS
FOR (n:Claim) ON (n.checkable, n.slot, n.id);
CREATE INDEX claim_status_slot_id IF NOT EXISTS FOR (n:Claim) ON (n.status, n.slot, n.id);
