// Schema for what analysts add: external evidence, the links from it to claims
// and causal links, API keys, the append-only event log, idempotency records.

// One Evidence node per normalised URL.
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_url IF NOT EXISTS FOR (n:Evidence) REQUIRE n.url IS UNIQUE;

// `active_key` (target, url, stance, analyst) exists only while a link is not
// retracted: the constraint makes concurrent identical writes collapse to one.
CREATE CONSTRAINT evidence_link_id IF NOT EXISTS FOR (n:EvidenceLink) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_link_active_key IF NOT EXISTS
  FOR (n:EvidenceLink) REQUIRE n.active_key IS UNIQUE;

CREATE CONSTRAINT api_key_name IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.hash IS UNIQUE;

CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE INDEX event_target IF NOT EXISTS FOR (n:Event) ON (n.target_id);

CREATE CONSTRAINT idempotency_record_id IF NOT EXISTS
  FOR (n:IdempotencyRecord) REQUIRE n.id IS UNIQUE;
