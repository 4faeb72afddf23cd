"""The schema is built with the full-text indexes last (a constraint created while
Lucene populates one waits for it: minutes at a million claims)."""

from kb.config import CYPHER_DIR
from kb.seeding.loader import FULLTEXT_INDEX, ddl_in_build_order, discover_scripts


def test_full_text_indexes_come_last_and_nothing_is_lost() -> None:
    scripts = [script for script in discover_scripts(CYPHER_DIR) if script.kind == "schema"]
    ordered = [statement.text for _script, _index, statement in ddl_in_build_order(scripts)]
    in_files = [statement.text for script in scripts for statement in script.statements]
    assert sorted(ordered) == sorted(in_files)
    fulltext = [bool(FULLTEXT_INDEX.search(text)) for text in ordered]
    assert fulltext.count(True) == 2  # claim text and assertion quotes
    assert fulltext == sorted(fulltext)  # every full-text index after every other statement
    others = [text for text in in_files if not FULLTEXT_INDEX.search(text)]
    assert ordered[: len(others)] == others  # the rest keep their file order
