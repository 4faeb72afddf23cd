"""`kb import` and the stance of each appearance (issue 19): `stance`, `speaker`,
`speaker_stance` and `reporting` reach `ASSERTS`; `mode`, their older spelling,
still reads; a report without its speaker, or a stance contradicting the mode,
is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.config import CYPHER_DIR
from kb.db import Store, records
from kb.services.annotation import AnnotationError, apply_import, plan_import

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "stance"


def _cypher_copy(tmp_path: Path) -> Path:
    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    return cypher_dir


def test_stances_reach_the_graph(seeded_store: Store, tmp_path: Path) -> None:
    cypher_dir = _cypher_copy(tmp_path)
    plan = plan_import(seeded_store, FIXTURES / "wire_stances.yaml", cypher_dir)
    apply_import(seeded_store, plan, cypher_dir)
    rows = seeded_store.read(
        records,
        "MATCH (:Source {id: 'fixture-stances'})-[a:ASSERTS]->(c:Claim) "
        "RETURN c.id AS claim, a.stance AS stance, a.speaker AS speaker, "
        "a.speaker_stance AS speaker_stance, a.reporting AS reporting ORDER BY a.start",
    )
    assert [tuple(row.values()) for row in rows] == [
        ("c-second-phase-stopped", "reports", "hamas", "asserts", "said"),
        (
            "c-second-phase-deliberately-stopped",
            "reports",
            "united-states",
            "rejects",
            "rejected the view that",
        ),
        ("c-second-phase-deliberately-stopped", "rejects", None, None, None),
    ]


def test_a_report_names_its_speaker_and_agrees_with_its_mode(
    seeded_store: Store, tmp_path: Path
) -> None:
    path = FIXTURES / "reports_without_speaker.yaml"
    with pytest.raises(AnnotationError) as raised:
        plan_import(seeded_store, path, _cypher_copy(tmp_path))
    lines = "\n".join(str(problem) for problem in raised.value.problems)
    assert "stance 'reports' contradicts mode 'asserts'" in lines
    assert "a `reports` stance names its speaker" in lines


def test_every_seeded_appearance_has_a_stance_and_no_mode(seeded_store: Store) -> None:
    rows = seeded_store.read(
        records,
        "MATCH (:Source)-[a:ASSERTS]->() "
        "RETURN a.stance AS stance, count(*) AS n, count(a.mode) AS modes ORDER BY stance",
    )
    counts = {row["stance"]: row["n"] for row in rows}
    assert set(counts) == {"asserts", "presupposes", "rejects", "reports"}
    assert counts["rejects"] == 13  # seed V005's rejected-view spans
    assert counts["reports"] == 6  # the article's revision 3: five statements, six quotes
    assert all(row["modes"] == 0 for row in rows)
