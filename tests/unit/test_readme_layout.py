"""The README's layout section names what the tree holds, and only that."""

from __future__ import annotations

import re

from kb.config import PROJECT_ROOT

PACKAGES = ("kb", "api")


def _layout_block() -> str:
    readme = (PROJECT_ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    return section.split("```", 2)[1]


def _named_paths(block: str) -> set[str]:
    """Every path a line starts with; indented lines are relative to the folder above.

    A line is `path [path ...]  description`: the paths end at the first run of
    two or more spaces.
    """
    named: set[str] = set()
    parent = ""
    for line in block.splitlines():
        if not line.strip():
            continue
        paths = re.split(r"\s{2,}", line.strip())[0].split()
        if not line.startswith(" "):
            parent = paths[0].rstrip("/")
            named.add(parent)
        else:
            named.update(f"{parent}/{path.rstrip('/')}" for path in paths)
    return named


def test_every_named_path_exists() -> None:
    missing = sorted(p for p in _named_paths(_layout_block()) if not (PROJECT_ROOT / p).exists())
    assert missing == []


def test_every_package_and_module_of_kb_and_api_is_named() -> None:
    named = _named_paths(_layout_block())
    present = {
        f"{package}/{child.name}"
        for package in PACKAGES
        for child in (PROJECT_ROOT / package).iterdir()
        if child.name not in ("__init__.py", "__main__.py", "__pycache__")
    }
    assert sorted(present - named) == []
