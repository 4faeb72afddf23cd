// A second label per claim type (Factual, Causal, Interpretive, Predictive, Normative,
// ReportedSpeech), derived from Claim.type. Why: Neo4j Browser's style sheet (GraSS,
// cypher/browser/style.grass) can colour nodes by label only, not by property, so
// this is what lets researchers see claim types at a glance. `type` stays the
// source of truth; every statement clears the label first, so applying the script
// again (kb seed --reapply) after a claim's type changed leaves no stale label.
MATCH (c:Claim) REMOVE c:Factual:Causal:Interpretive:Predictive:Normative:ReportedSpeech;
MATCH (c:Claim {type: 'factual'}) SET c:Factual;
MATCH (c:Claim {type: 'causal'}) SET c:Causal;
MATCH (c:Claim {type: 'interpretive'}) SET c:Interpretive;
MATCH (c:Claim {type: 'predictive'}) SET c:Predictive;
MATCH (c:Claim {type: 'normative'}) SET c:Normative;
MATCH (c:Claim {type: 'reported_speech'}) SET c:ReportedSpeech;
