"""`kb lint`: the curation rules over the configured database."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kb.cli.common import connected, cypher_dir_option
from kb.services.lint import lint as lint_database


@click.command()
@cypher_dir_option("Scripts used to name where each offending id comes from.")
def lint(cypher_dir: Path) -> None:
    """Check the argument layer against docs/curation.md's rules.

    Prints one line per violation, `script-or-db: id: rule: message`, and
    exits 1 if there is any. Seed the database first (`kb seed`).
    """
    with connected() as store:
        violations = lint_database(store, cypher_dir)
    for violation in violations:
        click.echo(violation.line())
    if violations:
        click.echo(f"kb lint: {len(violations)} violation(s)", err=True)
        sys.exit(1)
    click.echo("kb lint: no violations", err=True)
