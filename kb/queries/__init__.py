"""Every Cypher statement the application runs, in one findable place.

One module per concern, named as its repository and service are; each
statement is a module-level `LiteralString` constant whose name ends in
`_QUERY`, or an entry of a registry whose name ends in `_QUERIES` (generated
from `kb.schema`, one statement per kind), so
`tests/integration/test_queries_explain.py` can `EXPLAIN` every one of them.
Values always travel as `$parameters`. `LiteralString` makes a statement fixed
text: `records`, `Store` and the driver take only `LiteralString` queries, and
basedpyright (`make lint`) fails on one built at run time from input; mypy does
not check this.

Lists come as pairs: `<LIST>_COUNT_QUERY` returns `total`, `<LIST>_PAGE_QUERY`
returns one `item` per row for `$skip`/`$limit` (see `kb.repositories.paging`).
"""
