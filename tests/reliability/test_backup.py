"""Backups under writes, and a restore killed with kill -9 (issue 21, items 1-2).

Four writers POST evidence through the API while `kb backup` runs again and
again: every backup that exits 0 must pass the whole-file check (every
relationship's two ends in the file, counts equal to its end line, its
SHA-256) and hold every write acknowledged before it started; one of them
restored gives a graph with exactly the file's counts. A backup may fail
(the graph kept changing past its retries), but only with a one-line message
and no file. Then `kb restore` is killed with SIGKILL as soon as its marker
appears, wherever it is, and running it again gives the backup's content.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from kb.backup_reader import check_file
from kb.repositories import backup as backup_repo
from kb.services import backup as backup_service
from tests.reliability.conftest import LONG, FaultyNeo4j, ServedApi
from tests.reliability.load import Api, Workers, evidence, wait_until
from tests.reliability.test_load import CLAIMS

WRITERS = 4
BACKUPS = 10 if LONG else 3
KILLS = 5 if LONG else 1


def _kb(neo4j: FaultyNeo4j, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kb", *args],
        env=_env(neo4j),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _env(neo4j: FaultyNeo4j) -> dict[str, str]:
    return {
        **os.environ,
        "NEO4J_URI": neo4j.settings.neo4j_uri,
        "NEO4J_PASSWORD": neo4j.settings.neo4j_password,
    }


def test_backups_under_four_writers_restore_to_a_consistent_graph(
    faulty_neo4j: FaultyNeo4j,
    served_api: ServedApi,
    report: dict[str, dict[str, Any]],
    tmp_path: Path,
) -> None:
    api = Api(served_api.port, served_api.key)
    prefix = "https://reliability.test/backup/"
    acknowledged: list[tuple[float, str]] = []
    lock = threading.Lock()

    def write(index: int, stop: threading.Event) -> None:
        sequence = 0
        while not stop.is_set():
            url = f"{prefix}{index}/{sequence}"
            claim = CLAIMS[(index + sequence) % len(CLAIMS)]
            outcome = api.call("POST", f"/api/v1/claims/{claim}/evidence", evidence(url))
            if outcome.status in (200, 201):
                with lock:
                    acknowledged.append((time.monotonic(), url))
                sequence += 1
            else:
                time.sleep(0.1)  # back off; the same URL is retried (the write is idempotent)

    good: list[Path] = []
    failed: list[str] = []
    with Workers(WRITERS, write):
        assert wait_until(lambda: len(acknowledged) >= WRITERS, 60), "the writers did not start"
        number = -1
        # BACKUPS runs, and more (up to twice as many) while none has got through yet.
        while number + 1 < BACKUPS or (not good and number + 1 < 2 * BACKUPS):
            number += 1
            target = tmp_path / f"backup-{number}.jsonl"
            started = time.monotonic()
            done = _kb(faulty_neo4j, "backup", str(target))
            if done.returncode != 0:
                assert "Traceback" not in done.stderr
                assert len(done.stderr.strip().splitlines()) == 1, done.stderr
                assert not target.exists()
                failed.append(done.stderr.strip())
                continue
            checked = check_file(target)  # raises on a dangling relationship or a bad count
            text = target.read_text()
            with lock:
                before = [url for at, url in acknowledged if at < started]
            missing = [url for url in before if f'"url":"{url}"' not in text]
            assert not missing, f"{len(missing)} acknowledged writes missing from backup {number}"
            good.append(target)
            assert checked.sha256 is not None
    writes = len(acknowledged)
    assert good, f"no backup succeeded under writes: {failed}"

    restored = _kb(faulty_neo4j, "restore", "--force", str(good[-1]))
    assert restored.returncode == 0, restored.stderr
    checked = check_file(good[-1])
    counts = backup_service.counts(faulty_neo4j.store)
    assert (counts.nodes, counts.relationships) == (checked.nodes, checked.relationships)
    report["backup under 4 writers"] = {
        "backups taken": number + 1,
        "exited 0 (all checked consistent)": len(good),
        "refused (graph kept changing)": len(failed),
        "writes acknowledged meanwhile": writes,
        "restored nodes / relationships": f"{checked.nodes} / {checked.relationships}",
    }


def test_a_restore_killed_anywhere_is_finished_by_running_it_again(
    faulty_neo4j: FaultyNeo4j,
    served_api: ServedApi,
    report: dict[str, dict[str, Any]],
    tmp_path: Path,
) -> None:
    backup = tmp_path / "backup.jsonl"
    assert _kb(faulty_neo4j, "backup", str(backup)).returncode == 0
    expected = backup_service.content_hash(faulty_neo4j.store)
    api = Api(served_api.port, served_api.key)
    store = faulty_neo4j.store
    phases: list[str] = []
    for kill in range(KILLS):
        url = f"https://reliability.test/restore-kill/{kill}"
        assert api.call("POST", f"/api/v1/claims/{CLAIMS[0]}/evidence", evidence(url)).status in (
            200,
            201,
        )
        assert backup_service.content_hash(store) != expected
        command = [sys.executable, "-m", "kb", "restore", "--force", str(backup)]
        process = subprocess.Popen(command, env=_env(faulty_neo4j), stderr=subprocess.DEVNULL)
        try:
            # Kill as soon as the restore has begun writing, wherever it is by then.
            wait_until(lambda: store.read(backup_repo.restore_phase) is not None, 120, 0.02)
            time.sleep(0.05 * kill)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()
        phases.append(store.read(backup_repo.restore_phase) or "none (finished or not begun)")
        again = _kb(faulty_neo4j, "restore", "--force", str(backup))
        assert again.returncode == 0, again.stderr
        assert backup_service.content_hash(store) == expected
        assert store.read(backup_repo.restore_phase) is None
    report["restore killed with SIGKILL, then run again"] = {
        "kills": KILLS,
        "phase left behind by each kill": ", ".join(phases),
        "content hash after the second run equals the backup's": True,
    }
