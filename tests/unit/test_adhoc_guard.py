"""`kb query` refuses LOAD CSV, procedures outside the read allow-list and administration
commands before a statement reaches Neo4j; quoted values and comments never trip it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.config import CYPHER_DIR
from kb.errors import InvalidRequest
from kb.services.adhoc_guard import refuse_unsafe

REFUSED = [
    ("LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row", "LOAD CSV"),
    ("load  csv with headers from 'file:///x' as r return r", "LOAD CSV"),
    ("CALL db.clearQueryCaches()", "db.clearQueryCaches"),
    ("CALL `db`.`clearQueryCaches`()", "db.clearQueryCaches"),
    ("CALL dbms.setConfigValue('a', 'b')", "dbms.setConfigValue"),
    ("MATCH (n) CALL apoc.load.json('http://x') YIELD value RETURN value", "apoc.load.json"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE"),
    ("SHOW TRANSACTIONS", "SHOW TRANSACTIONS"),
    ("USE system SHOW USERS", "SHOW USERS"),
    ("CALL { USE system MATCH (n) RETURN n } RETURN n", "USE"),
    ("STOP DATABASE neo4j", "START/STOP"),
]

ALLOWED = [
    "MATCH (c:Claim) RETURN c.id LIMIT 5",
    "MATCH (n) WHERE n.text = 'LOAD CSV FROM x' RETURN n.use AS use",
    "// CALL db.clearQueryCaches()\nMATCH (n) RETURN count(n)",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.index.fulltext.queryNodes('claim_text', 'war') YIELD node RETURN node.id",
    "CALL () { MATCH (n) RETURN n } RETURN count(n)",
    "SHOW INDEXES",
    "SHOW RANGE INDEXES",
    "SHOW CONSTRAINTS",
]


@pytest.mark.parametrize(("statement", "named"), REFUSED)
def test_unsafe_statements_are_refused_by_name(statement: str, named: str) -> None:
    with pytest.raises(InvalidRequest, match=named.replace(".", r"\.").replace("/", "/")):
        refuse_unsafe(statement)


@pytest.mark.parametrize("statement", ALLOWED)
def test_reads_pass(statement: str) -> None:
    refuse_unsafe(statement)


@pytest.mark.parametrize(
    "path", sorted((CYPHER_DIR / "browser").glob("*.cypher")), ids=Path.name.fget
)
def test_the_shipped_browser_queries_pass(path: Path) -> None:
    refuse_unsafe(path.read_text())
