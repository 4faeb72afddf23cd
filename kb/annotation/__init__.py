"""Annotation files (`kb-annotation/1`, docs/annotation.md) compiled to seed scripts.

An analyst describes one source in YAML: its text, the claims it asserts
with their quotes, the links it argues. `kb.annotation` reads such a file
with line numbers (`document`), checks it against the published JSON Schema
and the format's rules (`compiler`), and renders the result as a versioned,
idempotent Cypher seed script (`script`). Nothing here touches the database:
`kb.services.annotation` supplies what the database already holds.
"""
