"""`kb export FORMAT [--source ID] [--out FILE]`: the graph in the formats the field reads."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kb.cli.common import connected
from kb.cli.progress import Task
from kb.errors import InvalidRequest
from kb.export.formats import FORMATS, in_words
from kb.export.loss import as_text
from kb.export.publisher import Publisher
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
@click.option("--publisher-name", help="ClaimReview: the publisher (KB_PUBLISHER_NAME).")
@click.option("--publisher-url", help="ClaimReview: its home page (KB_PUBLISHER_URL).")
@click.option("--publisher-logo", help="ClaimReview: its logo's URL (KB_PUBLISHER_LOGO).")
@click.option(
    "--public-base-url",
    help="ClaimReview: the explorer's public address; a review's page is BASE/#claim=ID"
    " (KB_PUBLIC_BASE_URL).",
)
def export(
    format_name: str,
    source_id: str | None,
    out: Path | None,
    publisher_name: str | None,
    publisher_url: str | None,
    publisher_logo: str | None,
    public_base_url: str | None,
) -> None:
    chosen = FORMATS.get(format_name)
    publisher = Publisher.from_env().overridden(
        name=publisher_name, url=publisher_url, logo=publisher_logo, public_base_url=public_base_url
    )
    with connected() as store:
        if chosen is not None and chosen.to_folder:
            if out is None:
                raise InvalidRequest(
                    f"{chosen.name} writes several files: give a folder with --out"
                )
            with Task(f"exporting {chosen.name}"):
                losses, names = export_service.write_csv(store, source_id, out)
            click.echo(f"wrote {len(names)} files to {out} (load: sh {out / names[-1]})")
        else:
            prepared = export_service.export(store, format_name, source_id, publisher)
            losses = prepared.losses
            with Task(f"exporting {format_name}", unit="bytes") as task:
                body = task.track(prepared.body, size=len)
                if out is None:
                    for chunk in body:
                        sys.stdout.buffer.write(chunk)
                    sys.stdout.buffer.flush()
                else:
                    with out.open("wb") as target:
                        target.writelines(body)
    click.echo(as_text(losses, format_name), err=True)
