"""`kb db start|stop|status`: the project's own local Neo4j server."""

from __future__ import annotations

from dataclasses import replace

import click

from kb import localdb
from kb.config import DEFAULT_PASSWORD, LocalServerConfig, Settings
from kb.services import warmup


@click.group()
def db() -> None:
    """Run the local Neo4j server (data in .local/neo4j, see KB_LOCAL_* variables)."""


def _print_status(status: localdb.ServerStatus, config: LocalServerConfig) -> None:
    state = f"running (pid {status.pid})" if status.running else "stopped"
    click.echo(f"Neo4j {status.version}: {state}")
    click.echo(f"  bolt: {status.bolt_uri}")
    click.echo(f"  http: {status.http_url}")
    click.echo(f"  data: {status.data_dir}")
    click.echo(f"  log:  {status.log_file}")
    if status.memory:
        click.echo(f"  memory: {status.memory}")
    if status.running:
        urls = localdb.browser_urls(config)
        # Only the well-known local default is printed; a password the user chose stays unsaid.
        secret = DEFAULT_PASSWORD if config.password == DEFAULT_PASSWORD else "your NEO4J_PASSWORD"
        click.echo(f"  Neo4j Browser: {urls['browser']}")
        click.echo(f"    log in as user neo4j, password {secret} (connect URL {status.bolt_uri});")
        click.echo(
            "    our style and research guide load on login (or type :play " + urls["guide"] + ")"
        )


@db.command()
@click.option("--timeout", default=180.0, show_default=True, help="Seconds to wait for Bolt.")
@click.option("--heap", help="JVM heap, e.g. 2g (default: KB_NEO4J_HEAP, else derived).")
@click.option(
    "--pagecache", help="Page cache, e.g. 1g (default: KB_NEO4J_PAGECACHE, else derived)."
)
@click.option(
    "--tx-memory", help="Memory of all transactions, e.g. 512m (KB_NEO4J_TX_MEMORY, else derived)."
)
@click.option(
    "--warm/--no-warm",
    default=True,
    show_default=True,
    help="Read the whole store once after starting, so first requests hit memory, and plan "
    "a small import (never applied), so the first `kb import` finds its plans made.",
)
def start(
    timeout: float, heap: str | None, pagecache: str | None, tx_memory: str | None, warm: bool
) -> None:
    """Build the launcher if needed and start Neo4j; waits until it accepts queries.

    Memory left unset is derived from the machine's RAM and the store's size (docs/scaling.md).
    A server this command starts then has its page cache and its query plans for
    `kb import` warmed (--no-warm skips both).
    """
    settings = Settings.from_env()
    local = replace(
        settings.local, memory=settings.local.memory.overridden(heap, pagecache, tx_memory)
    )
    was_running = localdb.status(local).running
    click.echo("Starting the local Neo4j (the first start downloads it from Maven Central)...")
    _print_status(localdb.start(local, timeout=timeout), local)
    if warm and not was_running:
        click.echo("Warming the page cache and the import's query plans...")
        warmed = warmup.warm_store(replace(settings, local=local))
        click.echo(f"  read {warmed.records:,} records in {warmed.seconds:.1f} s")
        rehearsal = warmed.rehearsal_seconds
        click.echo(f"  planned a rehearsal import (not applied) in {rehearsal:.1f} s")


@db.command()
def stop() -> None:
    """Stop the local Neo4j server."""
    stopped = localdb.stop(Settings.from_env().local)
    click.echo("Neo4j stopped." if stopped else "Neo4j was not running.")


@db.command()
def status() -> None:
    """Say whether the local Neo4j server runs, and where."""
    config = Settings.from_env().local
    _print_status(localdb.status(config), config)
