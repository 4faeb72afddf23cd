"""The graph's generation: a token every write replaces, shared by every process here.

The API caches read answers keyed by URL and generation (`api.response_cache`):
an answer cached under one generation is never served once the token has
changed. `kb.db.Store` replaces the token after every write transaction and
schema statement (committed, failed or unknown alike), and `kb.localdb` when it
starts or stops the local server, so every write the project makes, from any
worker or command on this machine, invalidates every worker's cache.

The token is 16 random bytes in a small file (`KB_GENERATION_FILE`, default
`.local/graph-generation`) read with one `pread` per request: no lock, no
read-modify-write race (a new random token differs from every earlier one), and
a torn read is merely a token no cache holds. Writes that bypass the project
(cypher-shell, a `kb` on another host) are not seen; the cache's maximum age
(`KB_RESPONSE_CACHE_SECONDS`) bounds what they can leave stale.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from kb.config import LOCAL_DIR

GENERATION_FILE_ENV = "KB_GENERATION_FILE"
TOKEN_BYTES = 16

_lock = threading.Lock()
_descriptors: dict[Path, int] = {}


def generation_file() -> Path:
    raw = os.environ.get(GENERATION_FILE_ENV, "")
    return Path(raw) if raw else LOCAL_DIR / "graph-generation"


def _descriptor(path: Path) -> int | None:
    """The open file behind `path` (created with a first token), or None if it cannot be.

    Reopened when the path no longer names the file held open (deleted, replaced), so
    every process reads and writes the same file."""
    with _lock:
        fd = _descriptors.get(path)
        if fd is not None:
            try:
                if os.stat(path).st_ino == os.fstat(fd).st_ino:
                    return fd
            except OSError:
                pass
            os.close(fd)
            del _descriptors[path]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            if os.fstat(fd).st_size < TOKEN_BYTES:
                os.pwrite(fd, os.urandom(TOKEN_BYTES), 0)
        except OSError:
            return None
        _descriptors[path] = fd
        return fd


def current() -> bytes | None:
    """The current token, or None when there is no generation file (then nothing caches)."""
    fd = _descriptor(generation_file())
    if fd is None:
        return None
    try:
        token = os.pread(fd, TOKEN_BYTES, 0)
    except OSError:
        return None
    return token if len(token) == TOKEN_BYTES else None


def bump() -> None:
    """Replace the token: every answer cached under an earlier one is stale from now on."""
    fd = _descriptor(generation_file())
    if fd is not None:
        try:
            os.pwrite(fd, os.urandom(TOKEN_BYTES), 0)
        except OSError:
            pass
