"""Store access: each module runs the Cypher of `kb.queries` for one concern.

Every function takes the caller's `ManagedTransaction`, so a service can
compose several into one read or one all-or-nothing write.
"""
