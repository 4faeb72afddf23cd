"""Apply the versioned Cypher scripts of `cypher/` to Neo4j, in order.

Scripts are named `V<number>__<what>.cypher`; everything in `schema/` runs
before everything in `seed/`, each folder in version order. What was applied
is recorded as `(:AppliedScript {id, checksum})`, so a second run skips what
is already there, and a script changed after it was applied is refused unless
the caller allows it *and says why*: then it is applied again (its MERGEs make
that safe) and the history keeps a `(:ScriptChange)` with the old and new
checksum, when and why, as neo4j-migrations keeps its history true. The
better way to change a landed script is a new version after it.

Schema statements run one per auto-commit transaction (Neo4j does not mix
schema and data writes in one transaction); a data script runs as a single
managed write transaction together with its history record, so it is applied
whole or not at all.

After a run that applied anything, every derived status and standing is
brought current by the caller's `recompute` (the full recomputation,
`kb.derived.full.recompute_all`, which writes only what differs; passed in so the
loader depends on no service): a script is arbitrary Cypher that may add,
remove or supersede links anywhere, so the loader cannot know which claims it
touched, and a seed is rare enough to afford one pass over the graph. `kb import`
knows what its compiled script touches and passes a recompute of just that
(`kb.services.import_derived`).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from neo4j import ManagedTransaction
from neo4j.exceptions import Neo4jError

from kb.db import Store
from kb.errors import SeedError
from kb.repositories import seeding as repo
from kb.seeding.splitter import Statement, split_statements

SCRIPT_NAME = re.compile(r"^V(\d+)__[\w-]+\.cypher$")
FULLTEXT_INDEX = re.compile(r"\bCREATE\s+FULLTEXT\s+INDEX\b", re.IGNORECASE)
FOLDERS: tuple[Literal["schema", "seed"], ...] = ("schema", "seed")

Action = Literal["applied", "skipped", "reapplied"]
ProgressCallback = Callable[["Script", int], None]


@dataclass(frozen=True)
class Script:
    """One versioned script file and its parsed statements."""

    path: Path
    kind: Literal["schema", "seed"]
    version: int
    checksum: str
    statements: list[Statement]

    @property
    def name(self) -> str:
        return f"{self.kind}/{self.path.name}"


@dataclass(frozen=True)
class ScriptResult:
    """What happened to one script in a run."""

    name: str
    action: Action
    statements: int
    seconds: float


def discover_scripts(cypher_dir: Path) -> list[Script]:
    """Read and parse every script under `cypher_dir`, in application order."""
    scripts: list[Script] = []
    for kind in FOLDERS:
        folder = cypher_dir / kind
        found = []
        for path in sorted(folder.glob("*.cypher")):
            match = SCRIPT_NAME.match(path.name)
            if match is None:
                raise SeedError(f"{path}: script names must look like V001__what.cypher")
            found.append((int(match.group(1)), path))
        for version, path in sorted(found):
            scripts.append(_read_script(path, kind, version))
    if not scripts:
        raise SeedError(f"no Cypher scripts found under {cypher_dir}")
    return scripts


def _read_script(path: Path, kind: Literal["schema", "seed"], version: int) -> Script:
    raw = path.read_bytes()
    try:
        statements = split_statements(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise SeedError(f"{kind}/{path.name}: cannot be parsed: {exc}") from exc
    checksum = hashlib.sha256(raw).hexdigest()
    return Script(path, kind, version, checksum, statements)


def apply_scripts(
    store: Store,
    scripts: list[Script],
    *,
    recompute: Callable[[Store], object],
    change_reason: str | None = None,
    reapply_all: bool = False,
    on_statement: ProgressCallback | None = None,
) -> list[ScriptResult]:
    """Apply what is new (or everything, with `reapply_all`) and report each script;
    `recompute(store)` brings every derived value current after any data script ran.

    Raises `SeedError` before writing anything when an applied script has
    changed and no `change_reason` is given, and names the file, statement and
    Neo4j's message when a statement fails.
    """
    applied = store.read(repo.applied_checksums)
    changed = [s.name for s in scripts if s.name in applied and applied[s.name] != s.checksum]
    if changed and not change_reason:
        raise SeedError(
            f"{', '.join(changed)} changed after it was applied; add a new version instead, "
            "or re-run with --allow-changed --reason '...' to apply and record the change"
        )
    pending = [s for s in scripts if reapply_all or applied.get(s.name) != s.checksum]
    # The schema of every pending script first, in build order (full-text indexes
    # last); then each script in its own order: a schema script is recorded, a data
    # script applied and recorded in one transaction.
    ddl_seconds = _run_ddl(store, ddl_in_build_order(pending), on_statement)
    results = []
    for script in scripts:
        previous = applied.get(script.name)
        if script not in pending:
            results.append(ScriptResult(script.name, "skipped", len(script.statements), 0.0))
            continue
        started = time.perf_counter() - ddl_seconds.get(script.name, 0.0)
        reason = change_reason if previous not in (None, script.checksum) else None
        if script.kind == "schema":
            store.write(_record, script, reason)
        else:
            store.write(_apply_data_script, script, reason, on_statement)
        action: Action = "applied" if previous is None else "reapplied"
        elapsed = time.perf_counter() - started
        results.append(ScriptResult(script.name, action, len(script.statements), elapsed))
    # Schema changes leave derived values as they were; data changes may not.
    kinds = {script.name: script.kind for script in scripts}
    if any(r.action != "skipped" and kinds[r.name] != "schema" for r in results):
        recompute(store)
    return results


def apply_schema(store: Store, scripts: list[Script]) -> None:
    """Run every schema statement of `scripts` again, without recording anything.

    A restore needs this: the backup brings the seed history that says the
    schema is applied, so the constraints and indexes must exist before the
    data goes in. Schema statements are `IF NOT EXISTS`, so this is idempotent.
    """
    _run_ddl(store, ddl_in_build_order(scripts), None)


def ddl_in_build_order(scripts: list[Script]) -> list[tuple[Script, int, Statement]]:
    """Every schema statement of `scripts` as `(script, number, statement)`, in file
    order except that full-text indexes come last: they populate slowly (Lucene,
    minutes at a million claims) and a constraint created while one populates
    waits for it."""
    statements = [
        (script, index, statement)
        for script in scripts
        if script.kind == "schema"
        for index, statement in enumerate(script.statements, start=1)
    ]
    return sorted(statements, key=lambda item: _is_fulltext(item[2].text))  # stable


def _is_fulltext(statement: str) -> bool:
    return FULLTEXT_INDEX.search(statement) is not None


def _run_ddl(
    store: Store,
    statements: list[tuple[Script, int, Statement]],
    on_statement: ProgressCallback | None,
) -> dict[str, float]:
    """Run `(script, statement number, statement)` DDL in order, each in its own
    auto-commit transaction (Neo4j's rule for schema); the seconds each script took."""
    seconds: dict[str, float] = {}
    for script, index, statement in statements:
        started = time.perf_counter()
        with _reported(script, index, statement):
            # schema DDL from a checked-in, checksummed file: trusted text, not input
            store.run_autocommit(statement.text)  # pyright: ignore[reportArgumentType]
        seconds[script.name] = seconds.get(script.name, 0.0) + time.perf_counter() - started
        if on_statement:
            on_statement(script, index)
    return seconds


def _apply_data_script(
    tx: ManagedTransaction,
    script: Script,
    change_reason: str | None,
    on_statement: ProgressCallback | None,
) -> None:
    for index, statement in enumerate(script.statements, start=1):
        with _reported(script, index, statement):
            repo.run_script_statement(tx, statement.text)
        if on_statement:
            on_statement(script, index)
    _record(tx, script, change_reason)


def _record(tx: ManagedTransaction, script: Script, change_reason: str | None) -> None:
    """The script's history entry, and first the change it makes to it, if any."""
    if change_reason:
        repo.record_change(tx, script.name, script.checksum, change_reason)
    repo.record_applied(tx, script.name, script.checksum, len(script.statements))


@contextmanager
def _reported(script: Script, index: int, statement: Statement) -> Iterator[None]:
    """Re-raise a Neo4j failure as a `SeedError` naming the file and statement."""
    try:
        yield
    except Neo4jError as exc:
        message = (exc.message or str(exc)).strip().splitlines()[0]
        where = f"{script.name}, statement {index} (line {statement.line})"
        raise SeedError(f"{where} failed: {message}") from exc


def script_changes(store: Store) -> list[dict[str, str]]:
    """Every recorded change of an applied script: name, both checksums, when, why."""
    return store.read(repo.script_changes)
