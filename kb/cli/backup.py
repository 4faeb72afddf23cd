"""`kb backup` / `kb restore`: the whole graph to a JSON Lines file and back.

Files are written atomically (a partial backup never replaces a good one);
`-` means stdout or stdin. Progress and results go to stderr, so a backup
piped to stdout stays clean.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, cast

import click

from kb.cli.common import connected
from kb.cli.progress import CountingReader, CountingWriter, Task
from kb.errors import InvalidRequest
from kb.services.backup import content_hash, dump, restore


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--hash", "show_hash", is_flag=True, help="Print the graph's content hash instead of a backup."
)
def backup(file: str | None, show_hash: bool) -> None:
    """Write every node and relationship (analysts' work and history too) to FILE.

    The format is versioned JSON Lines, lossless for every property type; the
    same graph always gives the same bytes. Pause writes while it runs.
    `kb backup --hash` prints a fingerprint of the content (independent of
    internal ids) to compare two databases, e.g. before and after a restore.
    """
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
        with (
            click.open_file(file, "w", encoding="utf-8", atomic=file != "-") as out,
            Task("backing up", unit="records") as task,
        ):
            written = dump(store, cast(IO[str], CountingWriter(out, task)))
    click.echo(
        f"backed up {written.nodes} nodes and {written.relationships} relationships", err=True
    )


@click.command(name="restore")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--force", is_flag=True, help="Delete everything in the database first.")
def restore_command(file: str, force: bool) -> None:
    """Load a backup FILE (- for stdin) into an empty database.

    Refuses when the database holds any node, unless --force, which DELETES
    EVERY NODE AND RELATIONSHIP first (the schema stays). Prints the restored
    counts and the content hash, to compare with `kb backup --hash` of the
    original.
    """
    with connected() as store:
        size = Path(file).stat().st_size if file != "-" else None
        with (
            click.open_file(file, "r", encoding="utf-8") as source,
            Task("restoring", total=size, unit="bytes") as task,
        ):
            restored = restore(store, cast(IO[str], CountingReader(source, task)), force=force)
        fingerprint = content_hash(store)
    click.echo(
        f"restored {restored.nodes} nodes and {restored.relationships} relationships; "
        f"content {fingerprint.digest}"
    )
