"""The one-way layering, checked on the import graph and the calls of every module.

route (api/) -> schema -> service (kb/services/) -> repository (kb/repositories/,
running kb/queries/) -> driver. The API never touches the store's internals,
services and the derived-status engine (kb/derived/) never run Cypher themselves,
the CLI only calls services, and the seed loader (kb/seeding/) is below the
services: it is handed what it needs from above (the recompute) as a callback.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kb.config import PROJECT_ROOT


def _modules(folder: str) -> list[Path]:
    return sorted((PROJECT_ROOT / folder).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    """Every module name `path` imports (`from a.b import c` gives a.b and a.b.c)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _calls(path: Path) -> set[str]:
    """Names of the functions and methods `path` calls (`tx.run` gives `run`)."""
    called: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                called.add(node.func.id)
            elif isinstance(node.func, ast.Attribute):
                called.add(node.func.attr)
    return called


def _offending(imports: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        name for name in imports if any(name == f or name.startswith(f + ".") for f in forbidden)
    )


def _relative(path: Path) -> str:
    return str(path.relative_to(PROJECT_ROOT))


@pytest.mark.parametrize("path", _modules("api"), ids=_relative)
def test_api_reaches_the_store_only_through_services(path: Path) -> None:
    assert _offending(_imports(path), ("kb.queries", "kb.repositories", "neo4j")) == []


@pytest.mark.parametrize("path", _modules("kb/services") + _modules("kb/derived"), ids=_relative)
def test_services_run_no_cypher_themselves(path: Path) -> None:
    assert _offending(_imports(path), ("kb.queries",)) == []
    assert {"records", "run", "run_autocommit"} & _calls(path) == set()


@pytest.mark.parametrize("path", _modules("kb/cli"), ids=_relative)
def test_the_cli_calls_services_not_repositories(path: Path) -> None:
    assert _offending(_imports(path), ("kb.queries", "kb.repositories")) == []


@pytest.mark.parametrize("path", _modules("kb/seeding") + _modules("kb/derived"), ids=_relative)
def test_the_loader_and_the_engine_import_no_service(path: Path) -> None:
    assert _offending(_imports(path), ("kb.services", "kb.cli")) == []


@pytest.mark.parametrize("path", _modules("kb"), ids=_relative)
def test_the_domain_does_not_know_flask(path: Path) -> None:
    assert _offending(_imports(path), ("flask", "flask_smorest", "api")) == []


def test_the_checks_see_what_they_forbid(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from kb.queries.claims import X\nimport neo4j\n\ndef f(tx):\n    tx.run(X)\n"
    )
    forbidden = _offending(_imports(sample), ("kb.queries", "neo4j"))
    assert forbidden == ["kb.queries.claims", "kb.queries.claims.X", "neo4j"]
    assert "run" in _calls(sample)
