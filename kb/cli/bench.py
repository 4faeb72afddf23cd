"""`kb bench`: the scaling benchmark (`python -m bench`), from the `kb` command."""

from __future__ import annotations

import subprocess
import sys

import click

from kb.config import PROJECT_ROOT
from kb.errors import KbError


@click.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,  # --help is the benchmark's own
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def bench(args: tuple[str, ...]) -> None:
    """Run `python -m bench ARGS` (see `kb bench --help`): 10k-1M-claim graphs,
    loads, reads and HTTP load, written to docs/benchmarks/benchmarks.md.

    It lives in the source tree (bench/), beside the package: run it from a checkout.
    """
    if not (PROJECT_ROOT / "bench" / "__main__.py").exists():
        raise KbError(f"no bench/ beside {PROJECT_ROOT / 'kb'}: run kb bench from a checkout")
    done = subprocess.run([sys.executable, "-m", "bench", *args], cwd=PROJECT_ROOT)
    sys.exit(done.returncode)
