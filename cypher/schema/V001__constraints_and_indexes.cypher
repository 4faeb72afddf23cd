// Schema for the claim graph: one uniqueness constraint per identifier, so
// every seed MERGE is keyed and a second run finds what the first created.
// Each statement runs on its own (schema changes cannot share a transaction
// with data writes); IF NOT EXISTS makes the script safe to re-run.

CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT causal_link_id IF NOT EXISTS FOR (n:CausalLink) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_slot_id IF NOT EXISTS FOR (n:EvidenceSlot) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT applied_script_id IF NOT EXISTS FOR (n:AppliedScript) REQUIRE n.id IS UNIQUE;

// Support and attack links are relationships with ids of their own.
CREATE CONSTRAINT supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT attacks_id IF NOT EXISTS FOR ()-[r:ATTACKS]-() REQUIRE r.id IS UNIQUE;

// Filters the API offers.
CREATE INDEX claim_type IF NOT EXISTS FOR (n:Claim) ON (n.type);
CREATE INDEX evidence_slot_status IF NOT EXISTS FOR (n:EvidenceSlot) ON (n.status);

// Ranked full-text search over claim paraphrases and the quotes that assert them.
CREATE FULLTEXT INDEX claim_text IF NOT EXISTS FOR (n:Claim) ON EACH [n.text];
CREATE FULLTEXT INDEX assertion_quote IF NOT EXISTS FOR ()-[r:ASSERTS]-() ON EACH [r.quote];
