// Derived values kept on the graph (docs/model.md, "Derived status and standing"):
// every claim's and causal link's evidence `status` and every claim's
// `standing` are stored and updated by the write that changes them, so the
// API filters on them with an index instead of recomputing the whole graph.
CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status);
CREATE INDEX claim_standing IF NOT EXISTS FOR (n:Claim) ON (n.standing);
CREATE INDEX causal_link_status IF NOT EXISTS FOR (n:CausalLink) ON (n.status);

// A target's evidence, found from the target's id without scanning every link.
CREATE INDEX evidence_link_target IF NOT EXISTS FOR (n:EvidenceLink) ON (n.target_id);
