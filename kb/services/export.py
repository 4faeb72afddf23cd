"""Exports: the claim graph in AIF, ClaimReview, GraphML or neo4j-admin CSV.

The service checks the request (format, source), works out the loss report
from counts before the first byte (the API sends it as a header), then
streams the body page by page: each page is its own short read transaction
and each format module turns rows into text, so memory stays bounded on a
graph of any size. A graph changing during an export may show the change in
later pages only; export from a quiet database for a snapshot.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kb.db import Store
from kb.derived.oracle import evidence_statuses
from kb.derived.rules import evidence_status
from kb.errors import NotFound
from kb.export import aif, claimreview, graphml, neo4j_csv
from kb.export.formats import AIF, CLAIMREVIEW, CSV, FORMATS, GRAPHML, ExportFormat
from kb.export.loss import Loss
from kb.export.properties import KeyTypes, key_types
from kb.export.publisher import Publisher
from kb.models import ClaimType
from kb.repositories import export as repo
from kb.schema import ARGUMENTS, RelKind
from kb.services.read_ahead import PagedRead, ReadAhead, Rows

PAGE_SIZE = 2000  # anchors per read: few round trips, still a bounded page
IMPORT_SCRIPT = "neo4j-admin-import.sh"


@dataclass(frozen=True)
class Export:
    """A checked export: its loss report now, its body (bytes) when iterated."""

    format: str
    source_id: str | None
    losses: list[Loss]
    media_type: str
    filename: str
    body: Iterator[bytes]


def check(store: Store, format_name: str, source_id: str | None) -> ExportFormat:
    """The format named `format_name`; raise `NotFound` for an unknown format or source."""
    if format_name not in FORMATS:
        raise NotFound("export format", format_name)
    if source_id is not None and not store.read_bulk(repo.source_exists, source_id):
        raise NotFound("source", source_id)
    return FORMATS[format_name]


def export(
    store: Store,
    format_name: str,
    source_id: str | None = None,
    publisher: Publisher | None = None,
) -> Export:
    """Prepare an export of everything, or of what `source_id` asserts (CSV: a zip);
    `publisher` (ClaimReview; default: from the environment) authors the reviews."""
    chosen = check(store, format_name, source_id)
    # GraphML's loss report needs the property types only: one read fewer before its body.
    rows = store.read_bulk(repo.counts, source_id) if chosen is not GRAPHML else []
    counts = count_map(rows)
    losses, body = _BODIES[chosen](store, source_id, counts, publisher)
    name = f"claim-kb-{source_id or 'all'}{chosen.suffix}"
    return Export(format_name, source_id, losses, chosen.media_type, name, body)


Body = tuple[list[Loss], Iterator[bytes]]


def _aif(
    store: Store, source_id: str | None, counts: dict[str, int], publisher: Publisher | None
) -> Body:
    return aif.losses(counts), aif.stream(_aif_slices(store, source_id))


def _claimreview_body(
    store: Store, source_id: str | None, counts: dict[str, int], publisher: Publisher | None
) -> Body:
    publisher = publisher if publisher is not None else Publisher.from_env()
    losses, reviews = _claimreview(store, source_id, counts, publisher)
    return losses, _encode(claimreview.stream(reviews))


def _graphml_body(
    store: Store, source_id: str | None, counts: dict[str, int], publisher: Publisher | None
) -> Body:
    # The pages are read from now on, while Neo4j works out the property types (the
    # header and the loss report need them first).
    reader = ReadAhead(
        _node_reads(store, repo.NODE_LABELS, source_id)
        + _rel_reads(store, repo.REL_KINDS, source_id),
        PAGE_SIZE,
    )
    types = key_types(store.read_bulk(repo.property_types, source_id))
    return graphml.losses(types), _encode(_graphml(reader, types))


def _csv_body(
    store: Store, source_id: str | None, counts: dict[str, int], publisher: Publisher | None
) -> Body:
    types = key_types(store.read_bulk(repo.property_types, source_id))
    return neo4j_csv.losses(types), _csv_zip(store, source_id, types, counts)


# Each registered format's body: its loss report and its bytes, streamed.
_BODIES: dict[
    ExportFormat, Callable[[Store, str | None, dict[str, int], Publisher | None], Body]
] = {
    AIF: _aif,
    CLAIMREVIEW: _claimreview_body,
    GRAPHML: _graphml_body,
    CSV: _csv_body,
}


def count_map(rows: list[dict[str, Any]]) -> dict[str, int]:
    """`node:Label`, `rel:TYPE:Start:End`, `rel:TYPE` and `role:speaker` -> count (0 if absent)."""
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[f"{row['scope']}:{row['name']}"] += row["total"]
        if row["scope"] == "rel":
            counts[f"rel:{row['name'].split(':')[0]}"] += row["total"]
    return counts


def _encode(chunks: Iterator[str]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8")


def _paged(store: Store, read: Callable[..., Rows], key: str, *args: Any) -> PagedRead:
    """Keyset pages of `read(tx, *args, after, limit)`, each its own read transaction."""

    def page_after(after: str) -> Rows:
        return store.read_bulk(read, *args, after, PAGE_SIZE)

    return PagedRead(page_after, key)


def _node_reads(store: Store, labels: Iterable[str], source_id: str | None) -> list[PagedRead]:
    return [_paged(store, repo.node_page, "id", label, source_id) for label in labels]


def _rel_reads(store: Store, kinds: Iterable[RelKind], source_id: str | None) -> list[PagedRead]:
    return [_paged(store, repo.rel_page, "anchor_id", kind.name, source_id) for kind in kinds]


# --- AIF ---------------------------------------------------------------------------------


def _aif_slices(store: Store, source_id: str | None) -> Iterator[aif.Parts]:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    reads = [
        _paged(store, repo.node_page, "id", "Source", source_id),
        _paged(store, repo.aif_claim_page, "id", source_id),
        *[_paged(store, repo.aif_argument_page, "id", kind.type, source_id) for kind in ARGUMENTS],
        _paged(store, repo.aif_causal_page, "id", source_id),
    ]
    groups = ReadAhead(reads, PAGE_SIZE).per_read()
    names = {row["id"]: aif.source_name(row["props"]) for rows in next(groups) for row in rows}
    speakers: dict[str, str] = {}
    # one slice per page of rows
    for rows in next(groups):
        page = aif.Parts()
        for row in rows:
            page.add(aif.claim_parts(row, names, stamp))
            if row["type"] == ClaimType.reported_speech:
                speakers.update({s["id"]: s["name"] for s in row["speakers"]})
            # a `reports` appearance's speaker has a locution too, so is a participant
            speakers.update(
                {
                    a["speaker"]["id"]: a["speaker"]["name"]
                    for a in row["assertions"]
                    if a["stance"] == "reports" and a["speaker"]
                }
            )
        yield page
    for kind, pages in zip(ARGUMENTS, groups, strict=False):
        for rows in pages:
            page = aif.Parts()
            for row in rows:
                page.add(aif.argument_parts(row, kind, stamp))
            yield page
    for rows in next(groups):
        page = aif.Parts()
        for row in rows:
            page.add(aif.causal_parts(row, stamp))
        yield page
    people = [aif.participant(aif.source_participant(key), name) for key, name in names.items()]
    people += [
        aif.participant(aif.actor_participant(key), name) for key, name in sorted(speakers.items())
    ]
    yield aif.Parts(participants=people)


# --- ClaimReview -------------------------------------------------------------------------


def _claimreview(
    store: Store, source_id: str | None, counts: dict[str, int], publisher: Publisher
) -> tuple[list[Loss], Iterator[dict[str, Any]]]:
    statuses = evidence_statuses(store)
    assessed = sorted(key for key, status in statuses.items() if status != "unverified")
    targets = [
        row
        for chunk in _chunks(assessed)
        for row in store.read_bulk(repo.targets_in_scope, chunk, source_id)
    ]
    claim_ids = [row["id"] for row in targets if row["label"] == "Claim"]

    def reviews() -> Iterator[dict[str, Any]]:
        for chunk in _chunks(claim_ids):
            for row in store.read_bulk(repo.claimreview_claims, chunk, source_id):
                yield claimreview.review(row, statuses[row["id"]], publisher, evidence_status)

    return claimreview.losses(counts, targets, publisher), reviews()


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), PAGE_SIZE):
        yield items[start : start + PAGE_SIZE]


# --- GraphML -----------------------------------------------------------------------------


def _graphml(reader: ReadAhead, types: KeyTypes) -> Iterator[str]:
    node_types = graphml.domain_types(types, "node")
    edge_types = graphml.domain_types(types, "rel")
    yield graphml.header(node_types, edge_types)
    groups = reader.per_read()  # the node reads, then the relationship reads (zip: a part each)
    for label, pages in zip(repo.NODE_LABELS, groups, strict=False):
        for rows in pages:
            yield "".join(graphml.nodes(label, rows, node_types))  # a chunk per page
    number = 0
    for kind, pages in zip(repo.REL_KINDS, groups, strict=False):
        for rows in pages:
            rels = [rel for row in rows for rel in row["rels"]]
            yield "".join(
                graphml.edges((kind.type, kind.start, kind.end), rels, edge_types, number)
            )
            number += len(rels)
    yield graphml.FOOTER


# --- neo4j-admin CSV ---------------------------------------------------------------------


def write_csv(store: Store, source_id: str | None, directory: Path) -> tuple[list[Loss], list[str]]:
    """Write the CSV files (and the import command) into `directory`; returns the loss
    report and the file names written."""
    check(store, CSV.name, source_id)
    counts = count_map(store.read_bulk(repo.counts, source_id))
    types = key_types(store.read_bulk(repo.property_types, source_id))
    return neo4j_csv.losses(types), _write_csv_files(store, source_id, directory, types, counts)


def _write_csv_files(
    store: Store, source_id: str | None, directory: Path, types: KeyTypes, counts: dict[str, int]
) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    labels = [label for label in repo.NODE_LABELS if counts[f"node:{label}"]]
    kinds = [kind for kind in repo.REL_KINDS if counts[f"rel:{kind.name}"]]
    reader = ReadAhead(
        _node_reads(store, labels, source_id) + _rel_reads(store, kinds, source_id), PAGE_SIZE
    )
    groups = reader.per_read()  # the node reads, then the relationship reads (zip: a part each)
    node_files: list[str] = []
    for label, pages in zip(labels, groups, strict=False):
        declared = types.of("node", label)
        name = neo4j_csv.node_file(label)
        with (directory / name).open("w", encoding="utf-8", newline="") as out:
            out.write(neo4j_csv.header_line(neo4j_csv.node_header(label, declared)))
            for rows in pages:
                out.writelines(neo4j_csv.node_lines(label, rows, declared))
        node_files.append(name)
    rel_files: list[str] = []
    for kind, pages in zip(kinds, groups, strict=False):
        declared = types.of("rel", kind.name)
        name = neo4j_csv.rel_file(kind.type, kind.start, kind.end)
        with (directory / name).open("w", encoding="utf-8", newline="") as out:
            header = neo4j_csv.rel_header(kind.start, kind.end, declared)
            out.write(neo4j_csv.header_line(header))
            for rows in pages:
                rels = [rel for row in rows for rel in row["rels"]]
                out.writelines(neo4j_csv.rel_lines(kind.type, rels, declared))
        rel_files.append(name)
    script = "#!/bin/sh\n" + neo4j_csv.import_command(node_files, rel_files)
    (directory / IMPORT_SCRIPT).write_text(script, encoding="utf-8")
    return [*node_files, *rel_files, IMPORT_SCRIPT]


class _Sink(io.RawIOBase):
    """A write-only stream whose bytes are taken out as they arrive (zip streaming)."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data


def _csv_zip(
    store: Store, source_id: str | None, types: KeyTypes, counts: dict[str, int]
) -> Iterator[bytes]:
    """The CSV files as one zip, streamed: written to a temporary folder, then zipped
    file by file in 64 KiB pieces."""
    folder = Path(tempfile.mkdtemp(prefix="kb-csv-"))
    try:
        names = _write_csv_files(store, source_id, folder, types, counts)
        sink = _Sink()
        with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in names:
                with (
                    (folder / name).open("rb") as source,
                    archive.open(f"claim-kb-csv/{name}", "w") as entry,
                ):
                    while piece := source.read(64 * 1024):
                        entry.write(piece)
                        yield sink.take()
        yield sink.take()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
