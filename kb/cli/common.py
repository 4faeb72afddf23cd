"""What the `kb` commands share: a connected store, the `--cypher-dir` option, the console."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from kb.config import CYPHER_DIR, Settings
from kb.db import Store

console = Console()
F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def connected() -> Iterator[Store]:
    """A verified store for the configured database, closed afterwards."""
    store = Store.connect(Settings.from_env())
    try:
        store.verify()
        yield store
    finally:
        store.close()


def cypher_dir_option(help_text: str) -> Callable[[F], F]:
    """`--cypher-dir`: the folder of schema/ and seed/ scripts (default: the project's)."""
    return click.option(
        "--cypher-dir",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        default=CYPHER_DIR,
        show_default=True,
        help=help_text,
    )
