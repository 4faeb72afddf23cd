"""`kb seed`, `kb stats`, `kb query`: the graph's contents from the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from kb.cli.common import connected, console, cypher_dir_option
from kb.derived.full import recompute_all
from kb.errors import InvalidRequest
from kb.research import load_query_file, parse_param
from kb.seeding.loader import Script, apply_scripts, discover_scripts
from kb.services.adhoc import run_read_only
from kb.services.stats import graph_stats


@click.command()
@cypher_dir_option("Folder holding schema/ and seed/.")
@click.option(
    "--allow-changed",
    is_flag=True,
    help="Re-apply scripts changed since applied (needs --reason; the change is recorded).",
)
@click.option("--reason", help="Why an applied script changed (kept in the seed history).")
@click.option("--reapply", is_flag=True, help="Apply every script again (they are idempotent).")
def seed(cypher_dir: Path, allow_changed: bool, reason: str | None, reapply: bool) -> None:
    """Apply the Cypher scripts (schema first, then data) that are not applied yet.

    A script that changed after it was applied is refused: add a new version
    instead, or pass --allow-changed --reason "..." to apply it again and keep
    its old and new checksum, when and why in the history.
    """
    if allow_changed and not (reason and reason.strip()):
        raise InvalidRequest("--allow-changed needs --reason: say why the applied script changed")
    scripts = discover_scripts(cypher_dir)
    total = sum(len(script.statements) for script in scripts)
    with (
        connected() as store,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("seeding", total=total)

        def advance(script: Script, _index: int) -> None:
            progress.update(task, advance=1, description=script.name)

        results = apply_scripts(
            store,
            scripts,
            recompute=recompute_all,
            change_reason=reason.strip() if allow_changed and reason else None,
            reapply_all=reapply,
            on_statement=advance,
        )
    for result in results:
        timing = f" in {result.seconds:.2f}s" if result.action != "skipped" else ""
        click.echo(f"{result.action:>9}  {result.name} ({result.statements} statements){timing}")


@click.command()
def stats() -> None:
    """Count nodes by label, relationships by type, claims by type, and slots."""
    with connected() as store:
        counts = graph_stats(store)
    console.print(_table("Nodes", ["label", "count"], sorted(counts.nodes.items())))
    console.print(_table("Relationships", ["type", "count"], sorted(counts.relationships.items())))
    claim_rows = [(r["type"], r["count"], r["checkable"]) for r in counts.claims_by_type]
    console.print(_table("Claims by type", ["type", "count", "checkable"], claim_rows))
    slot_rows = [(r["kind"], r["status"], r["count"]) for r in counts.slots]
    console.print(_table("Evidence slots", ["kind", "status", "count"], slot_rows))


@click.command()
@click.argument("statement", required=False)
@click.option(
    "--file",
    "query_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Run the query in this file (e.g. cypher/browser/01_dependents.cypher) instead.",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A $parameter (repeatable); whole numbers are passed as integers. "
    "Overrides the file's `// param` defaults.",
)
@click.option("--limit", default=1000, show_default=True, help="Rows to print at most.")
def query(
    statement: str | None, query_file: Path | None, params: tuple[str, ...], limit: int
) -> None:
    """Run a read-only Cypher STATEMENT (or --file) and print the result as a table."""
    values: dict[str, str | int] = {}
    if query_file is not None and statement is None:
        loaded = load_query_file(query_file)
        cypher, values = loaded.statement, dict(loaded.params)
    elif statement is not None and query_file is None:
        cypher = statement
    else:
        raise click.UsageError("give either a STATEMENT or --file PATH")
    values.update(parse_param(text) for text in params)
    with connected() as store:
        columns, rows = run_read_only(store, cypher, limit, values)
    console.print(_table(None, columns, rows))
    click.echo(f"{len(rows)} row(s)")


def _table(title: str | None, columns: list[str], rows: Sequence[Sequence[object]]) -> Table:
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(value) for value in row))
    return table
