"""Progress of long commands on stderr: a bar on a terminal, a few plain lines elsewhere.

`kb export`, `backup`, `restore`, `recompute`, `import --apply`, `bulk-load`
and `bench` run for minutes on a large graph. On a terminal they show a rich
progress bar (removed when done); piped, redirected or in CI (`CI` set) the
same work prints one line per phase and one when it ends (nothing when it
fails: the error is the one line), so logs stay readable and stdout (an
export, a backup) stays clean.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import IO, Any, TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

T = TypeVar("T")
COLUMNS: tuple[ProgressColumn, ...] = (
    SpinnerColumn(),
    TextColumn("{task.description}"),
    BarColumn(),
    MofNCompleteColumn(),
    TimeElapsedColumn(),
)


def stderr_console() -> Console:
    return Console(stderr=True)


def interactive(console: Console) -> bool:
    """Whether to draw bars: the console is a terminal and this is not a CI run."""
    return console.is_terminal and not os.environ.get("CI")


def progress_bar(console: Console, *columns: ProgressColumn) -> Progress:
    """A rich `Progress` that draws only when `interactive` (for commands that keep
    several bars, like bulk-load); print phase lines with `Task` where it does not."""
    return Progress(
        *(columns or COLUMNS), console=console, transient=True, disable=not interactive(console)
    )


class Task:
    """One piece of long work: `with Task("exporting", total=n) as task: task.advance()`."""

    def __init__(
        self,
        description: str,
        total: float | None = None,
        unit: str = "",
        console: Console | None = None,
    ) -> None:
        self.description = description
        self.total = total
        self.unit = unit
        self.console = console or stderr_console()
        self.completed = 0.0
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._started = 0.0

    def __enter__(self) -> Task:
        self._started = time.monotonic()
        if interactive(self.console):
            self._progress = progress_bar(self.console)
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=self.total)
        return self

    def advance(self, amount: float = 1) -> None:
        self.completed += amount
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, amount)

    def phase(self, description: str) -> None:
        """A new stage of the work: the bar's text changes; elsewhere, a line."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=f"{self.description}: {description}")
        else:
            self._line(f"{self.description}: {description}")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
        elif kind is None:
            amount = f" ({self.completed:,.0f} {self.unit})" if self.unit else ""
            seconds = time.monotonic() - self._started
            self._line(f"{self.description}: done{amount} in {seconds:.1f} s")

    def _line(self, text: str) -> None:
        self.console.print(text, highlight=False, markup=False, soft_wrap=True)

    def track(self, items: Iterable[T], size: Callable[[T], float] | None = None) -> Iterator[T]:
        """Yield `items`, advancing by one (or by `size(item)`, e.g. bytes) for each."""
        for item in items:
            yield item
            self.advance(size(item) if size else 1)


class CountingReader:
    """A text file whose reads advance a `Task` by the characters read (restore)."""

    def __init__(self, source: IO[str], task: Task) -> None:
        self._source = source
        self._task = task

    def read(self, size: int = -1) -> str:
        return self._counted(self._source.read(size))

    def readline(self, size: int = -1) -> str:
        return self._counted(self._source.readline(size))

    def __iter__(self) -> Iterator[str]:
        for line in self._source:
            yield self._counted(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._source, name)

    def _counted(self, text: str) -> str:
        self._task.advance(len(text.encode("utf-8")))
        return text


class CountingWriter:
    """A text file whose writes advance a `Task` by the lines written (backup)."""

    def __init__(self, target: IO[str], task: Task) -> None:
        self._target = target
        self._task = task

    def write(self, text: str) -> int:
        self._task.advance(text.count("\n"))
        return self._target.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)
