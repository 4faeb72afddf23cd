"""`kb backup` / `kb restore`: a lossless, stable round trip of the whole graph.

Neo4j Community has one user database, so the round trip backs up the
throwaway test database, wipes it, restores and compares; the autouse
fixture of tests/conftest.py puts the seeded graph back afterwards.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from neo4j import ManagedTransaction
from neo4j.spatial import CartesianPoint, WGS84Point
from neo4j.time import Date, DateTime, Duration, Time
from pytz import FixedOffset, timezone

from api import create_app
from kb.backup_format import FORMAT, VERSION, decode_value, encode_value
from kb.config import Settings
from kb.db import Store
from kb.errors import BackupError
from kb.services import backup as backup_service
from kb.services import keys as key_service
from kb.services import restore as restore_service
from kb.services.stats import graph_stats
from tests.api.helpers import evidence
from tests.graph_snapshot import GraphSnapshot
from tests.integration.test_cli import assert_one_line_error, run_kb

API = "/api/v1"
CLAIM = "c-trump-said-israel-must-finish"
LINK = "cl-electoral-fear-drives-support-for-genocide"

# Every property type Neo4j stores, including the ones JSON has no type for.
ODD_VALUES: dict[str, Any] = {
    "int": -(2**63),
    "float": 1.0,
    "nan": float("nan"),
    "inf": float("-inf"),
    "text": 'quote "é" \u2028 line',
    "flag": False,
    "bytes": b"\x00\xffbackup",
    "date": Date(2024, 2, 29),
    "local_datetime": DateTime(2024, 1, 1, 1, 1, 1, 999),
    "offset_datetime": FixedOffset(90).localize(DateTime(2024, 3, 31, 2, 30, 5, 123456789)),
    # The second 02:30 of the autumn fold: only an instant + zone keeps it apart.
    "zoned_datetime": timezone("Europe/Berlin").localize(
        DateTime(2024, 10, 27, 2, 30, 5, 1), is_dst=False
    ),
    "local_time": Time(10, 11, 12, 5),
    "offset_time": Time(10, 11, 12, 5, tzinfo=FixedOffset(-90)),
    "duration": Duration(months=14, days=3, seconds=5, nanoseconds=7),
    "point": CartesianPoint((1.5, -2.0)),
    "geo": WGS84Point((13.4, 52.5, 34.0)),
    "dates": [Date(2020, 1, 1), Date(2021, 1, 1)],
    "numbers": [1.5, 2.0],
}


def _add_analysts_work(store: Store) -> None:
    """Evidence on a claim and a link, one retracted, a new slot, events, keys."""
    analyst = key_service.create_key(store, "backup-analyst", "analyst")
    key_service.create_key(store, "backup-revoked", "reader")
    key_service.revoke_key(store, "backup-revoked")
    client = create_app({"TESTING": True, "KB_STORE": store}).test_client()
    headers = {"Authorization": f"Bearer {analyst}"}
    body = evidence("https://example.org/backup-report")
    on_claim = client.post(f"{API}/claims/{CLAIM}/evidence", json=body, headers=headers)
    assert on_claim.status_code == 201, on_claim.get_json()
    on_link = client.post(
        f"{API}/causal-links/{LINK}/evidence",
        json={**body, "url": "https://example.org/other", "stance": "refutes"},
        headers=headers,
    )
    assert on_link.status_code == 201, on_link.get_json()
    link_id = on_link.get_json()["id"]
    retracted = client.delete(
        f"{API}/evidence-links/{link_id}", json={"reason": "wrong page"}, headers=headers
    )
    assert retracted.status_code == 200, retracted.get_json()
    slot = client.post(f"{API}/claims/{CLAIM}/slots", json={"question": "Who?"}, headers=headers)
    assert slot.status_code == 201, slot.get_json()


def _add_odd_values(tx: ManagedTransaction) -> None:
    tx.run("CREATE (:BackupProbe $props)", props=ODD_VALUES).consume()
    tx.run(
        "CREATE (:BackupProbe:Second)-[:PROBES {at: $at}]->(:BackupProbe)",
        at=ODD_VALUES["zoned_datetime"],
    ).consume()


def _dump(store: Store) -> str:
    out = io.StringIO()
    backup_service.dump(store, out)
    return out.getvalue()


def _restore(store: Store, text: str, **options: Any) -> restore_service.RestoreResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "backup.jsonl"
        path.write_text(text, encoding="utf-8")
        return restore_service.restore(store, path, **options)


def _counts(store: Store) -> tuple[dict[str, int], dict[str, int]]:
    stats = graph_stats(store)
    return stats.nodes, stats.relationships


def test_round_trip_of_the_article_and_analysts_work(seeded_store: Store) -> None:
    _add_analysts_work(seeded_store)
    seeded_store.write(_add_odd_values)
    before = backup_service.content_hash(seeded_store)
    counts = _counts(seeded_store)
    snapshot = GraphSnapshot.take(seeded_store)
    assert {"EvidenceLink", "Event", "ApiKey", "BackupProbe"} <= set(counts[0]), counts[0]

    dumped = _dump(seeded_store)
    assert _dump(seeded_store) == dumped  # stable: the same graph gives the same bytes
    lines = [json.loads(line) for line in dumped.splitlines()]
    assert lines[0] == {"format": FORMAT, "version": VERSION}
    end = {"kind": "end", "nodes": before.nodes, "relationships": before.relationships}
    body = dumped.split("\n", 1)[1].rsplit("\n", 2)[0] + "\n"
    assert lines[-1] == {**end, "sha256": hashlib.sha256(body.encode()).hexdigest()}

    backup_service.wipe(seeded_store)
    assert backup_service.counts(seeded_store) == backup_service.BackupCounts(0, 0)
    restored = _restore(seeded_store, dumped, batch_size=40)

    assert restored.counts == backup_service.BackupCounts(before.nodes, before.relationships)
    assert backup_service.content_hash(seeded_store) == before
    assert _counts(seeded_store) == counts
    assert GraphSnapshot.take(seeded_store).content == snapshot.content


def test_odd_values_survive_exactly(seeded_store: Store) -> None:
    seeded_store.write(_add_odd_values)
    dumped = _dump(seeded_store)
    _restore(seeded_store, dumped, force=True)

    def probe(tx: ManagedTransaction) -> dict[str, Any]:
        record = tx.run("MATCH (n:BackupProbe) WHERE n.int IS NOT NULL RETURN n").single()
        return dict(record["n"]) if record else {}

    found = seeded_store.read(probe)
    assert set(found) == set(ODD_VALUES)
    for key, value in ODD_VALUES.items():
        assert encode_value(found[key]) == encode_value(value), key
    assert found["zoned_datetime"].utcoffset() == ODD_VALUES["zoned_datetime"].utcoffset()
    assert isinstance(found["float"], float) and isinstance(found["bytes"], bytes)


def test_values_encode_and_decode_losslessly() -> None:
    for key, value in ODD_VALUES.items():
        encoded = encode_value(value)
        json.dumps(encoded, allow_nan=False)  # plain JSON, no NaN literals
        assert encode_value(decode_value(encoded)) == encoded, key


def test_restore_refuses_a_non_empty_database(seeded_store: Store) -> None:
    dumped = _dump(seeded_store)
    before = backup_service.content_hash(seeded_store)
    with pytest.raises(BackupError, match="not empty .* --force"):
        _restore(seeded_store, dumped)
    assert backup_service.content_hash(seeded_store) == before


def test_force_replaces_what_the_database_holds(seeded_store: Store) -> None:
    dumped = _dump(seeded_store)
    before = backup_service.content_hash(seeded_store)
    _add_analysts_work(seeded_store)
    assert backup_service.content_hash(seeded_store) != before
    _restore(seeded_store, dumped, force=True)
    assert backup_service.content_hash(seeded_store) == before


def test_a_large_restore_swaps_in_batches(seeded_store: Store) -> None:
    dumped = _dump(seeded_store)
    before = backup_service.content_hash(seeded_store)
    _add_analysts_work(seeded_store)
    _restore(seeded_store, dumped, force=True, batch_size=70, swap_in_one_transaction=0)
    assert backup_service.content_hash(seeded_store) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not a claim-kb backup"),
        ('{"format":"claim-kb-backup","version":99}\n', "version 99 is not supported"),
        (
            '{"format":"claim-kb-backup","version":1}\n{"kind":"node","id":"a","labels":["X"],'
            '"properties":{}}\n',
            "truncated",
        ),
        (
            '{"format":"claim-kb-backup","version":2}\n{"kind":"node","id":"a","labels":["X"],'
            '"properties":{}}\n{"kind":"end","nodes":1,"relationships":0,"sha256":"00"}\n',
            "does not match the SHA-256",
        ),
        (
            '{"format":"claim-kb-backup","version":1}\n{"kind":"node","id":"a","labels":["X"],'
            '"properties":{}}\n{"kind":"end","nodes":2,"relationships":0}\n',
            "lists 2 and 0",
        ),
        (
            '{"format":"claim-kb-backup","version":1}\n{"kind":"node","id":"a","labels":["X"],'
            '"properties":{"d":{"$date":"nope"}}}\n{"kind":"end","nodes":1,"relationships":0}\n',
            "malformed \\$date",
        ),
        (
            '{"format":"claim-kb-backup","version":1}\n{"kind":"relationship","id":"r",'
            '"type":"R","start":"a","end":"b","properties":{}}\n{"kind":"end","nodes":0,'
            '"relationships":1}\n',
            "nodes it does not contain",
        ),
        ('{"format":"claim-kb-backup","version":1}\nnot json\n', "line 2 of the backup is not"),
    ],
)
def test_bad_backups_are_refused_before_any_write(
    seeded_store: Store, text: str, message: str
) -> None:
    before = backup_service.content_hash(seeded_store)
    with pytest.raises(BackupError, match=message):
        _restore(seeded_store, text, force=True)
    assert backup_service.content_hash(seeded_store) == before


def test_cli_backup_restore_and_hash(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    target = tmp_path / "kb.jsonl"
    hashed = run_kb(neo4j_settings, "backup", "--hash")
    assert hashed.returncode == 0, hashed.stderr
    digest = hashed.stdout.split()[0]
    assert digest.startswith("sha256:")

    written = run_kb(neo4j_settings, "backup", str(target))
    assert written.returncode == 0, written.stderr
    assert "backed up" in written.stderr
    assert not list(tmp_path.glob(".*"))  # no temporary file left beside it
    assert_one_line_error(run_kb(neo4j_settings, "restore", str(target)), "--force")

    forced = run_kb(neo4j_settings, "restore", "--force", str(target))
    assert forced.returncode == 0, forced.stderr
    assert digest in forced.stdout
    again = tmp_path / "again.jsonl"
    assert run_kb(neo4j_settings, "backup", str(again)).returncode == 0
    to_stdout = run_kb(neo4j_settings, "backup", "-")
    assert to_stdout.stdout == again.read_text()  # `-` is stdout, and the bytes are stable
    from_stdin = subprocess_input(neo4j_settings, again.read_text(), "restore", "--force", "-")
    assert digest in from_stdin
    assert_one_line_error(run_kb(neo4j_settings, "backup"), "needs a FILE")


def subprocess_input(settings: Settings, text: str, *args: str) -> str:
    """Run `kb *args` with `text` on stdin; its stdout (it must succeed)."""
    env = {**os.environ, "NEO4J_URI": settings.neo4j_uri, "NEO4J_PASSWORD": settings.neo4j_password}
    done = subprocess.run(
        [sys.executable, "-m", "kb", *args],
        input=text,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
