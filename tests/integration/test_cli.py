"""The `kb` command against the real server: output, and one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli.serve import gunicorn_args
from kb.config import CYPHER_DIR, Settings
from kb.db import Store
from kb.errors import Unauthorized
from kb.services.keys import authenticate


def run_kb(
    settings: Settings, *args: str, password: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": password if password is not None else settings.neo4j_password,
        "NEO4J_DATABASE": settings.neo4j_database,
        "COLUMNS": "200",
    }
    return subprocess.run(
        [sys.executable, "-m", "kb", *args], env=env, capture_output=True, text=True, timeout=120
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]


def test_stats_shows_the_article_graph(seeded_store: Store, neo4j_settings: Settings) -> None:
    result = run_kb(neo4j_settings, "stats")
    assert result.returncode == 0, result.stderr
    for word in ("Claim", "Actor", "CausalLink", "SUPPORTS", "reported_speech", "open"):
        assert word in result.stdout


def test_seed_reports_skipped_scripts(seeded_store: Store, neo4j_settings: Settings) -> None:
    result = run_kb(neo4j_settings, "seed")
    assert result.returncode == 0, result.stderr
    assert "skipped  schema/V001__constraints_and_indexes.cypher" in result.stdout


def test_query_prints_a_table(seeded_store: Store, neo4j_settings: Settings) -> None:
    result = run_kb(neo4j_settings, "query", "MATCH (a:Actor {id: 'trump'}) RETURN a.name AS name")
    assert result.returncode == 0, result.stderr
    assert "Donald Trump" in result.stdout
    assert "1 row(s)" in result.stdout


def test_query_refuses_writes(seeded_store: Store, neo4j_settings: Settings) -> None:
    result = run_kb(neo4j_settings, "query", "CREATE (:Claim {id: 'c-sneaky'})")
    assert_one_line_error(result, "Neo4j rejected the query")
    assert (
        seeded_store.read(
            lambda tx: tx.run("MATCH (c:Claim {id: 'c-sneaky'}) RETURN count(c) AS n").single()["n"]
        )
        == 0
    )


def test_query_syntax_error_is_one_line(seeded_store: Store, neo4j_settings: Settings) -> None:
    assert_one_line_error(run_kb(neo4j_settings, "query", "MATCH (n RETURN n"), "rejected")


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("LOAD CSV FROM 'http://127.0.0.1:9/rows.csv' AS row RETURN row", "LOAD CSV"),
        ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE"),
        ("CALL db.clearQueryCaches()", "db.clearQueryCaches"),
    ],
)
def test_query_refuses_what_reaches_beyond_the_graph(
    seeded_store: Store, neo4j_settings: Settings, statement: str, named: str
) -> None:
    assert_one_line_error(run_kb(neo4j_settings, "query", statement), named)


def test_query_failing_inside_the_database_is_one_line(
    seeded_store: Store, neo4j_settings: Settings
) -> None:
    # a read that fails at run time (not at parse time): a bad argument to a function
    result = run_kb(neo4j_settings, "query", "RETURN toInteger([1]) AS n")
    assert_one_line_error(result, "rejected")


def test_wrong_password_is_a_clear_error(neo4j_settings: Settings) -> None:
    result = run_kb(neo4j_settings, "stats", password="definitely-wrong")
    assert_one_line_error(result, "refused the credentials")


def test_unreachable_database_is_a_clear_error(neo4j_settings: Settings) -> None:
    unreachable = Settings(neo4j_uri="neo4j://127.0.0.1:1", neo4j_password="x")
    assert_one_line_error(run_kb(unreachable, "stats"), "not reachable")


def test_keys_are_printed_once_listed_by_name_and_revocable(
    seeded_store: Store, neo4j_settings: Settings
) -> None:
    created = run_kb(neo4j_settings, "keys", "create", "--role", "analyst", "--name", "cli-tester")
    assert created.returncode == 0, created.stderr
    [key] = created.stdout.splitlines()
    assert key.startswith("kb_") and len(key) > 40
    listed = run_kb(neo4j_settings, "keys", "list")
    assert "cli-tester" in listed.stdout and "analyst" in listed.stdout
    assert key not in listed.stdout
    stored = seeded_store.read(
        lambda tx: tx.run("MATCH (k:ApiKey {name: 'cli-tester'}) RETURN k.hash AS h").single()["h"]
    )
    assert stored != key and key not in stored
    duplicate = run_kb(neo4j_settings, "keys", "create", "--name", "cli-tester")
    assert_one_line_error(duplicate, "already exists")
    assert run_kb(neo4j_settings, "keys", "revoke", "cli-tester").returncode == 0
    with pytest.raises(Unauthorized):
        authenticate(seeded_store, f"Bearer {key}")
    assert_one_line_error(run_kb(neo4j_settings, "keys", "revoke", "nobody"), "not found")


def test_a_failing_seed_script_is_one_line_naming_file_and_statement(
    seeded_store: Store, neo4j_settings: Settings, tmp_path: Path
) -> None:
    for kind in ("schema", "seed"):
        (tmp_path / kind).mkdir()
        for path in (CYPHER_DIR / kind).glob("*.cypher"):
            (tmp_path / kind / path.name).write_bytes(path.read_bytes())
    (tmp_path / "seed" / "V901__typo.cypher").write_text("MERGE (n:Claim {id: 'x'}\n", "utf-8")
    result = run_kb(neo4j_settings, "seed", "--cypher-dir", str(tmp_path))
    assert_one_line_error(result, "seed/V901__typo.cypher, statement 1 (line 1) failed:")


def test_serve_dev_is_refused_on_a_non_loopback_host(neo4j_settings: Settings) -> None:
    assert_one_line_error(run_kb(neo4j_settings, "serve", "--dev", "--host", "0.0.0.0"), "loopback")


def test_serve_runs_threaded_workers_without_a_shared_control_socket() -> None:
    args = gunicorn_args("127.0.0.1", 8000, workers=2, threads=8, timeout=30)
    assert args[args.index("--worker-class") + 1] == "api.worker.HardenedThreadWorker"
    assert args[args.index("--threads") + 1] == "8"
    assert "--no-control-socket" in args
    assert args[args.index("--limit-request-line") + 1] == "0"  # the API answers 414 itself
    assert args[args.index("--access-logfile") + 1] == "-"
    quiet = gunicorn_args("127.0.0.1", 8000, workers=2, threads=8, timeout=30, access_log=False)
    assert "--access-logfile" not in quiet


def test_kb_bench_hands_its_arguments_to_the_benchmark(neo4j_settings: Settings) -> None:
    result = run_kb(neo4j_settings, "bench", "--help")
    assert result.returncode == 0, result.stderr
    assert "--sizes" in result.stdout  # the benchmark's own help, not click's
    bad = run_kb(neo4j_settings, "bench", "--sizes", "ten")
    assert bad.returncode != 0
    assert "Traceback" not in bad.stderr
