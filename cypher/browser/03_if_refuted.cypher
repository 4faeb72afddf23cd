// title: If this claim were refuted, what would fall?
// question: If this claim were refuted, which conclusions lose all of their support, and which keep other support?
// param claim: c-second-phase-deliberately-stopped
// For every claim resting on $claim: does it still rest on a premise of its own
// (a claim that rests on nothing) through some path that avoids $claim? If not, it
// loses all support. This is the graph-only view: evidence already attached is not
// weighed here (the API's /claims/{id}/impact does weigh it).
MATCH (refuted:Claim {id: $claim})
MATCH (refuted)-[:SUPPORTS|CAUSE_OF|LEADS_TO]->+(dependent:Claim)
WITH DISTINCT refuted, dependent
WHERE dependent <> refuted
WITH refuted, dependent, EXISTS {
  MATCH p = (root:Claim)-[:SUPPORTS|CAUSE_OF|LEADS_TO]->+(dependent)
  WHERE root <> refuted
    AND NOT EXISTS { (:Claim)-[:SUPPORTS]->(root) }
    AND NOT EXISTS { (:CausalLink)-[:LEADS_TO]->(root) }
    AND NONE(n IN nodes(p) WHERE n = refuted)
} AS keeps_other_support
RETURN CASE WHEN keeps_other_support THEN 'keeps other support' ELSE 'loses all support' END
         AS if_refuted,
       dependent.id AS dependent, dependent.text AS text
ORDER BY if_refuted DESC, dependent
