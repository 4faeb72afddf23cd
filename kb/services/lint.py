"""`kb lint`: check the argument layer of a database against the curation rules.

The rules (`kb.lint.rules`) run over plain rows read in one transaction. Each
violation names the seed script its id comes from: the last script under
`cypher/seed/` that writes that id (`'id'` in its text), or `db` when no
script does (something written by hand or by the API).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from neo4j import ManagedTransaction

from kb.db import Store
from kb.lint.rows import ClaimRow, LinkRow, Violation
from kb.lint.rules import check
from kb.repositories import lint as repo


def lint(store: Store, cypher_dir: Path | None = None) -> list[Violation]:
    """Every rule violation in the database, each attributed to a seed script if possible."""
    claims, links = store.read(_rows)
    violations = check(claims, links)
    if cypher_dir is None:
        return violations
    scripts = sorted((cypher_dir / "seed").glob("V*__*.cypher"), key=_version, reverse=True)
    texts = [(f"seed/{path.name}", path.read_text(encoding="utf-8")) for path in scripts]
    return [replace(v, where=_script_of(v.id, texts)) for v in violations]


def _rows(tx: ManagedTransaction) -> tuple[list[ClaimRow], list[LinkRow]]:
    return repo.claim_rows(tx), repo.link_rows(tx)


def _version(path: Path) -> int:
    return int(path.name[1:].split("__", 1)[0])


def _script_of(item_id: str, texts: list[tuple[str, str]]) -> str:
    needle = f"'{item_id}'"
    return next((name for name, text in texts if needle in text), "db")
