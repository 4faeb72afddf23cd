"""The export's read-ahead: every page of every read in order, errors raised in the
caller, a dropped reader stopped, the switch interval put back."""

from __future__ import annotations

import sys
import time

import pytest

from kb.services import read_ahead
from kb.services.read_ahead import PagedRead, ReadAhead, Rows

PAGE = 3


def numbered(prefix: str, count: int, calls: list[str] | None = None) -> PagedRead:
    """A read of `count` rows with ids prefix-000..., paged after the last id."""
    ids = [f"{prefix}-{i:03d}" for i in range(count)]

    def page_after(after: str) -> Rows:
        if calls is not None:
            calls.append(after)
        return [{"id": key} for key in ids if key > after][:PAGE]

    return PagedRead(page_after, "id")


def ids_of(pages: list[Rows]) -> list[str]:
    return [row["id"] for rows in pages for row in rows]


@pytest.mark.parametrize("counts", [(0,), (3,), (7, 0, 6), (0, 0), (1, 9, 2)])
def test_each_read_gives_all_its_rows_in_order(counts: tuple[int, ...]) -> None:
    reads = [numbered(f"r{n}", count) for n, count in enumerate(counts)]
    groups = [list(pages) for pages in ReadAhead(reads, PAGE).per_read()]
    assert len(groups) == len(counts)
    for n, (pages, count) in enumerate(zip(groups, counts, strict=True)):
        assert ids_of(pages) == [f"r{n}-{i:03d}" for i in range(count)]
        assert all(pages), "empty pages are left out"


def test_a_read_left_half_done_is_skipped_for_the_next() -> None:
    groups = ReadAhead([numbered("a", 9), numbered("b", 4)], PAGE).per_read()
    first = next(groups)
    assert ids_of([next(first)]) == ["a-000", "a-001", "a-002"]
    assert ids_of(list(next(groups))) == [f"b-{i:03d}" for i in range(4)]


def test_an_error_in_the_reader_is_raised_in_the_caller() -> None:
    def failing(after: str) -> Rows:
        if after:
            raise RuntimeError("the database went away")
        return [{"id": "x"}] * PAGE

    pairs = iter(ReadAhead([PagedRead(failing, "id")], PAGE))
    assert next(pairs)[0] == 0
    with pytest.raises(RuntimeError, match="went away"):
        next(pairs)


def test_a_dropped_reader_stops_reading() -> None:
    calls: list[str] = []
    reader = ReadAhead([numbered("a", 10_000, calls)], PAGE)
    deadline = time.monotonic() + 5
    while len(calls) <= read_ahead.DEPTH and time.monotonic() < deadline:
        time.sleep(0.01)
    thread = reader._thread
    del reader
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert len(calls) < 10, "it read on although nobody took the pages"


def test_the_switch_interval_is_short_while_reading_and_restored_after() -> None:
    before = sys.getswitchinterval()
    seen: list[float] = []

    def page_after(after: str) -> Rows:
        seen.append(sys.getswitchinterval())
        return []

    assert list(ReadAhead([PagedRead(page_after, "id")], PAGE)) == []
    assert seen == [min(before, read_ahead.SWITCH_INTERVAL_SECONDS)]
    assert sys.getswitchinterval() == before
