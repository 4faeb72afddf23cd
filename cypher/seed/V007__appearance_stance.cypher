// Every appearance of a claim carries the source's stance (docs/model.md, issue 19):
// `asserts`, `presupposes`, `rejects` or `reports`. Until now the same thing was
// recorded as `mode`, set only where it was not `asserts`; it becomes `stance`,
// with the same meaning, so no reader has two properties to reconcile. Nothing
// is lost: an absent mode meant `asserts`, and that is what it now says. Applying
// the script again changes nothing.
MATCH (:Source)-[a:ASSERTS]->(:Claim)
SET a.stance = coalesce(a.stance, a.mode, 'asserts')
REMOVE a.mode;
