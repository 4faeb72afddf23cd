"""The statement splitter: semicolons inside literals and comments are not separators."""

import pytest

from kb.seeding.splitter import split_statements


def test_splits_at_top_level_semicolons() -> None:
    statements = split_statements("RETURN 1;\nRETURN 2;\n")
    assert [s.text for s in statements] == ["RETURN 1", "RETURN 2"]


def test_semicolon_inside_single_and_double_quotes_is_kept() -> None:
    statements = split_statements("RETURN 'a;b' AS x;\nRETURN \"c;d\" AS y")
    assert [s.text for s in statements] == ["RETURN 'a;b' AS x", 'RETURN "c;d" AS y']


def test_escaped_quote_does_not_end_the_literal() -> None:
    statements = split_statements("RETURN 'it\\'s; fine' AS x; RETURN 2")
    assert [s.text for s in statements] == ["RETURN 'it\\'s; fine' AS x", "RETURN 2"]


def test_semicolons_in_comments_and_backticks_are_kept() -> None:
    script = "// note; here\nMATCH (`a;b`) /* x; y */ RETURN 1;\nRETURN 2"
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[0].text.endswith("/* x; y */ RETURN 1")


def test_comment_only_chunks_are_not_statements() -> None:
    assert split_statements("// only a comment;\n\n   \n") == []


def test_line_numbers_point_at_the_first_code_line() -> None:
    statements = split_statements("RETURN 1;\n\n// why\nRETURN\n 2;")
    assert [s.line for s in statements] == [1, 4]


def test_unterminated_literal_is_an_error() -> None:
    with pytest.raises(ValueError, match="unterminated"):
        split_statements("RETURN 'oops;")
