"""The seed runner sends inline `UNWIND [...]` data as the parameter `$rows`."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kb.annotation.compiler import compile_document
from kb.annotation.document import load
from kb.annotation.model import ExistingIds
from kb.annotation.script import literal, render
from kb.config import CYPHER_DIR, PROJECT_ROOT
from kb.seeding.lifting import lift_rows
from kb.seeding.splitter import split_statements

KEYS = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True).filter(
    lambda key: key not in ("true", "false", "null")
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**62), 2**62),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=3)),
    max_leaves=12,
)


@given(rows=st.lists(st.dictionaries(KEYS, VALUES, max_size=4), max_size=5))
def test_rendered_rows_come_back_as_the_same_values(rows: list[dict[str, Any]]) -> None:
    statement = f"// a comment\nUNWIND {literal(rows)} AS row\nMERGE (n:X {{id: row.id}})"
    lifted = lift_rows(statement)
    assert lifted is not None
    query, values = lifted
    assert query == "UNWIND $rows AS row\nMERGE (n:X {id: row.id})"
    assert values == rows


def test_cypher_escapes_are_decoded() -> None:
    lifted = lift_rows("UNWIND [{q: 'it\\'s\\u003B \"x\" \\\\ \\n'}, 1.5, -2] AS r RETURN r")
    assert lifted == ("UNWIND $rows AS r RETURN r", [{"q": 'it\'s; "x" \\ \n'}, 1.5, -2])


def test_anything_but_data_runs_as_written() -> None:
    for statement in (
        "UNWIND [date('2024-01-01')] AS d RETURN d",
        "UNWIND [x, 1] AS d RETURN d",
        "UNWIND [1 + 2] AS d RETURN d",
        "UNWIND [{a: $p}] AS d RETURN d",
        "UNWIND $rows AS row RETURN row",
        "MATCH (n) RETURN n",
        "UNWIND [1, 2] RETURN 1",
    ):
        assert lift_rows(statement) is None, statement


def test_the_hand_written_seeds_lift_their_data() -> None:
    """Most statements of V003 go as parameters; what is lifted holds all their rows."""
    script = (CYPHER_DIR / "seed" / "V003__article_001_claims.cypher").read_text("utf-8")
    statements = split_statements(script)
    lifted = [lift_rows(s.text) for s in statements]
    assert sum(1 for x in lifted if x) >= len(statements) - 2
    actors = next(x for x in lifted if x)
    assert actors[0].startswith("UNWIND $rows AS row\nMERGE (a:Actor")
    assert {"id": "hamas", "name": "Hamas", "kind": "organisation", "aliases": ["Hamas"]} in actors[
        1
    ]


def test_every_statement_of_a_compiled_script_goes_with_its_rows_as_a_parameter() -> None:
    """The article compiled by `kb import`: each statement lifts, and the texts Neo4j plans
    are few (one per kind of statement) whatever the number of rows."""
    document = load(PROJECT_ROOT / "corpus" / "article-001.yaml")
    compiled, problems = compile_document(document, ExistingIds(), "seed/V008__article.cypher")
    assert compiled is not None, problems
    statements = split_statements(render(compiled, "corpus/article-001.yaml"))
    lifted = [lift_rows(s.text) for s in statements]
    assert all(lifted)
    queries = {x[0] for x in lifted if x}
    assert all(len(query) < 1000 for query in queries)
    assert sum(len(x[1]) for x in lifted if x) > 500
