"""Store access: each module runs the Cypher of `kb.queries` for one concern."""
