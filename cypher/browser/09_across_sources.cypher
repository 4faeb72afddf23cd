// title: Agreement and disagreement across sources
// question: Which claims are asserted by more than one source, and where do sources disagree?
// Agreement: one claim node asserted by several sources (one ASSERTS each).
// Disagreement: an attack link asserted by one source against a claim that another
// source asserts. With only the first article loaded, both lists are empty.
MATCH (s:Source)-[:ASSERTS]->(c:Claim)
WITH c, collect(DISTINCT s.id) AS sources
WHERE size(sources) > 1
RETURN 'asserted by several' AS finding, c.id AS claim, sources, null AS link
UNION ALL
MATCH (attacker:Claim)-[r:ATTACKS]->(c:Claim)<-[:ASSERTS]-(other:Source)
WHERE r.source_id <> other.id
RETURN 'disputed across sources' AS finding, c.id AS claim,
       [r.source_id + ' attacks', other.id + ' asserts'] AS sources, r.id AS link
ORDER BY finding, claim
