"""Every Cypher statement the application runs, in one findable place.

One module per concern; each statement is a module-level `LiteralString`
constant whose name ends in `_QUERY`, so a type checker rejects anything
built at run time and `tests/integration/test_queries_explain.py` can
`EXPLAIN` every one of them. Values always travel as `$parameters`.
"""
