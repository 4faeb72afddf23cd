"""The libraries whose major versions the code relies on are the pinned ones.

flask-smorest, marshmallow, apispec, Flask-Limiter and the neo4j driver are used
through their public APIs only, and gunicorn's gthread worker is subclassed
(api/worker.py), within one major version each (pyproject.toml); this fails
if an installed version drifts outside the pin, e.g. in a hand-made venv.
"""

from __future__ import annotations

import tomllib
from importlib.metadata import version

import pytest
from packaging.requirements import Requirement

from kb.config import PROJECT_ROOT

PINNED = ("neo4j", "flask-smorest", "marshmallow", "apispec", "gunicorn", "flask-limiter")


def _requirements() -> dict[str, Requirement]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    parsed = (Requirement(line) for line in project["dependencies"])
    return {requirement.name: requirement for requirement in parsed}


@pytest.mark.parametrize("name", PINNED)
def test_installed_version_is_within_the_pinned_major(name: str) -> None:
    requirement = _requirements()[name]
    upper = [spec for spec in requirement.specifier if spec.operator == "<"]
    assert upper, f"{name} has no upper bound in pyproject.toml"
    assert requirement.specifier.contains(version(name)), (name, version(name))
