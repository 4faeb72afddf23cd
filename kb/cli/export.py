"""`kb export FORMAT [--source ID] [--out FILE]`: the graph in the formats the field reads."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kb.cli.common import connected
from kb.errors import InvalidRequest
from kb.export.formats import FORMATS, in_words
from kb.export.loss import as_text
from kb.services import export as export_service

# The help lists the registered formats (click rewraps each paragraph).
_HELP = (
    f"Export the claim graph as FORMAT: {in_words()}.\n\n"
    + "; ".join(f"{f.name}: {f.describes}" for f in FORMATS.values())
    + ".\nWhat the format cannot carry is reported on stderr."
)
_FOLDERS = ", ".join(f.name for f in FORMATS.values() if f.to_folder)


@click.command(help=_HELP)
@click.argument("format_name", metavar="FORMAT")
@click.option("--source", "source_id", help="Only what this source asserts (a source id).")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help=f"File to write (default: stdout); for {_FOLDERS}, the folder to write the files into.",
)
def export(format_name: str, source_id: str | None, out: Path | None) -> None:
    chosen = FORMATS.get(format_name)
    with connected() as store:
        if chosen is not None and chosen.to_folder:
            if out is None:
                raise InvalidRequest(
                    f"{chosen.name} writes several files: give a folder with --out"
                )
            losses, names = export_service.write_csv(store, source_id, out)
            click.echo(f"wrote {len(names)} files to {out} (load: sh {out / names[-1]})")
        else:
            prepared = export_service.export(store, format_name, source_id)
            losses = prepared.losses
            if out is None:
                for chunk in prepared.body:
                    sys.stdout.buffer.write(chunk)
                sys.stdout.buffer.flush()
            else:
                with out.open("wb") as target:
                    target.writelines(prepared.body)
    click.echo(as_text(losses, format_name), err=True)
