// title: The sources and the kinds of claims they make
// question: What is in the graph: which sources, and how many claims of each type?
// Every claim reaches a source through ASSERTS (attribution, never endorsement).
// `checkable` says whether external evidence could settle a claim of that type.
MATCH (s:Source)-[:ASSERTS]->(c:Claim)
RETURN s.id AS source, c.type AS type, c.checkable AS checkable, count(DISTINCT c) AS claims
ORDER BY source, claims DESC, type
