"""`kb import FILE`: an annotation file in, a checked seed script out (docs/annotation.md)."""

from __future__ import annotations

from pathlib import Path

import click

from kb.annotation.document import AnnotationSyntaxError, load
from kb.annotation.drafts import draft_problems
from kb.cli.common import connected, cypher_dir_option
from kb.cli.progress import Task
from kb.services.annotation import AnnotationError, apply_import, plan_import


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "--dry-run",
    "mode",
    flag_value="dry-run",
    default=True,
    help="Check and report only; write nothing (the default).",
)
@click.option(
    "--apply", "mode", flag_value="apply", help="Write the script under cypher/seed/ and apply it."
)
@click.option(
    "--accept-drafts",
    is_flag=True,
    help="Import items still marked `draft: true` (by `kb draft`) as they stand.",
)
@cypher_dir_option("Folder holding schema/ and seed/ (the script is written to its seed/).")
def import_command(file: Path, mode: str, accept_drafts: bool, cypher_dir: Path) -> None:
    """Compile FILE, show what it creates, reuses or changes, and (with --apply) apply it.

    Every problem is printed as `file:line: rule: message` and nothing is
    written. For each new claim that looks like an existing one, the `ref:`
    line that would reuse it is proposed. A file from `kb draft` is refused
    while any item is still marked `draft: true`, unless --accept-drafts.
    """
    if not accept_drafts:
        _refuse_drafts(file)
    with connected() as store:
        try:
            plan = plan_import(store, file, cypher_dir)
        except AnnotationError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            raise
        verb = "reuses" if plan.reuses_script else "writes"
        click.echo(f"kb import: {file} -> {plan.script_name} ({verb} this script)")
        for line in plan.diff.lines():
            click.echo(line)
        if plan.revision is not None:
            for line in plan.revision.lines():
                click.echo(line)
        elif plan.already_applied is not None:
            click.echo(f"revision {plan.already_applied}: this file, already applied")
        if plan.matches:
            click.echo("possible matches for new claims (reuse one with the `ref:` line):")
        for match in plan.matches:
            click.echo(
                f"  {match.new_id} ~ {match.claim_id} (score {match.score:.2f}): {match.text}"
            )
            click.echo(f"    - ref: {match.claim_id}")
        if mode == "dry-run":
            click.echo("dry run: nothing written (use --apply to write and apply the script)")
            return
        with Task(f"applying {plan.script_name}"):
            results = apply_import(store, plan, cypher_dir)
    for result in results:
        if result.action != "skipped":
            click.echo(
                f"{result.action} {result.name} ({result.statements} statements) "
                f"in {result.seconds:.2f}s"
            )


def _refuse_drafts(file: Path) -> None:
    """One line per item still marked `draft: true`, then the refusal; nothing is read from
    the database or written. Files that do not parse are left to the import's own report."""
    try:
        document = load(file)
    except AnnotationSyntaxError:
        return
    problems = draft_problems(document)
    if not problems:
        return
    for problem in problems:
        click.echo(str(problem), err=True)
    raise AnnotationError(problems)
