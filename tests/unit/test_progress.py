"""Progress on stderr: a bar on a terminal, plain lines when piped or in CI."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from kb.cli.progress import CountingReader, CountingWriter, Task, interactive


def console(terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=100), out


def test_piped_output_is_a_few_plain_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    plain, out = console(terminal=False)
    assert not interactive(plain)
    with Task("exporting aif", unit="bytes", console=plain) as task:
        chunks = list(task.track([b"ab", b"cde"], size=len))
        task.phase("relationships")
    assert chunks == [b"ab", b"cde"]
    lines = out.getvalue().splitlines()
    assert lines[0] == "exporting aif: relationships"
    assert lines[1].startswith("exporting aif: done (5 bytes) in ")
    assert len(lines) == 2
    assert "\x1b" not in out.getvalue()  # no terminal control codes in a log


def test_a_terminal_gets_a_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    terminal, out = console(terminal=True)
    assert interactive(terminal)
    with Task("restoring", total=10, unit="bytes", console=terminal) as task:
        task.advance(4)
        assert task._progress is not None
        task._progress.refresh()
    text = out.getvalue()
    assert "restoring" in text and "\x1b[" in text  # drawn with control codes
    assert "done" not in text  # the bar goes away; no log line


def test_ci_is_line_oriented_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    terminal, out = console(terminal=True)
    assert not interactive(terminal)
    with Task("recomputing", console=terminal):
        pass
    assert out.getvalue().splitlines()[0].startswith("recomputing: done in ")


def test_an_error_prints_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The error stays the one line a user reads."""
    monkeypatch.delenv("CI", raising=False)
    plain, out = console(terminal=False)
    with pytest.raises(ValueError), Task("backing up", console=plain):
        raise ValueError("boom")
    assert out.getvalue() == ""


def test_counting_files_advance_the_task() -> None:
    plain, _out = console(terminal=False)
    with Task("copying", console=plain) as reading:
        lines = list(CountingReader(io.StringIO("a\nbé\n"), reading))
    assert lines == ["a\n", "bé\n"] and reading.completed == 6  # bytes, UTF-8
    target = io.StringIO()
    with Task("writing", console=plain) as writing:
        writer = CountingWriter(target, writing)
        writer.write("x\ny\n")
        writer.write("z")
    assert target.getvalue() == "x\ny\nz" and writing.completed == 2
