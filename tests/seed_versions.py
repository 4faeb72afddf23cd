"""The version number `kb import` gives its next script, so tests do not hard-code it.

Landed scripts grow over time (a source's revision is a new script), and a test that
spells `V008` breaks each time one lands.
"""

from __future__ import annotations

from pathlib import Path

from kb.config import PROJECT_ROOT


def next_seed_version(offset: int = 0, seed_dir: Path | None = None) -> str:
    """`V` and three digits: one past the highest landed script, plus `offset`."""
    directory = seed_dir or PROJECT_ROOT / "cypher" / "seed"
    highest = max(int(path.name[1:4]) for path in directory.glob("V[0-9][0-9][0-9]__*.cypher"))
    return f"V{highest + 1 + offset:03d}"
