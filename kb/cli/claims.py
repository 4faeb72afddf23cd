"""`kb claims merge|unmerge`: two claims that turned out to be one, and back."""

from __future__ import annotations

import getpass

import click

from kb.cli.common import connected
from kb.services import merges as merge_service


def _default_by() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "cli"


@click.group()
def claims() -> None:
    """Curate claims across sources: merge duplicates, undo a merge."""


@claims.command()
@click.argument("survivor")
@click.argument("merged")
@click.option("--reason", required=True, help="Why the two are one claim (kept in history).")
@click.option("--by", default=_default_by, show_default="login name", help="Who merges.")
def merge(survivor: str, merged: str, reason: str, by: str) -> None:
    """Merge claim MERGED into claim SURVIVOR; MERGED stays as a tombstone."""
    with connected() as store:
        outcome = merge_service.merge(store, survivor, merged, reason, by)
    click.echo(
        f"{outcome.merge_id}: merged {merged} into {survivor} "
        f"({outcome.moved} relationships moved, {outcome.dropped} duplicates dropped)"
    )


@claims.command()
@click.argument("merged")
@click.option("--reason", required=True, help="Why the merge is undone (kept in history).")
@click.option("--by", default=_default_by, show_default="login name", help="Who unmerges.")
def unmerge(merged: str, reason: str, by: str) -> None:
    """Undo the merge of claim MERGED: everything it brought goes back to it."""
    with connected() as store:
        outcome = merge_service.unmerge(store, merged, reason, by)
    click.echo(
        f"{outcome.merge_id}: unmerged {merged} from {outcome.survivor_id} "
        f"({outcome.moved} relationships moved back, {outcome.dropped} re-created)"
    )
