"""What `kb query` refuses before a statement reaches Neo4j.

A read transaction already stops writes, but not everything that is not a
write is harmless: `LOAD CSV FROM 'http://…'` makes the database host fetch
URLs, procedures such as `db.clearQueryCaches()` change server state, and
administration commands (`TERMINATE TRANSACTIONS`, `ALTER`, `GRANT`, `USE
system`) reach beyond the graph. So a statement may call only the read
procedures of `READ_PROCEDURES` and may not contain `LOAD CSV`, `USE` or an
administration command; `SHOW` is allowed for indexes and constraints only.
The check looks at the statement's words with comments and string literals
removed, so a word inside a quoted value never trips it.
"""

from __future__ import annotations

import re

from kb.errors import InvalidRequest

READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
        "db.index.vector.querynodes",
        "dbms.components",
    }
)
ADMIN_WORDS = frozenset(
    {"TERMINATE", "GRANT", "DENY", "REVOKE", "ALTER", "RENAME", "ENABLE", "DRYRUN", "USE"}
)
SHOWABLE = frozenset({"INDEX", "INDEXES", "CONSTRAINT", "CONSTRAINTS"})

_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", re.DOTALL)
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)
_CALL = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)", re.IGNORECASE)
_SHOW = re.compile(r"\bSHOW\s+(?:ALL\s+|RANGE\s+|FULLTEXT\s+|UNIQUE\s+)*(\w+)", re.IGNORECASE)
_START_STOP = re.compile(r"\b(START|STOP)\s+DATABASE\b", re.IGNORECASE)
# Administration commands and USE begin a statement (or, for USE, a subquery).
_LEADING_WORD = re.compile(r"(?:^|[;{])\s*([A-Za-z_]+)")


def bare_statement(statement: str) -> str:
    """`statement` without comments, string literals or identifier backticks."""
    without_strings = _STRINGS.sub("''", _COMMENTS.sub(" ", statement))
    return without_strings.replace("`", "")


def refuse_unsafe(statement: str) -> None:
    """`InvalidRequest` naming what `kb query` does not run in `statement`."""
    bare = bare_statement(statement)
    if _LOAD_CSV.search(bare):
        raise InvalidRequest("kb query does not run LOAD CSV (it makes the database fetch URLs)")
    for name in _CALL.findall(bare):
        if name.lower() not in READ_PROCEDURES:
            allowed = ", ".join(sorted(READ_PROCEDURES))
            raise InvalidRequest(
                f"kb query does not call the procedure {name}; the read procedures it allows: "
                f"{allowed}"
            )
    for shown in _SHOW.findall(bare):
        if shown.upper() not in SHOWABLE:
            raise InvalidRequest(f"kb query shows indexes and constraints only, not SHOW {shown}")
    admin = sorted({w.upper() for w in _LEADING_WORD.findall(bare)} & ADMIN_WORDS)
    if admin or _START_STOP.search(bare):
        words = ", ".join(admin) or "START/STOP DATABASE"
        raise InvalidRequest(f"kb query does not run administration commands ({words})")
