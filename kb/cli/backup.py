"""`kb backup` / `kb restore`: the whole graph to a JSON Lines file and back.

Files are written atomically (a partial backup never replaces a good one);
`-` means stdout or stdin (spooled to a temporary file: a restore reads the
whole file before it writes, and a backup may start over). Progress and
results go to stderr, so a backup piped to stdout stays clean.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast

import click

from kb import localdb
from kb.cli.common import connected
from kb.cli.progress import CountingWriter, Task
from kb.config import Settings
from kb.errors import InvalidRequest
from kb.services.backup import content_hash, dump
from kb.services.restore import restore


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--hash", "show_hash", is_flag=True, help="Print the graph's content hash instead of a backup."
)
@click.option(
    "--offline",
    is_flag=True,
    help="neo4j-admin dump of the stopped local server (any size; FILE is a .dump, not JSON).",
)
def backup(file: str | None, show_hash: bool, offline: bool) -> None:
    """Write every node and relationship (analysts' work and history too) to FILE.

    The format is versioned JSON Lines, lossless for every property type, with
    the SHA-256 of its content in its last line; the same graph in the same
    store gives the same bytes. The backup is one consistent cut of the graph
    even under writes: it locks what it reads, so writes wait (the API answers
    them 503) while it streams, and it fails rather than write a mixed file.
    --offline dumps the stopped local server with neo4j-admin instead (any
    size, no locks; `kb restore --offline` loads it). `kb backup --hash` prints
    a fingerprint of the content (independent of internal ids) to compare two
    databases, e.g. before and after a restore.
    """
    if offline:
        if not file or file == "-":
            raise InvalidRequest("kb backup --offline needs a FILE to write the dump to")
        local = Settings.from_env().local
        localdb.admin_dump(local, Path(file), local.home / "logs" / "dump.log")
        click.echo(f"dumped the stopped local server to {file}", err=True)
        return
    with connected() as store:
        if show_hash:
            fingerprint = content_hash(store)
            click.echo(
                f"{fingerprint.digest} nodes={fingerprint.nodes} "
                f"relationships={fingerprint.relationships}"
            )
            return
        if not file:
            raise InvalidRequest("kb backup needs a FILE (or - for stdout), or --hash")
        if file == "-":
            with (
                tempfile.TemporaryFile("w+", encoding="utf-8") as spool,
                Task("backing up", unit="records") as task,
            ):
                written = dump(store, cast(IO[str], CountingWriter(spool, task)))
                spool.seek(0)
                shutil.copyfileobj(spool, sys.stdout)
        else:
            with (
                _atomic_text(Path(file)) as out,
                Task("backing up", unit="records") as task,
            ):
                written = dump(store, cast(IO[str], CountingWriter(out, task)))
    click.echo(
        f"backed up {written.nodes} nodes and {written.relationships} relationships", err=True
    )


@contextmanager
def _atomic_text(path: Path) -> Iterator[IO[str]]:
    """A file at `path` only if the block succeeds: written beside it, then renamed.

    (click's `atomic=True` renames even when the block raised, which would leave a
    failed backup's partial file in place of a good one.)
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@click.command(name="restore")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--force", is_flag=True, help="Replace everything in the database.")
@click.option(
    "--offline", is_flag=True, help="Load a `kb backup --offline` dump into the stopped server."
)
def restore_command(file: str, force: bool, offline: bool) -> None:
    """Load a backup FILE (- for stdin) into the database.

    The whole file is checked first (format, every line, counts, relationship
    ends, its SHA-256): a damaged, truncated or edited file is refused before
    anything is written. The backup is staged beside the live graph and then
    swapped in, so a failure leaves the database as it was, and a restore that
    was interrupted is finished by running it again. Refuses when the database
    holds any node, unless --force, which REPLACES EVERY NODE AND RELATIONSHIP
    (the schema stays). Prints the restored counts and the content hash.
    """
    if offline:
        if not force:
            raise InvalidRequest("kb restore --offline replaces the whole store: add --force")
        local = Settings.from_env().local
        localdb.admin_load(local, Path(file), local.home / "logs" / "load.log")
        click.echo(f"loaded {file} into the stopped local server; start it with kb db start")
        return
    if file == "-":
        with tempfile.NamedTemporaryFile("wb", suffix=".jsonl") as spool:
            shutil.copyfileobj(sys.stdin.buffer, spool)
            spool.flush()
            _restore(Path(spool.name), force)
        return
    _restore(Path(file), force)


def _restore(path: Path, force: bool) -> None:
    with connected() as store:
        with Task("restoring (check, stage, swap)"):
            result = restore(store, path, force=force)
        fingerprint = content_hash(store)
    if result.recovered:
        click.echo(f"note: {result.recovered}", err=True)
    if not result.hashed:
        click.echo(
            "warning: a version 1 backup carries no content hash: its structure was "
            "checked, its content could not be",
            err=True,
        )
    click.echo(
        f"restored {result.counts.nodes} nodes and {result.counts.relationships} relationships; "
        f"content {fingerprint.digest}"
    )
