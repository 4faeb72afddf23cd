"""Claims: list, detail, and what depends on what."""
