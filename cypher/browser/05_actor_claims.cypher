// title: Claims about, or attributed to, an actor
// question: Which claims are about, or attributed to, this actor?
// param actor: Washington
// $actor may be an id, a name or an alias ("Washington" is the United States).
// The role says how the claim involves the actor: agent, target, subject, or
// speaker (a reported_speech claim attributed to them).
MATCH (actor:Actor)
WHERE actor.id = $actor OR toLower(actor.name) = toLower($actor)
   OR any(alias IN actor.aliases WHERE toLower(alias) = toLower($actor))
MATCH (claim:Claim)-[about:ABOUT]->(actor)
RETURN actor.name AS actor, about.role AS role, claim.id AS claim, claim.type AS type,
       claim.text AS text, claim AS claim_node, about, actor AS actor_node
ORDER BY role, claim
