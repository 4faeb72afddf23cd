"""Every relative link and image in the README and docs/ points at a file that exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.config import PROJECT_ROOT

DOCUMENTS = sorted(
    [PROJECT_ROOT / "README.md", PROJECT_ROOT / "CHANGELOG.md", *PROJECT_ROOT.glob("docs/**/*.md")]
)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _relative_targets(document: Path) -> list[str]:
    targets = (match.group(1) for match in LINK.finditer(document.read_text("utf-8")))
    return [t for t in targets if not re.match(r"[a-z]+:|#", t)]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_every_relative_link_resolves(document: Path) -> None:
    missing = [
        target
        for target in _relative_targets(document)
        if not (document.parent / target.split("#", 1)[0]).exists()
    ]
    assert missing == []


def test_the_docs_index_names_every_document() -> None:
    index = (PROJECT_ROOT / "docs" / "README.md").read_text("utf-8")
    documents = {
        path.relative_to(PROJECT_ROOT / "docs").as_posix()
        for path in (PROJECT_ROOT / "docs").glob("**/*")
        if path.is_file() and path.name != "README.md"
    }
    unnamed = sorted(d for d in documents if Path(d).name not in index)
    assert unnamed == []
