"""The rate limiter's memory storage counts as `limits`' does, sweeps expired counters
inline, and starts no thread per count (api/limit_storage.py)."""

from __future__ import annotations

import threading

from limits import RateLimitItemPerSecond
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from api.limit_storage import SweptMemoryStorage, storage_uri


def test_memory_uri_means_the_swept_storage_and_others_are_untouched() -> None:
    assert isinstance(storage_from_string(storage_uri("memory://")), SweptMemoryStorage)
    assert storage_uri("redis://host:6379") == "redis://host:6379"


def test_counts_limit_and_start_no_thread() -> None:
    storage = SweptMemoryStorage()
    storage.timer.join()  # the one timer the parent starts on creation
    threads = threading.active_count()
    limiter = FixedWindowRateLimiter(storage)
    limit = RateLimitItemPerSecond(100, 3600)
    allowed = [limiter.hit(limit, "caller") for _ in range(150)]
    assert allowed.count(True) == 100
    assert threading.active_count() == threads


def test_expired_counters_are_swept_inline() -> None:
    storage = SweptMemoryStorage()
    storage.incr("gone", expiry=0)
    assert "gone" in storage.storage
    storage._next_sweep = 0.0  # the second is over
    storage.incr("other", expiry=60)
    assert "gone" not in storage.storage
    assert storage.get("other") == 1
