"""The export's formatter process: results in order, errors raised in the caller,
the same bytes as formatting here."""

from __future__ import annotations

import os

import pytest

from kb.export import pages
from kb.schema import SUPPORTS
from kb.services import formatter_process
from kb.services.formatter_process import formatted


def test_results_come_back_in_order_from_another_process() -> None:
    jobs = [(divmod, (n, 7)) for n in range(50)]
    assert list(formatted(jobs)) == [divmod(n, 7) for n in range(50)]
    pids = list(formatted([(os.getpid, ())] * 3))
    assert os.getpid() not in pids


def test_an_error_in_a_job_is_raised_in_the_caller() -> None:
    with pytest.raises(ZeroDivisionError):
        list(formatted([(divmod, (1, 1)), (divmod, (1, 0))]))
    assert list(formatted([(divmod, (9, 4))])) == [(2, 1)], "the worker lives on"


def test_without_a_worker_pages_are_formatted_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formatter_process, "_worker", lambda: None)
    assert list(formatted([(os.getpid, ())])) == [os.getpid()]


def test_a_page_formats_to_the_same_bytes_in_either_process() -> None:
    rows = [
        {"id": "c-1", "props": {"id": "c-1", "text": "Aid & <trucks>", "checkable": True}},
        {"id": "c-2", "props": {"id": "c-2", "text": "غزة", "starts": [1, 2]}},
    ]
    types = {"id": "string", "text": "string", "checkable": "boolean", "starts": "string"}
    rels = [{"anchor_id": "c-1", "rels": [{"start_id": "c-1", "end_id": "c-2", "props": {}}]}]
    jobs = [
        (pages.graphml_nodes, ("Claim", rows, types)),
        (pages.graphml_edges, (SUPPORTS, rels, {}, 7)),
    ]
    there = list(formatted(jobs))
    here = list(formatted(jobs, in_process=True))
    assert there == here
    assert b"Aid &amp; &lt;trucks&gt;" in there[0] and b'id="e7"' in there[1]
