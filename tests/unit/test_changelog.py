"""The version in pyproject.toml has its entry in CHANGELOG.md, newest first."""

from __future__ import annotations

import re
import tomllib

from packaging.version import Version

from kb.config import PROJECT_ROOT


def _entries() -> list[Version]:
    changelog = (PROJECT_ROOT / "CHANGELOG.md").read_text("utf-8")
    return [
        Version(v)
        for v in re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.M)
    ]


def test_the_project_version_is_the_newest_entry() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    entries = _entries()
    assert entries, "CHANGELOG.md has no `## [X.Y.Z] - YYYY-MM-DD` entry"
    assert entries[0] == Version(project["version"])
    assert entries == sorted(entries, reverse=True)
