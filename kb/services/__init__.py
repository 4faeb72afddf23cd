"""Use cases: validate what the repositories cannot, compose their answers."""
