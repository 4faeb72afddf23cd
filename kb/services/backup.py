"""Backup and restore of the whole graph, and a content hash to prove a round trip.

`dump` writes every node and relationship (seeded content, analysts' work,
history, keys) in the format of `kb.backup_format`, one page of reads at a
time, so memory stays flat however large the graph. `restore` streams a file
back in batches into an empty database. `content_hash` fingerprints what the
graph holds, independent of internal ids and order, so a restore can be
checked against the original.

Pages are separate transactions: back up while writes are paused (Neo4j
Community has no snapshot reads), or a write between pages may be half seen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from kb import backup_format as fmt
from kb.config import CYPHER_DIR
from kb.db import Store
from kb.derived import full
from kb.errors import BackupError
from kb.repositories import backup as repo
from kb.seeding.loader import apply_schema, discover_scripts

PAGE_SIZE = 1000
BATCH_SIZE = 500
_HASH_MODULUS = 2**256


@dataclass(frozen=True)
class BackupCounts:
    nodes: int
    relationships: int


@dataclass(frozen=True)
class ContentHash:
    """`sha256:<hex>` of the graph's content, with the counts it covers."""

    digest: str
    nodes: int
    relationships: int


def counts(store: Store) -> BackupCounts:
    """How many nodes and relationships the database holds."""
    nodes, relationships = store.read_bulk(repo.counts)
    return BackupCounts(nodes, relationships)


def dump(store: Store, out: IO[str], page_size: int = PAGE_SIZE) -> BackupCounts:
    """Write a backup of the whole graph to `out`; the same graph gives the same bytes."""
    out.write(fmt.dumps(fmt.header()))
    nodes = 0
    for row in _pages(store, repo.node_page, page_size):
        out.write(
            fmt.dumps(
                {
                    "kind": "node",
                    "id": row["id"],
                    "labels": sorted(row["labels"]),
                    "properties": fmt.encode_properties(row["properties"]),
                }
            )
        )
        nodes += 1
    relationships = 0
    for row in _pages(store, repo.relationship_page, page_size):
        out.write(
            fmt.dumps(
                {
                    "kind": "relationship",
                    "id": row["id"],
                    "type": row["type"],
                    "start": row["start"],
                    "end": row["end"],
                    "properties": fmt.encode_properties(row["properties"]),
                }
            )
        )
        relationships += 1
    out.write(fmt.dumps({"kind": "end", "nodes": nodes, "relationships": relationships}))
    return BackupCounts(nodes, relationships)


def restore(
    store: Store, source: IO[str], *, force: bool = False, batch_size: int = BATCH_SIZE
) -> BackupCounts:
    """Load a backup from `source` into an empty database and return what it restored.

    Raises `BackupError` when the database is not empty (unless `force`, which
    deletes everything first; the schema stays), when the file is not a backup
    of a supported version, or when it is truncated or inconsistent. The
    project's schema is applied first, so the backup's constraints hold.
    """
    present = counts(store)
    if present.nodes and not force:
        raise BackupError(
            f"the database is not empty ({present.nodes} nodes); restore needs an empty "
            "database, or --force to delete everything in it first"
        )
    lines = _lines(source)
    fmt.check_header(next(lines, (1, {}))[1])
    if present.nodes:
        wipe(store)
    apply_schema(store, discover_scripts(CYPHER_DIR))
    store.write(repo.create_restore_index)
    store.read_bulk(repo.await_restore_index)
    try:
        restored = _load(store, lines, batch_size)
        while store.write(repo.forget_restore_ids, PAGE_SIZE):
            pass
    finally:
        store.write(repo.drop_restore_index)
    full.recompute_all(store)  # a backup made before derived values were stored has none
    return restored


def wipe(store: Store, page_size: int = PAGE_SIZE) -> None:
    """Delete every node and relationship, a page at a time (the schema stays)."""
    while store.write(repo.wipe_relationships_page, 10 * page_size):
        pass
    while store.write(repo.wipe_page, page_size):
        pass


