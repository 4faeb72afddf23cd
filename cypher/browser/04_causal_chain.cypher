// title: The causal chain from X to Y
// question: What is the causal chain the source asserts from X to Y?
// param from: c-investigations-would-open
// param to: c-second-phase-stopped
// Only causal links count here (not support): each step is
// cause -[:CAUSE_OF]-> (:CausalLink {mechanism}) -[:LEADS_TO]-> effect.
// Shortest chains first; each link's mechanism is what the source says connects them.
MATCH p = (cause:Claim {id: $from})
          ((:Claim)-[:CAUSE_OF]->(:CausalLink)-[:LEADS_TO]->(:Claim)){1,8}
          (effect:Claim {id: $to})
RETURN [n IN nodes(p) WHERE n:Claim | n.id] AS claims,
       [n IN nodes(p) WHERE n:CausalLink | n.id] AS links,
       [n IN nodes(p) WHERE n:CausalLink | n.mechanism] AS mechanisms,
       p AS path
ORDER BY size(links), links
LIMIT 5
