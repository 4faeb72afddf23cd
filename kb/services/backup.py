"""Backups of the whole graph, consistent under writes, and a content hash to compare graphs.

`dump` writes every node and relationship (seeded content, analysts' work,
history, keys) in the format of `kb.backup_format`, streamed from one
transaction that write-locks each node and relationship as it reads it.

Why that is a consistent cut although Neo4j reads are only read-committed:
a locked entity cannot be changed or deleted by anyone else until the
backup's transaction ends, and creating or deleting a relationship locks both
its ends, so once the node scan has passed, no relationship can appear at or
vanish from a locked node. After both scans the backup counts the nodes: if
the database holds exactly the nodes it locked, then at that moment M the
graph is exactly what was read (every locked entity still has the value read,
no node exists that was not read, and any relationship not read would need
an end that was not read). The file is then the graph at M. If a node
appeared meanwhile (a write that touched nothing locked), the attempt is
dropped and retried; after `attempts` the backup fails rather than write a
file it cannot vouch for. Writers that touch a locked entity wait for the
backup (the API answers them 503 with Retry-After after its deadline), so a
backup pauses writes for as long as it streams; `kb backup --offline` dumps
a stopped local server instead.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import IO, Any

from neo4j import ManagedTransaction, Record

from kb import backup_format as fmt
from kb.db import Store
from kb.errors import BackupError, DatabaseBusy
from kb.repositories import backup as repo

PAGE_SIZE = 1000
# Under several busy writers an attempt can lose a deadlock or see a node appear; eight
# attempts with a growing pause (7 s in all) let a backup through on a loaded 2-core host.
ATTEMPTS = 8
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


class _GraphMoved(Exception):
    """A node appeared while the backup held its locks: this attempt is not a cut."""


def counts(store: Store) -> BackupCounts:
    """How many nodes and relationships the database holds."""
    nodes, relationships = store.read_bulk(repo.counts)
    return BackupCounts(nodes, relationships)


def dump(store: Store, out: IO[str], *, attempts: int = ATTEMPTS) -> BackupCounts:
    """Write a consistent backup of the whole graph to `out` (seekable; rewritten on a retry).

    The same graph in the same store gives the same bytes. Raises `BackupError`
    when a restore is under way, or when the graph kept changing past `attempts`.
    """
    if store.read(repo.restore_phase) is not None:
        raise BackupError(
            "a restore is under way or was interrupted: finish it (run the same "
            "`kb restore` again) before taking a backup"
        )
    store.write(repo.create_lock_property)
    start = out.tell()
    for attempt in range(1, attempts + 1):
        out.seek(start)
        out.truncate()
        try:
            return store.write(_dump_locked, out, start)
        except (_GraphMoved, DatabaseBusy):
            if attempt == attempts:
                break
            time.sleep(0.25 * attempt)
    raise BackupError(
        f"the graph kept changing while the backup held it ({attempts} attempts): "
        "pause writes and run it again, or use `kb backup --offline`"
    )


def _dump_locked(tx: ManagedTransaction, out: IO[str], start: int) -> BackupCounts:
    """One attempt, inside one write transaction (the driver may run it again: it
    starts by rewinding `out`)."""
    out.seek(start)
    out.truncate()
    out.write(fmt.dumps(fmt.header()))
    body = hashlib.sha256()
    tally = {"node": 0, "relationship": 0}

    def write(line: dict[str, Any]) -> None:
        text = fmt.dumps(line)
        body.update(text.encode("utf-8"))
        out.write(text)
        tally[line["kind"]] += 1

    repo.each_locked_node(
        tx,
        lambda row: write(
            {
                "kind": "node",
                "id": row["id"],
                "labels": sorted(row["labels"]),
                "properties": fmt.encode_properties(row["properties"]),
            }
        ),
    )
    repo.each_locked_relationship(
        tx,
        lambda row: write(
            {
                "kind": "relationship",
                "id": row["id"],
                "type": row["type"],
                "start": row["start"],
                "end": row["end"],
                "properties": fmt.encode_properties(row["properties"]),
            }
        ),
    )
    if repo.node_count(tx) != tally["node"]:
        raise _GraphMoved
    written = BackupCounts(tally["node"], tally["relationship"])
    end = {"kind": "end", "nodes": written.nodes, "relationships": written.relationships}
    out.write(fmt.dumps({**end, "sha256": body.hexdigest()}))
    return written


def wipe(store: Store, page_size: int = PAGE_SIZE) -> None:
    """Delete every node and relationship, a page at a time (the schema stays)."""
    while store.write(repo.wipe_relationships_page, 10 * page_size):
        pass
    while store.write(repo.wipe_page, page_size):
        pass


def content_hash(store: Store) -> ContentHash:
    """Fingerprint of every node (labels, properties) and relationship (ends, type, properties).

    Internal ids and order do not count: the digest is the sum of each item's
    SHA-256 modulo 2**256, so it is computed as the rows stream by, in flat
    memory, and a node or relationship present twice counts twice. It reads
    without locks (compare quiet databases); the transaction is a write one only
    so that no read timeout cuts a large graph short.
    """
    return store.write(_hash)


def _hash(tx: ManagedTransaction) -> ContentHash:
    state = {"total": 0, "nodes": 0, "relationships": 0}

    def node(row: Record) -> None:
        state["total"] += _digest(_node_content(row["labels"], row["properties"]))
        state["nodes"] += 1

    def relationship(row: Record) -> None:
        content = [
            _node_content(row["start_labels"], row["start_properties"]),
            row["type"],
            _node_content(row["end_labels"], row["end_properties"]),
            fmt.encode_properties(row["properties"]),
        ]
        state["total"] += _digest(content)
        state["relationships"] += 1

    repo.each_node(tx, node)
    repo.each_relationship_content(tx, relationship)
    hex_digest = f"{state['total'] % _HASH_MODULUS:064x}"
    return ContentHash(f"sha256:{hex_digest}", state["nodes"], state["relationships"])


def _node_content(labels: list[str], properties: dict[str, Any]) -> list[Any]:
    return [sorted(labels), fmt.encode_properties(properties)]


def _digest(content: Any) -> int:
    return int.from_bytes(hashlib.sha256(fmt.dumps(content).encode()).digest(), "big")
