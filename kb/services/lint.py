"""`kb lint`: check the argument layer of a database against the curation rules.

The rules (`kb.lint.rules`) run over plain rows read a page of claims at a
time, each page its own read transaction (`kb.lint.paged`), so a lint of a
million claims stays within Neo4j's transaction memory. Each violation names
the seed script its id comes from: the last script under `cypher/seed/` that
writes that id (`'id'` in its text), or `db` when no script does (something
written by hand or by the API).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from neo4j import ManagedTransaction

from kb.db import Store
from kb.lint.paged import PagedLint
from kb.lint.rows import LinkRow, Violation
from kb.lint.rules import no_cycle
from kb.repositories import lint_pages as pages_repo
from kb.repositories import lint_region as region_repo

PAGE = 10000  # claims per read transaction
TEXTS_KEPT = 1000  # source texts cached between pages


def lint(store: Store, cypher_dir: Path | None = None) -> list[Violation]:
    """Every rule violation in the database, each attributed to a seed script if possible."""
    violations = lint_pages(store)
    if cypher_dir is None:
        return violations
    scripts = sorted((cypher_dir / "seed").glob("V*__*.cypher"), key=_version, reverse=True)
    texts = [(f"seed/{path.name}", path.read_text(encoding="utf-8")) for path in scripts]
    return [replace(v, where=_script_of(v.id, texts)) for v in violations]


def lint_pages(store: Store, page: int = PAGE) -> list[Violation]:
    """Every violation, as `check` over the whole graph finds them, ordered the same."""
    found = PagedLint()
    texts: dict[str, str] = {}
    after = ""  # every id sorts after the empty string
    pages: list[str] = [after]  # where each page starts, for the links pass
    while claims := store.read_bulk(pages_repo.claims_page, after, page, texts):
        found.add_claims(claims)
        after = claims[-1].id
        pages.append(after)
        if len(texts) > TEXTS_KEPT:
            texts.clear()
    for start in pages[:-1]:
        found.add_links(store.read_bulk(_links_after, start, page))
    candidates = found.cycle_candidates()
    if candidates:
        edges = store.read_bulk(region_repo.dependency_step, candidates, True)
        inside = set(candidates)
        found.violations += no_cycle([], [e for e in edges if e.to_id in inside])
    return sorted(set(found.violations), key=lambda v: (v.id, v.rule, v.message))


def _links_after(tx: ManagedTransaction, after: str, page: int) -> list[LinkRow]:
    """The links out of the page of claims after `after`."""
    return pages_repo.links_out_of(tx, pages_repo.claim_ids_page(tx, after, page))


def _version(path: Path) -> int:
    return int(path.name[1:].split("__", 1)[0])


def _script_of(item_id: str, texts: list[tuple[str, str]]) -> str:
    needle = f"'{item_id}'"
    return next((name for name, text in texts if needle in text), "db")
