"""`kb export FORMAT [--source ID] [--out FILE]`: the graph in the formats the field reads."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kb.cli.data import connected
from kb.errors import InvalidRequest
from kb.export.loss import as_text
from kb.services import export as export_service


@click.command()
@click.argument("format_name", metavar="FORMAT")
@click.option("--source", "source_id", help="Only what this source asserts (a source id).")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="File to write (default: stdout); for csv, the folder to write the files into.",
)
def export(format_name: str, source_id: str | None, out: Path | None) -> None:
    """Export the claim graph as FORMAT: aif, claimreview, graphml or csv.

    aif: AIF JSON (AIFdb, OVA, arguebuf); claimreview: schema.org ClaimReview
    JSON-LD of the claims evidence has settled; graphml: every node and edge
    (Gephi, yEd, networkx); csv: neo4j-admin import files in the --out folder.
    What the format cannot carry is reported on stderr.
    """
    with connected() as store:
        if format_name == "csv":
            if out is None:
                raise InvalidRequest("csv writes several files: give a folder with --out")
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
