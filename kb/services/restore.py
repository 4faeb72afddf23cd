"""Restore: check the whole backup, stage it beside the live graph, then swap.

Neo4j Community has one user database, so a restore cannot load into a fresh
database and switch. Instead:

1. `check_file` reads and checks the whole file (format, every line, counts,
   relationship ends, the SHA-256 in its end line) before anything is written.
2. A marker node (`KbRestore`, phase `staging`) is written; `/healthz`
   answers 503 while it exists.
3. The backup is loaded in batches as `KbRestoreStaged` nodes and
   `KB_RESTORE_STAGED` relationships, their real labels and type kept in
   properties: no label, type, constraint or index of the live graph sees them,
   so the API keeps serving the old graph. Any failure here discards the
   staged data: the database is as it was.
4. The swap deletes the old graph and promotes the staged one. Up to
   `SWAP_IN_ONE_TRANSACTION` entities (old and new together) this is one
   transaction, which also removes the marker: it happens entirely or not at
   all. A larger graph does not fit one transaction's memory (nor a smaller
   one that Neo4j's transaction memory limit refuses), so the marker moves to
   phase `swapping` first and the swap runs in batches.

A restore that was killed (the CLI or Neo4j) is finished by running it again:
in phase `staging` the staged data is discarded and the restore starts over
(the old graph was never touched); in phase `swapping` (deleting the old graph)
or `promoting` (promoting the staged one) the staged data was complete and
checked, so the swap is finished first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kb import backup_reader
from kb.config import CYPHER_DIR
from kb.db import Store
from kb.derived import full
from kb.errors import BackupError, QueryTooLarge
from kb.repositories import backup as repo
from kb.seeding.loader import apply_schema, discover_scripts
from kb.services.backup import BackupCounts, counts

BATCH_SIZE = 1000
SWAP_IN_ONE_TRANSACTION = 100_000


@dataclass(frozen=True)
class RestoreResult:
    counts: BackupCounts
    recovered: str | None  # what an interrupted earlier restore left, and what was done
    hashed: bool  # False for a version 1 file (no content hash to check)


def restore(
    store: Store,
    path: Path,
    *,
    force: bool = False,
    batch_size: int = BATCH_SIZE,
    swap_in_one_transaction: int = SWAP_IN_ONE_TRANSACTION,
    on_step: Callable[[str], None] | None = None,
) -> RestoreResult:
    """Replace the graph with the backup at `path`; the old graph stays if anything fails
    before the swap.

    Raises `BackupError` when the file fails its check, or when the database
    holds nodes and `force` is not given. `on_step` (tests) is called with
    `staged` when all is staged, and with `swapping` in a batched swap once the
    old graph is deleted.
    """
    step = on_step or _no_step
    recovered = recover(store)
    present = counts(store)
    if present.nodes and not force:
        raise BackupError(
            f"the database is not empty ({present.nodes} nodes); restore needs an empty "
            "database, or --force to replace everything in it"
        )
    checked = backup_reader.check_file(path)
    apply_schema(store, discover_scripts(CYPHER_DIR))
    store.write(repo.begin_restore)
    try:
        _stage(store, path, checked, batch_size)
    except BaseException:
        _discard(store)
        raise
    step("staged")
    total = present.nodes + present.relationships + checked.nodes + checked.relationships
    if not (total <= swap_in_one_transaction and _swapped_at_once(store)):
        store.write(repo.set_restore_phase, "swapping")
        _swap_in_batches(store, step)
    full.recompute_all(store)  # a backup made before derived values were stored has none
    restored = BackupCounts(checked.nodes, checked.relationships)
    return RestoreResult(restored, recovered, checked.sha256 is not None)


def _no_step(_name: str) -> None:
    pass


def recover(store: Store) -> str | None:
    """Clean up after an interrupted restore; what was found, or None if nothing."""
    phase = store.read(repo.restore_phase)
    if phase is None:
        return None
    if phase in ("swapping", "promoting"):
        _swap_in_batches(store, promoting=phase == "promoting")
        return "finished the swap of an interrupted restore"
    _discard(store)
    return "discarded the staged data of an interrupted restore"


def _stage(store: Store, path: Path, checked: backup_reader.CheckedBackup, batch: int) -> None:
    repo.create_staging_index(store)
    store.read_bulk(repo.await_staging_index)
    for rows in backup_reader.rows(path, "node", batch):
        store.write(repo.stage_nodes, rows)
    staged = 0
    for rows in backup_reader.rows(path, "relationship", batch):
        created = store.write(repo.stage_relationships, rows)
        if created != len(rows):  # cannot happen to a checked file, unless it changed since
            raise BackupError("the backup has relationships whose nodes it does not contain")
        staged += created
    if staged != checked.relationships:
        raise BackupError("the backup changed while it was restored (counts differ)")


def _swapped_at_once(store: Store) -> bool:
    """Swap in one transaction; False (nothing changed) if it is past Neo4j's memory limit
    for one transaction. Any other failure discards the staged data and is raised."""
    try:
        store.write(repo.swap_in_one_transaction)
    except QueryTooLarge:
        return False
    except BaseException:
        _discard(store)
        raise
    repo.drop_staging_index(store)
    return True


def _discard(store: Store) -> None:
    """Remove everything a restore staged, and its marker: the old graph is as it was."""
    repo.discard_staged(store)
    repo.drop_staging_index(store)
    store.write(repo.end_restore)


def _swap_in_batches(
    store: Store, step: Callable[[str], None] | None = None, *, promoting: bool = False
) -> None:
    """Delete the old graph, then promote the staged one, batch by batch. Every step can
    run again after an interruption; phase `promoting` marks the old graph gone (a
    promoted node is no longer told from an old one, so deleting must not run again)."""
    if not promoting:
        repo.delete_old_in_batches(store)
        store.write(repo.set_restore_phase, "promoting")
    (step or _no_step)("swapping")
    repo.promote_in_batches(store)
    repo.drop_staging_index(store)
    store.write(repo.end_restore)
