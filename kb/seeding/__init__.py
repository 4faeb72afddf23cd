"""Applying the versioned Cypher scripts in `cypher/` (schema, then seed data)."""
