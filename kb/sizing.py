"""How much memory the local Neo4j gets: heap, page cache and transaction memory.

Each of the three is either given (`kb db start --heap 2g`, or `KB_NEO4J_HEAP`,
`KB_NEO4J_PAGECACHE`, `KB_NEO4J_TX_MEMORY`) or derived from the machine's RAM and
the size of the store on disk, so a fresh dev database starts small and a
million-claim store gets a page cache that holds it. The rules follow Neo4j's
own advice (page cache ~ store size plus growth, heap for query working memory,
transaction memory a share of the heap) within half of the machine's RAM, since
the API workers and the OS need the rest; docs/scaling.md has the sizing table.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from kb.errors import ConfigError

MB = 1024 * 1024
GB = 1024 * MB
_UNITS = {"k": 1024, "m": MB, "g": GB, "t": 1024 * GB}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt])i?b?\s*$", re.IGNORECASE)

MIN_HEAP = 512 * MB
MIN_PAGECACHE = 256 * MB
MIN_TX_MEMORY = 256 * MB
# Compressed object pointers end just below 32 GB; Neo4j advises staying under it.
MAX_HEAP = 31 * GB


def parse_size(text: str, what: str = "size") -> int:
    """Bytes of a size written as Neo4j and the JVM write them: `512m`, `2g`, `1.5G`."""
    match = _SIZE.match(text)
    if match is None:
        raise ConfigError(f"{what} must be a size such as 512m or 2g, got {text!r}")
    value = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if value < 16 * MB:
        raise ConfigError(f"{what} must be at least 16m, got {text!r}")
    return value


def format_size(size: int) -> str:
    """`size` in whole megabytes (or gigabytes when exact), as the JVM and Neo4j read it."""
    megabytes = max(1, size // MB)
    return f"{megabytes // 1024}g" if megabytes % 1024 == 0 else f"{megabytes}m"


@dataclass(frozen=True)
class Memory:
    """Bytes for the JVM heap, the page cache and all transactions together."""

    heap: int
    pagecache: int
    tx_memory: int

    def describe(self) -> str:
        return (
            f"heap {format_size(self.heap)}, page cache {format_size(self.pagecache)}, "
            f"transaction memory {format_size(self.tx_memory)}"
        )


@dataclass(frozen=True)
class MemoryRequest:
    """What the user asked for; None means derive it."""

    heap: str | None = None
    pagecache: str | None = None
    tx_memory: str | None = None

    @classmethod
    def from_env(cls) -> MemoryRequest:
        env = os.environ
        return cls(
            heap=env.get("KB_NEO4J_HEAP") or None,
            pagecache=env.get("KB_NEO4J_PAGECACHE") or None,
            tx_memory=env.get("KB_NEO4J_TX_MEMORY") or None,
        )

    def overridden(self, heap: str | None, pagecache: str | None, tx: str | None) -> MemoryRequest:
        """These settings with the command line's values, where given, taking precedence."""
        return MemoryRequest(heap or self.heap, pagecache or self.pagecache, tx or self.tx_memory)


def machine_ram() -> int:
    """Physical memory in bytes (8 GB if the platform does not say)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 8 * GB


def store_size(data_dir: Path) -> int:
    """Bytes of the database files under `data_dir/databases` (0 before the first start)."""
    total = 0
    for path in (data_dir / "databases").rglob("*"):
        try:
            if path.is_file():
                total += path.stat().st_size
        except OSError:  # a file Neo4j removed while we looked
            continue
    return total


def derive(request: MemoryRequest, ram: int, store: int) -> Memory:
    """Fill what `request` leaves open from `ram` and `store` (bytes); check the sum fits.

    Page cache: the store plus 20% growth and 128 MB, at least 256 MB; heap: 512 MB plus a
    quarter of the store (large result pages, walks and the derived-status updates run
    there); transaction memory: 70% of the heap (Neo4j's own default share). Derived values
    stay within half of `ram`: the other half is for the OS, its file cache and the API.
    """
    budget = ram // 2
    pagecache = (
        parse_size(request.pagecache, "page cache")
        if request.pagecache
        else _clamp(int(store * 1.2) + 128 * MB, MIN_PAGECACHE, max(MIN_PAGECACHE, budget // 2))
    )
    heap = (
        parse_size(request.heap, "heap")
        if request.heap
        else _clamp(MIN_HEAP + store // 4, MIN_HEAP, max(MIN_HEAP, min(MAX_HEAP, budget // 2)))
    )
    tx_memory = (
        parse_size(request.tx_memory, "transaction memory")
        if request.tx_memory
        else max(MIN_TX_MEMORY, int(heap * 0.7))
    )
    if tx_memory > heap:
        raise ConfigError(
            f"transaction memory ({format_size(tx_memory)}) cannot exceed the heap "
            f"({format_size(heap)}): transactions live on the heap"
        )
    if heap + pagecache > ram:
        raise ConfigError(
            f"heap ({format_size(heap)}) plus page cache ({format_size(pagecache)}) exceed "
            f"this machine's RAM ({format_size(ram)})"
        )
    return Memory(heap=heap, pagecache=pagecache, tx_memory=tx_memory)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high)) // MB * MB
