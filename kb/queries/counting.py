"""The capped count every list's `<LIST>_COUNT_QUERY` ends with (`kb.repositories.paging`)."""

from typing import LiteralString


def capped_count(var: LiteralString) -> LiteralString:
    """Count the rows bound to `var` up to `$count_cap`; `estimate` is true when it stopped."""
    return (
        "WITH " + var + " LIMIT $count_cap\n"
        "RETURN count(" + var + ") AS total, count(" + var + ") >= $count_cap AS estimate\n"
    )
