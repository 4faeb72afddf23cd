"""`kb lint`: curation rules (docs/curation.md) over the argument layer.

The rules are small pure functions over plain rows (`kb.lint.rows`), so they
are tested without a database; `kb.services.lint` reads the rows and names the
seed script each offending id comes from.
"""
