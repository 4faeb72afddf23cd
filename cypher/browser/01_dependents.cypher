// title: What depends on this claim?
// question: Which claims depend on this one (transitively, through support and causal links, with the paths that explain why)?
// param claim: c-netanyahu-survives-on-endless-war
// param depth: 10
// A dependent rests on $claim through SUPPORTS (premise -> conclusion) or through a
// causal link node (cause -[:CAUSE_OF]-> link -[:LEADS_TO]-> effect). One shortest
// path per dependent explains why; `distance` counts claim-to-claim steps and is
// capped by $depth. Paths never repeat a relationship, so cycles cannot loop.
MATCH (start:Claim {id: $claim})
MATCH p = ANY SHORTEST (start)-[:SUPPORTS|CAUSE_OF|LEADS_TO]->{1,40}(dependent:Claim)
WHERE dependent <> start
WITH p, dependent, size([n IN nodes(p) WHERE n:Claim]) - 1 AS distance
WHERE distance <= $depth
RETURN dependent.id AS dependent, distance, dependent.text AS text, p AS path
ORDER BY distance, dependent
