"""The export formats, one record each: everything that lists or serves them reads this.

The service (`kb.services.export`) picks a format's body by its record, the CLI's
help and the API's OpenAPI document list the records, and nothing outside
`kb/export/` spells a format's name. Adding a format is one module here (rows to
text, plus its loss report) and one record below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name in URLs and on the command line, and how it travels."""

    name: str
    media_type: str
    suffix: str  # of the download's file name, after `claim-kb-<source or all>`
    describes: str  # what the file is, and which tools read it (CLI help)
    loses: str  # what it cannot carry, in short (each export reports the counts)
    streams: Literal["text", "zip"]  # text chunks page by page, or files zipped as written
    download_note: str = ""  # said after its name where the API lists the formats
    to_folder: bool = False  # the CLI writes a folder of files (`--out` required)


AIF = ExportFormat(
    name="aif",
    media_type="application/json",
    suffix=".aif.json",
    describes="AIF JSON (AIFdb, OVA, arguebuf)",
    loses="claim types, causal mechanisms, offsets, topics, slots, evidence",
    streams="text",
)
CLAIMREVIEW = ExportFormat(
    name="claimreview",
    media_type="application/ld+json",
    suffix=".claimreview.jsonld",
    describes="schema.org ClaimReview JSON-LD of the claims evidence has settled",
    loses="unsettled claims, causal links, argument structure, evidence detail",
    streams="text",
)
GRAPHML = ExportFormat(
    name="graphml",
    media_type="application/graphml+xml",
    suffix=".graphml",
    describes="every node and edge (Gephi, yEd, networkx)",
    loses="list and date types (kept as JSON strings)",
    streams="text",
)
CSV = ExportFormat(
    name="csv",
    media_type="application/zip",
    suffix="-neo4j-csv.zip",
    describes="neo4j-admin import files in the --out folder",
    loses="nothing the import reads back, apart from value types CSV cannot declare",
    streams="zip",
    download_note=" (a zip of neo4j-admin files)",
    to_folder=True,
)

FORMATS: dict[str, ExportFormat] = {f.name: f for f in (AIF, CLAIMREVIEW, GRAPHML, CSV)}


def in_words(with_notes: bool = False) -> str:
    """`aif, claimreview, graphml or csv`, for help texts (with the API's notes if asked)."""
    names = [f.name + (f.download_note if with_notes else "") for f in FORMATS.values()]
    return ", ".join(names[:-1]) + " or " + names[-1]
