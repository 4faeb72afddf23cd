// Filtered claim lists start from what the filter names (kb/queries/claim_anchors.py).
// A composite range index (property, id) with the property equal yields claims in id
// order: a page of `GET /claims?type=...` or `?status=...` stops after its rows, and a
// count after its cap, however many claims the graph holds.
CREATE INDEX claim_type_id IF NOT EXISTS FOR (n:Claim) ON (n.type, n.id);
CREATE INDEX claim_status_id IF NOT EXISTS FOR (n:Claim) ON (n.status, n.id);
CREATE INDEX claim_standing_id IF NOT EXISTS FOR (n:Claim) ON (n.standing, n.id);
CREATE INDEX claim_checkable_id IF NOT EXISTS FOR (n:Claim) ON (n.checkable, n.id);


// `rejected_by_min` and `contested=true` start from the assertions that reject. Only a
// query with a stance filter names `stance` at all (kb.queries.claim_anchors.conditions),
// so no other list can be planned onto this index.
CREATE INDEX asserts_stance IF NOT EXISTS FOR ()-[r:ASSERTS]-() ON (r.stance);
