"""`kb bulk-load DIR`: load a graph at the speed Neo4j allows.

Two paths, chosen by what the database holds:
- a first load into an empty database runs `neo4j-admin database import full`
  (the local server is stopped for it, and started again), then applies the
  schema scripts, brings derived values current and waits for the indexes;
- an increment (the database has content) MERGEs the same files in batched
  `UNWIND $rows` transactions, one batch per transaction, so memory stays flat
  and a re-run of the same files changes nothing.

The import replaces the whole database, so it refuses to run where anything
but the seed history would be lost.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from kb import localdb
from kb.bulkcsv import BulkLoadError, ImportFile, batches, discover
from kb.config import CYPHER_DIR, Settings
from kb.db import Store
from kb.derived import full
from kb.repositories import bulk as repo
from kb.seeding.loader import apply_scripts, discover_scripts
from kb.services import warmup

Mode = Literal["auto", "import", "unwind"]
DEFAULT_BATCH = 5_000
INDEX_WAIT_SECONDS = 1_800
RowsCallback = Callable[[ImportFile, int], None]
PhaseCallback = Callable[[str], None]


@dataclass
class LoadReport:
    """What a load did and how long each phase took (seconds)."""

    mode: str
    nodes: int = 0
    relationships: int = 0
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return sum(self.phases.values())

    @property
    def rows_per_second(self) -> float:
        loading = self.phases.get("import", 0.0) + self.phases.get("unwind", 0.0)
        return (self.nodes + self.relationships) / loading if loading else 0.0


def load(
    settings: Settings,
    store: Store,
    directory: Path,
    mode: Mode = "auto",
    batch_size: int = DEFAULT_BATCH,
    on_rows: RowsCallback | None = None,
    on_phase: PhaseCallback | None = None,
) -> LoadReport:
    """Load the import-layout CSV files of `directory` (see `kb.bulkcsv`).

    `auto` imports into an empty database and MERGEs into a non-empty one; `import`
    refuses a non-empty database; `unwind` always MERGEs. Raises `BulkLoadError`.
    """
    if batch_size < 1:
        raise BulkLoadError("the batch size must be at least 1")
    files = discover(directory)
    if mode == "unwind":
        return merge_files(store, files, batch_size, on_rows, on_phase)
    if store.read(repo.has_content):
        if mode == "import":
            raise BulkLoadError(
                "the database is not empty: neo4j-admin import would replace it. Load into an "
                "empty database (kb backup, then wipe), or add the files as an increment "
                "with --mode unwind"
            )
        return merge_files(store, files, batch_size, on_rows, on_phase)
    return import_files(settings, store, files, on_phase)


def import_files(
    settings: Settings, store: Store, files: list[ImportFile], on_phase: PhaseCallback | None
) -> LoadReport:
    """First load: stop the local server, neo4j-admin import, start, schema, indexes, derived."""
    _require_local(settings)
    report = LoadReport("import")
    local = settings.local
    directory = files[0].path.parent
    options = ["--overwrite-destination", "--multiline-fields=true", "--array-delimiter=;"]
    options += [f"--nodes={f.path.name}" for f in files if f.is_node]
    options += [f"--relationships={f.path.name}" for f in files if not f.is_node]
    with _phase(report, "stop", on_phase):
        localdb.stop(local)
    with _phase(report, "import", on_phase):
        counts = localdb.admin_import(local, options, directory, local.home / "logs" / "import.log")
    report.nodes = counts.get("nodes", 0)
    report.relationships = counts.get("relationships", 0)
    with _phase(report, "start", on_phase):
        localdb.start(local, timeout=600)
    started_with = localdb.memory_for(local)
    after_load(store, report, on_phase)
    # The start sized Neo4j for the store without its indexes; with them built, a
    # page cache that no longer covers the store gets a restart at the right size.
    if localdb.memory_for(local).pagecache > started_with.pagecache:
        with _phase(report, "resize", on_phase):
            localdb.stop(local)
            localdb.start(local, timeout=600)
    with _phase(report, "warm", on_phase):
        warmup.warm(store)
    with _phase(report, "rehearse", on_phase):
        warmup.rehearse_import(store)
    return report


def merge_files(
    store: Store,
    files: list[ImportFile],
    batch_size: int,
    on_rows: RowsCallback | None = None,
    on_phase: PhaseCallback | None = None,
) -> LoadReport:
    """Increment: MERGE every file, `batch_size` rows per transaction, nodes first."""
    unknown = [f.path.name for f in files if _key(f) not in _allowed(f)]
    if unknown:
        raise BulkLoadError(
            f"no UNWIND statement for {', '.join(unknown)}: the batched path loads the labels "
            f"{', '.join(sorted(repo.NODE_LABELS))} and the relationships of docs/model.md"
        )
    report = LoadReport("unwind")
    _apply_schema(store)  # constraints first: every MERGE looks its node up by id
    with _phase(report, "unwind", on_phase):
        for import_file in files:
            for rows in batches(import_file, batch_size):
                if import_file.is_node:
                    store.write(repo.merge_nodes, import_file.label, rows)
                    report.nodes += len(rows)
                else:
                    store.write(repo.merge_relationships, import_file.key, rows)
                    report.relationships += len(rows)
                if on_rows is not None:
                    on_rows(import_file, len(rows))
    after_load(store, report, on_phase)
    return report


def after_load(store: Store, report: LoadReport, on_phase: PhaseCallback | None) -> None:
    """Schema applied, indexes online, derived values current: what reads expect of a load."""
    with _phase(report, "schema", on_phase):
        _apply_schema(store)
    # Derived values need only the id constraints, online once `schema` returns; the
    # full-text indexes go on populating meanwhile, and `indexes` waits for them.
    with _phase(report, "derived", on_phase):
        refresh_derived(store)
    with _phase(report, "indexes", on_phase):
        store.write(repo.await_indexes, INDEX_WAIT_SECONDS)


def refresh_derived(store: Store) -> None:
    """Bring stored derived values (evidence status, standing) current after a load.

    A load writes claims, links and evidence without the write path that keeps them
    current, so everything is derived once from the oracle (`kb.derived.full`).
    """
    full.recompute_all(store)


def _apply_schema(store: Store) -> None:
    schema = [script for script in discover_scripts(CYPHER_DIR) if script.kind == "schema"]
    apply_scripts(
        store, schema, recompute=full.recompute_all
    )  # in build order: full-text indexes last


def _require_local(settings: Settings) -> None:
    """neo4j-admin works on files: only the project's own local server can be imported into."""
    target = urlsplit(settings.neo4j_uri)
    if target.hostname not in ("127.0.0.1", "localhost") or target.port != settings.local.bolt_port:
        raise BulkLoadError(
            f"neo4j-admin import loads the local server's files; {settings.neo4j_uri} is not "
            f"the local server (port {settings.local.bolt_port}). Use --mode unwind for a "
            "remote database"
        )


def _key(import_file: ImportFile) -> str:
    return import_file.key


def _allowed(import_file: ImportFile) -> frozenset[str]:
    return repo.NODE_LABELS if import_file.is_node else repo.RELATIONSHIP_KEYS


class _phase:
    """Times a phase into the report, telling `on_phase` when it starts."""

    def __init__(self, report: LoadReport, name: str, on_phase: PhaseCallback | None) -> None:
        self.report, self.name, self.on_phase = report, name, on_phase

    def __enter__(self) -> None:
        if self.on_phase is not None:
            self.on_phase(self.name)
        self.started = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.report.phases[self.name] = time.perf_counter() - self.started
