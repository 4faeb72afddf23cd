// title: What does this conclusion rest on?
// question: What does this conclusion rest on (its premises, transitively)?
// param claim: c-second-phase-not-stopped-for-technical-reasons
// param depth: 10
// The same walk as "what depends on this", against the arrows: every claim the
// conclusion rests on, with one shortest path and its distance in claim steps.
// `premise_of_premises` marks claims that rest on nothing: what the source simply asserts.
MATCH (conclusion:Claim {id: $claim})
MATCH p = ANY SHORTEST (premise:Claim)-[:SUPPORTS|CAUSE_OF|LEADS_TO]->{1,40}(conclusion)
WHERE premise <> conclusion
WITH p, premise, size([n IN nodes(p) WHERE n:Claim]) - 1 AS distance
WHERE distance <= $depth
RETURN premise.id AS premise, distance,
       NOT EXISTS { (:Claim)-[:SUPPORTS]->(premise) } AND NOT EXISTS { (:CausalLink)-[:LEADS_TO]->(premise) }
         AS premise_of_premises,
       premise.text AS text, p AS path
ORDER BY distance, premise
