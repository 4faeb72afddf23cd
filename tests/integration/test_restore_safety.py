"""`kb restore` never leaves a half-restored database (issue 21, items 1-2).

A damaged, truncated or edited backup restored with `--force` is refused
before the first write; a swap that fails leaves the old graph; `/healthz`
answers 503 while a restore runs; a restore killed (kill -9) before or during
the swap is finished by running it again. "Unchanged" is checked with
`kb backup --hash`, the content hash of the whole graph.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from api import create_app
from kb.config import Settings
from kb.db import Store
from kb.repositories import backup as backup_repo
from kb.services import restore as restore_service
from tests.integration.test_backup import _add_analysts_work
from tests.integration.test_cli import assert_one_line_error, run_kb


def _hash(settings: Settings) -> str:
    done = run_kb(settings, "backup", "--hash")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _backup(settings: Settings, target: Path) -> Path:
    done = run_kb(settings, "backup", str(target))
    assert done.returncode == 0, done.stderr
    return target


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _write(path: Path, lines: list[dict[str, object]], *, rehash: bool) -> None:
    """Write `lines` as a backup; with `rehash`, the end line gets the new body's hash
    (a file that passes every check but the database's own constraints)."""
    text = [json.dumps(line, sort_keys=True, separators=(",", ":")) + "\n" for line in lines]
    if rehash:
        end = dict(lines[-1])
        end["sha256"] = hashlib.sha256("".join(text[1:-1]).encode()).hexdigest()
        text[-1] = json.dumps(end, sort_keys=True, separators=(",", ":")) + "\n"
    path.write_text("".join(text))


def _truncated_at_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _flipped_bytes(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes(b ^ 0xFF for b in data[middle : middle + 8]) + data[middle + 8 :]


def _claim_text_edited(data: bytes) -> bytes:
    lines = data.decode().splitlines(keepends=True)
    for number, text in enumerate(lines):
        line = json.loads(text)
        if "Claim" in line.get("labels", []):
            line["properties"]["text"] += " (edited)"
            lines[number] = json.dumps(line, sort_keys=True, separators=(",", ":")) + "\n"
            return "".join(lines).encode()
    raise AssertionError("no claim in the backup")


def _relationship_dropped(data: bytes) -> bytes:
    lines = data.decode().splitlines(keepends=True)
    last = max(i for i, text in enumerate(lines) if '"kind":"relationship"' in text)
    return "".join(lines[:last] + lines[last + 1 :]).encode()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_truncated_at_half, "truncated"),
        (_flipped_bytes, "line"),
        (_claim_text_edited, "does not match the SHA-256"),
        (_relationship_dropped, "end line"),
    ],
)
def test_a_damaged_backup_leaves_the_database_unchanged(
    seeded_store: Store,
    neo4j_settings: Settings,
    tmp_path: Path,
    damage: Callable[[bytes], bytes],
    message: str,
) -> None:
    good = _backup(neo4j_settings, tmp_path / "good.jsonl")
    _add_analysts_work(seeded_store)  # the database now differs from the backup
    before = _hash(neo4j_settings)
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_bytes(damage(good.read_bytes()))

    assert_one_line_error(run_kb(neo4j_settings, "restore", "--force", str(damaged)), message)
    assert _hash(neo4j_settings) == before
    assert seeded_store.read(backup_repo.restore_phase) is None


def test_a_swap_that_fails_leaves_the_database_as_it_was(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    good = _backup(neo4j_settings, tmp_path / "good.jsonl")
    lines = _lines(good)
    claims = [line for line in lines if "Claim" in line.get("labels", [])]  # type: ignore[operator]
    claims[1]["properties"] = {**claims[1]["properties"], "id": claims[0]["properties"]["id"]}  # type: ignore[index,dict-item]
    duplicate = tmp_path / "duplicate.jsonl"
    _write(duplicate, lines, rehash=True)  # passes the file checks; the claim_id constraint fails
    before = _hash(neo4j_settings)

    failed = run_kb(neo4j_settings, "restore", "--force", str(duplicate))
    assert failed.returncode != 0
    assert "Traceback" not in failed.stderr
    assert _hash(neo4j_settings) == before
    assert seeded_store.read(backup_repo.restore_phase) is None


def test_healthz_answers_503_while_a_restore_runs(seeded_store: Store, tmp_path: Path) -> None:
    backup = tmp_path / "b.jsonl"
    from kb.services.backup import dump  # noqa: PLC0415 - next to its one use

    with backup.open("w") as out:
        dump(seeded_store, out)
    client = create_app({"TESTING": True, "KB_STORE": seeded_store}).test_client()
    during: list[int] = []
    restore_service.restore(
        seeded_store,
        backup,
        force=True,
        on_step=lambda step: during.append(client.get("/healthz").status_code),
    )
    assert during == [503]
    assert client.get("/healthz").status_code == 200


KILL_ON_STEP = """
import os, signal, sys
from pathlib import Path
from kb.config import Settings
from kb.db import Store
from kb.services.restore import restore

def step(name):
    if name == sys.argv[2]:
        os.kill(os.getpid(), signal.SIGKILL)

store = Store.connect(Settings.from_env())
restore(store, Path(sys.argv[1]), force=True, batch_size=50,
        swap_in_one_transaction=int(sys.argv[3]), on_step=step)
"""


@pytest.mark.parametrize(
    ("step", "one_transaction_up_to", "phase", "note"),
    [
        ("staged", 100_000, "staging", "discarded the staged data"),
        ("swapping", 0, "promoting", "finished the swap"),
    ],
)
def test_a_killed_restore_is_recovered_by_running_it_again(
    seeded_store: Store,
    neo4j_settings: Settings,
    tmp_path: Path,
    step: str,
    one_transaction_up_to: int,
    phase: str,
    note: str,
) -> None:
    good = _backup(neo4j_settings, tmp_path / "good.jsonl")
    expected = _hash(neo4j_settings)
    _add_analysts_work(seeded_store)
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.neo4j_uri,
        "NEO4J_PASSWORD": neo4j_settings.neo4j_password,
    }
    killed = subprocess.run(
        [sys.executable, "-c", KILL_ON_STEP, str(good), step, str(one_transaction_up_to)],
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert seeded_store.read(backup_repo.restore_phase) == phase
    client = create_app({"TESTING": True, "KB_STORE": seeded_store}).test_client()
    assert client.get("/healthz").status_code == 503
    refused = run_kb(neo4j_settings, "backup", str(tmp_path / "during.jsonl"))
    assert_one_line_error(refused, "restore is under way or was interrupted")

    again = run_kb(neo4j_settings, "restore", "--force", str(good))
    assert again.returncode == 0, again.stderr
    assert note in again.stderr
    assert _hash(neo4j_settings) == expected
    assert client.get("/healthz").status_code == 200


def test_a_version_1_backup_is_restored_with_a_warning(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    good = _backup(neo4j_settings, tmp_path / "good.jsonl")
    expected = _hash(neo4j_settings)
    lines = _lines(good)
    lines[0] = {**lines[0], "version": 1}
    lines[-1] = {key: value for key, value in lines[-1].items() if key != "sha256"}
    old = tmp_path / "v1.jsonl"
    _write(old, lines, rehash=False)
    _add_analysts_work(seeded_store)

    done = run_kb(neo4j_settings, "restore", "--force", str(old))
    assert done.returncode == 0, done.stderr
    assert "warning: a version 1 backup carries no content hash" in done.stderr
    assert _hash(neo4j_settings) == expected
