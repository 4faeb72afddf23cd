"""The `kb` command line: local server, seeding, stats, ad-hoc queries, API server.

Every failure a user can cause ends as one line on stderr and a non-zero
exit, never a traceback: `main` maps the `KbError` family to that.
"""

from __future__ import annotations

import logging
import sys

import click

from kb.cli.annotation import import_command
from kb.cli.backup import backup, restore_command
from kb.cli.bench import bench
from kb.cli.bulk import bulk_load
from kb.cli.claims import claims
from kb.cli.data import query, seed, stats
from kb.cli.draft import draft_command
from kb.cli.export import export
from kb.cli.keys import keys
from kb.cli.lint import lint
from kb.cli.localdb import db
from kb.cli.recompute import recompute
from kb.cli.serve import serve
from kb.errors import KbError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Claim-tracking knowledge base: what sources assert, and what rests on what.

    Connection settings come from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
    NEO4J_DATABASE (defaults: the local server that `kb db start` runs).
    """


cli.add_command(db)
cli.add_command(seed)
cli.add_command(stats)
cli.add_command(query)
cli.add_command(serve)
cli.add_command(keys)
cli.add_command(lint)
cli.add_command(export)
cli.add_command(backup)
cli.add_command(restore_command)
cli.add_command(import_command)
cli.add_command(claims)
cli.add_command(bulk_load)
cli.add_command(recompute)
cli.add_command(bench)
cli.add_command(draft_command)


def main() -> None:
    """Entry point of the `kb` script."""
    # The driver logs each retry as a warning; the CLI reports the outcome in one line.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    try:
        cli.main(prog_name="kb")
    except KbError as exc:
        click.secho(f"kb: error: {exc}", err=True, fg="red")
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("kb: interrupted", err=True)
        sys.exit(130)
