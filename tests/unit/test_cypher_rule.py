"""The Cypher rule is enforced by the lint, not only documented.

`make lint` runs basedpyright, for which `kb.db.records` (like the driver)
takes a `LiteralString`: a statement built from a runtime string is an error,
a fixed statement with parameters is not.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kb.config import PROJECT_ROOT

PROBE = """
from neo4j import ManagedTransaction

from kb.db import records


def claims_with(tx: ManagedTransaction, label: str, claim_id: str) -> None:
    records(tx, "MATCH (c:Claim {id: $claim_id}) RETURN c", claim_id=claim_id)
    records(tx, {query})
"""


def _lint(tmp_path: Path, query: str) -> subprocess.CompletedProcess[str]:
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE.replace("{query}", query), encoding="utf-8")
    pyright = Path(sys.executable).parent / "basedpyright"
    return subprocess.run(
        [str(pyright), "--project", str(PROJECT_ROOT / "pyproject.toml"), str(probe)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=PROJECT_ROOT,
    )


def test_a_query_built_from_a_runtime_string_fails_the_lint(tmp_path: Path) -> None:
    result = _lint(tmp_path, 'f"MATCH (n:{label}) RETURN n"')
    assert result.returncode != 0
    assert "LiteralString" in result.stdout
    assert "probe.py:9" in result.stdout  # the f-string line, not the parameterised one


def test_a_fixed_query_passes_the_lint(tmp_path: Path) -> None:
    result = _lint(tmp_path, '"MATCH (n:Claim) RETURN n LIMIT 1"')
    assert result.returncode == 0, result.stdout