def content_hash(store: Store, page_size: int = PAGE_SIZE) -> ContentHash:
    """Fingerprint of every node (labels, properties) and relationship (ends, type, properties).

    Internal ids and order do not count: the digest is the sum of each item's
    SHA-256 modulo 2**256, so it is computed page by page in flat memory and
    a node or relationship present twice counts twice.
    """
    total, nodes, relationships = 0, 0, 0
    for row in _pages(store, repo.node_page, page_size):
        total += _digest(_node_content(row["labels"], row["properties"]))
        nodes += 1
    for row in _pages(store, repo.relationship_content_page, page_size):
        content = [
            _node_content(row["start_labels"], row["start_properties"]),
            row["type"],
            _node_content(row["end_labels"], row["end_properties"]),
            fmt.encode_properties(row["properties"]),
        ]
        total += _digest(content)
        relationships += 1
    hex_digest = f"{total % _HASH_MODULUS:064x}"
    return ContentHash(f"sha256:{hex_digest}", nodes, relationships)


def _node_content(labels: list[str], properties: dict[str, Any]) -> list[Any]:
    return [sorted(labels), fmt.encode_properties(properties)]


def _digest(content: Any) -> int:
    return int.from_bytes(hashlib.sha256(fmt.dumps(content).encode()).digest(), "big")


def _pages(
    store: Store, page: Callable[..., list[dict[str, Any]]], page_size: int
) -> Iterator[dict[str, Any]]:
    """Every row of a keyset-paged read, one short read transaction per page."""
    after = ""
    while True:
        rows = store.read_bulk(page, after, page_size)
        yield from rows
        if len(rows) < page_size:
            return
        after = rows[-1]["id"]


def _lines(source: IO[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, text in enumerate(source, start=1):
        if text.strip():
            yield number, fmt.loads(text, number)


def _load(store: Store, lines: Iterator[tuple[int, dict[str, Any]]], batch: int) -> BackupCounts:
    nodes: list[dict[str, Any]] = []
    relationships: list[dict[str, Any]] = []
    created = BackupCounts(0, 0)
    for number, line in lines:
        kind = line.get("kind")
        if kind == "node":
            if relationships:
                raise BackupError(f"line {number}: a node after the relationships")
            nodes.append(_node_row(line, number))
            if len(nodes) >= batch:
                created = _flush_nodes(store, nodes, created)
        elif kind == "relationship":
            created = _flush_nodes(store, nodes, created)
            relationships.append(_relationship_row(line, number))
            if len(relationships) >= batch:
                created = _flush_relationships(store, relationships, created)
        elif kind == "end":
            created = _flush_nodes(store, nodes, created)
            created = _flush_relationships(store, relationships, created)
            expected = BackupCounts(line.get("nodes", -1), line.get("relationships", -1))
            if created != expected:
                raise BackupError(
                    f"restored {created.nodes} nodes and {created.relationships} relationships, "
                    f"but the backup lists {expected.nodes} and {expected.relationships}"
                )
            return created
        else:
            raise BackupError(f"line {number} of the backup has unknown kind {kind!r}")
    raise BackupError("the backup is truncated: it has no end line (nothing after the last batch)")


def _flush_nodes(store: Store, rows: list[dict[str, Any]], done: BackupCounts) -> BackupCounts:
    if not rows:
        return done
    store.write(repo.create_nodes, rows)
    done = BackupCounts(done.nodes + len(rows), done.relationships)
    rows.clear()
    return done


def _flush_relationships(
    store: Store, rows: list[dict[str, Any]], done: BackupCounts
) -> BackupCounts:
    if not rows:
        return done
    created = store.write(repo.create_relationships, rows)
    if created != len(rows):
        raise BackupError("the backup has relationships whose nodes it does not contain")
    done = BackupCounts(done.nodes, done.relationships + created)
    rows.clear()
    return done


def _node_row(line: dict[str, Any], number: int) -> dict[str, Any]:
    try:
        return {
            "id": str(line["id"]),
            "labels": [str(label) for label in line["labels"]],
            "properties": fmt.decode_properties(line["properties"]),
        }
    except (KeyError, TypeError, AttributeError) as exc:
        raise BackupError(f"line {number} of the backup is not a valid node") from exc


def _relationship_row(line: dict[str, Any], number: int) -> dict[str, Any]:
    try:
        return {
            "start": str(line["start"]),
            "end": str(line["end"]),
            "type": str(line["type"]),
            "properties": fmt.decode_properties(line["properties"]),
        }
    except (KeyError, TypeError, AttributeError) as exc:
        raise BackupError(f"line {number} of the backup is not a valid relationship") from exc
