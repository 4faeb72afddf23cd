"""Where an endpoint that misses a target spends its time: py-spy on this process.

py-spy samples every thread (the API runs database calls on the store's pool),
so the top frames include the service and driver work, not only the waiting
request thread. Idle frames (threads blocked on a socket or a lock) are left
out: the figures are shares of CPU samples.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

# py-spy names a file by its path below the sys.path entry it came from: "(kb/db.py:12)".
OUR_CODE = ("(kb/", "(api/", "/kb/", "/api/")


def _py_spy() -> str | None:
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.exists() else shutil.which("py-spy")


def profile(call: Callable[[], Any], seconds: float = 8.0, top: int = 8) -> dict[str, Any]:
    """Run `call` repeatedly for `seconds` under py-spy; the top frames by inclusive share."""
    tool = _py_spy()
    if tool is None:
        return {"error": "py-spy is not installed (pip install -e '.[bench]')"}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "stacks.txt"
        cmd = [
            tool,
            "record",
            "--pid",
            str(os.getpid()),
            "--duration",
            str(int(seconds)),
            "--rate",
            "200",
            "--format",
            "raw",
            "--output",
            str(out),
        ]
        spy = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(1.0)  # attached
        calls = 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and spy.poll() is None:
            call()
            calls += 1
        _, err = spy.communicate(timeout=seconds + 30)
        if not out.exists():
            return {"error": f"py-spy failed: {err.decode(errors='replace').strip()[:200]}"}
        return {"calls": calls, **summarise(out.read_text(), top)}


def summarise(collapsed: str, top: int) -> dict[str, Any]:
    """Inclusive shares of our own frames and self shares of any frame, from collapsed
    stacks (`frame;frame;frame count` per line)."""
    inclusive: Counter[str] = Counter()
    leaf: Counter[str] = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [frame.strip() for frame in stack.split(";")]
        if "Thread" in frames[0] and len(frames) == 1:
            continue
        total += count
        leaf[_short(frames[-1])] += count
        for frame in {_short(frame) for frame in frames if any(p in frame for p in OUR_CODE)}:
            inclusive[frame] += count
    if not total:
        return {"samples": 0, "inclusive": [], "self": []}
    return {
        "samples": total,
        "inclusive": [(frame, n / total) for frame, n in inclusive.most_common(top)],
        "self": [(frame, n / total) for frame, n in leaf.most_common(top)],
    }


def _short(frame: str) -> str:
    """`function (path/to/module.py:line)` with the path cut to the project or package."""
    name, _, where = frame.partition(" (")
    where = where.rstrip(")")
    for marker in ("site-packages/", "/kb/", "/api/", "/bench/"):
        if marker in where:
            where = (
                where.split(marker, 1)[1]
                if marker == "site-packages/"
                else (marker.strip("/") + "/" + where.split(marker, 1)[1])
            )
            break
    return f"{name} ({where.rsplit(':', 1)[0]})"
