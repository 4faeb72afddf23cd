"""`kb recompute`: derive every status and standing again, and write or report drift."""

from __future__ import annotations

import sys

import click

from kb.cli.common import connected
from kb.cli.progress import Task
from kb.derived.full import drift, recompute_all


@click.command()
@click.option(
    "--check",
    is_flag=True,
    help="Report each stored value that differs from a full recomputation (one line "
    "each) and exit 1 if any does; write nothing.",
)
def recompute(check: bool) -> None:
    """Recompute evidence status and standing of every claim and causal link from scratch.

    The API keeps these values current write by write; this is the full
    recomputation they are tested against, for after a bulk load or to show
    that nothing drifted. Without --check it writes every value that differs.
    """
    with connected() as store:
        if check:
            drifted = 0
            with Task("comparing with a full recomputation", unit="drifted") as task:
                for item in task.track(drift(store)):
                    click.echo(item.line())
                    drifted += 1
            click.echo(f"{drifted} drifted value(s)", err=True)
            if drifted:
                sys.exit(1)
            return
        with Task("recomputing status and standing"):
            done = recompute_all(store)
    click.echo(
        f"recomputed: {done.values} value(s) differed; wrote {done.claims} claim(s) "
        f"and {done.causal_links} causal link(s)",
        err=True,
    )
