// Schema for what the argument review (seed V005) retires: a causal link that
// is removed keeps its node (and the evidence, slots and history attached to
// it) under the label SupersededCausalLink; a removed support or attack
// relationship is recorded as a SupersededLink node. Both keep their ids.
CREATE CONSTRAINT superseded_causal_link_id IF NOT EXISTS
  FOR (n:SupersededCausalLink) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT superseded_link_id IF NOT EXISTS
  FOR (n:SupersededLink) REQUIRE n.id IS UNIQUE;
