"""Formats the graph leaves in: AIF, schema.org ClaimReview, GraphML, neo4j-admin CSV.

One small module per format, each made of pure functions from plain rows (as
`kb.repositories.export` reads them) to the format's text, plus the format's
*loss report*: what it cannot carry, by kind and count. No module here
touches the database; `kb.services.export` feeds them page by page.
"""
