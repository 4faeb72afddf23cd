"""`kb draft TEXT_FILE`: a `kb-annotation/1` draft of a raw text, for the analyst to review."""

from __future__ import annotations

import os
from pathlib import Path

import click

from kb.cli.common import connected
from kb.drafting import draft_annotation, load_known, to_yaml
from kb.drafting.known import KnownGraph
from kb.errors import KbError


class DraftFileError(KbError):
    """The text file cannot be read as UTF-8 text, or the draft cannot be written."""


@click.command("draft")
@click.argument("text_file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--source-id", required=True, help="The new source's id (a slug: a-z, 0-9, -).")
@click.option("--title", help="The source's title (default: 'Draft: <source id>').")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the draft here (default: standard output).",
)
@click.option(
    "--offline",
    is_flag=True,
    help="Draft without the database: no known actors, topics or claims to match.",
)
def draft_command(
    text_file: Path, source_id: str, title: str | None, out: Path | None, offline: bool
) -> None:
    """Propose the claims, attributions, links, actors and matches of TEXT_FILE.

    Every proposed item is marked `draft: true`; `kb import` refuses the file
    until each is reviewed (docs/annotation.md, "The analyst's loop").
    """
    text = _read(text_file)
    if offline:
        known = KnownGraph()
    else:
        with connected() as store:
            known = load_known(store)
    document = draft_annotation(text, source_id, title=title, known=known)
    rendered = to_yaml(document)
    if out is None:
        click.echo(rendered, nl=False)
        return
    _write(out, rendered)
    claims = len(document["claims"])
    links = len(document["links"]) + len(document["causal_links"])
    click.echo(f"kb draft: {out}: {claims} claims, {links} links proposed (all `draft: true`)")


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DraftFileError(
            f"{path} is not UTF-8 text (byte {exc.start}: {exc.object[exc.start]:#04x})"
        ) from exc
    except OSError as exc:
        raise DraftFileError(f"cannot read {path}: {exc.strerror}") from exc


def _write(path: Path, text: str) -> None:
    """Beside the target first, renamed into place only when whole."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_text(text, "utf-8")
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DraftFileError(f"cannot write {path}: {exc.strerror}") from exc
