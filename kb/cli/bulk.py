"""`kb bulk-load DIR`: a first load through neo4j-admin import, increments through UNWIND."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from kb.bulkcsv import ImportFile, count_rows
from kb.cli.progress import interactive, progress_bar
from kb.config import Settings
from kb.db import Store
from kb.services import bulk as bulk_service

console = Console(stderr=True)
BULK_READ_TIMEOUT = 300.0


@click.command("bulk-load")
@click.argument("directory", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option(
    "--mode",
    type=click.Choice(["auto", "import", "unwind"]),
    default="auto",
    show_default=True,
    help="import: neo4j-admin into an EMPTY database (refused otherwise); unwind: batched "
    "MERGE (increments, remote databases); auto: import if empty, else unwind.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=bulk_service.DEFAULT_BATCH,
    show_default=True,
    help="Rows per UNWIND transaction.",
)
def bulk_load(directory: Path, mode: bulk_service.Mode, batch_size: int) -> None:
    """Load CSV files in neo4j-admin's layout (node-<Label>.csv, rel-<TYPE>-<A>-<B>.csv).

    Such files come from `kb export neo4j-csv` or `python -m bench.graphgen`. After the
    load the schema is applied, indexes are online and derived values are current.
    """
    # A freshly imported store is cold: its first reads may take longer than an API read.
    settings = Settings.from_env()
    store = Store.connect(replace(settings, read_timeout_seconds=BULK_READ_TIMEOUT))
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    try:
        with progress_bar(console, *columns) as progress:
            tasks: dict[str, TaskID] = {}
            phase = progress.add_task("checking the database", total=None)

            def on_phase(name: str) -> None:
                progress.update(phase, description=_PHASES.get(name, name))
                if not interactive(console):  # piped or CI: one line per phase
                    console.print(f"bulk-load: {_PHASES.get(name, name)}", highlight=False)

            def on_rows(import_file: ImportFile, rows: int) -> None:
                if import_file.key not in tasks:
                    tasks[import_file.key] = progress.add_task(
                        import_file.path.name, total=count_rows(import_file)
                    )
                progress.advance(tasks[import_file.key], rows)

            report = bulk_service.load(
                settings, store, directory, mode, batch_size, on_rows, on_phase
            )
            progress.update(phase, description="done", total=1, completed=1)
    finally:
        store.close()
    click.echo(
        f"{report.mode}: {report.nodes:,} nodes and {report.relationships:,} relationships "
        f"in {report.seconds:.1f} s ({report.rows_per_second:,.0f} rows/s while loading; "
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.phases.items())
        + ")"
    )


_PHASES = {
    "stop": "stopping the local Neo4j",
    "import": "neo4j-admin import (see .local/neo4j/logs/import.log)",
    "start": "starting the local Neo4j",
    "unwind": "merging batches",
    "schema": "applying the schema",
    "indexes": "waiting for indexes to come online",
    "derived": "bringing derived status and standing current",
    "resize": "restarting the local Neo4j sized for the store with its indexes",
    "warm": "warming the page cache (reading the store once)",
    "rehearse": "planning the import's statements (a rehearsal import, not applied)",
}
