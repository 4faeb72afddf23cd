"""The export format registry is the one place a format is named."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kb.config import PROJECT_ROOT
from kb.export.formats import FORMATS, in_words

NAMES = set(FORMATS)


def _modules() -> list[Path]:
    found = sorted((PROJECT_ROOT / "kb").rglob("*.py")) + sorted(
        (PROJECT_ROOT / "api").rglob("*.py")
    )
    return [p for p in found if not str(p.relative_to(PROJECT_ROOT)).startswith("kb/export/")]


def format_spellings(tree: ast.AST) -> list[str]:
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in NAMES
    ]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_no_module_outside_kb_export_spells_a_format(path: Path) -> None:
    assert format_spellings(ast.parse(path.read_text("utf-8"))) == []


def test_the_scan_sees_what_it_forbids() -> None:
    assert format_spellings(ast.parse('if name == "graphml": pass')) == ["graphml"]


def test_each_format_is_listed_once_with_its_own_media_type_and_suffix() -> None:
    assert in_words() == "aif, claimreview, graphml or csv"
    assert len({f.suffix for f in FORMATS.values()}) == len(FORMATS)
    assert all(name == f.name for name, f in FORMATS.items())
