"""Every Cypher statement the application runs, in one findable place.

One module per concern, named as its repository and service are; each
statement is a module-level `LiteralString` constant whose name ends in
`_QUERY`, so `tests/integration/test_queries_explain.py` can `EXPLAIN` every
one of them. Values always travel as `$parameters`; `LiteralString` documents
that a statement is fixed text (mypy does not enforce it; the lint that does
is tracked separately).

Lists come as pairs: `<LIST>_COUNT_QUERY` returns `total`, `<LIST>_PAGE_QUERY`
returns one `item` per row for `$skip`/`$limit` (see `kb.repositories.paging`).
"""
