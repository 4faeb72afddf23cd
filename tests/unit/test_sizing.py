"""Memory sizing of the local server: parsing, derived defaults, refusals."""

from __future__ import annotations

import pytest

from kb.errors import ConfigError
from kb.sizing import GB, MB, MemoryRequest, derive, format_size, parse_size


@pytest.mark.parametrize(
    ("text", "size"),
    [("512m", 512 * MB), ("2g", 2 * GB), ("1.5G", 1536 * MB), ("2048MB", 2 * GB), ("3GiB", 3 * GB)],
)
def test_sizes_read_as_neo4j_and_the_jvm_write_them(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "2", "lots", "-1g", "1x", "8k"])
def test_malformed_or_tiny_sizes_are_refused(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_size(text, "heap")


def test_sizes_print_as_the_jvm_reads_them() -> None:
    assert (format_size(2 * GB), format_size(700 * MB)) == ("2g", "700m")


def test_an_empty_store_gets_the_small_defaults() -> None:
    memory = derive(MemoryRequest(), ram=16 * GB, store=0)
    assert (memory.heap, memory.pagecache) == (512 * MB, 256 * MB)
    assert memory.tx_memory == int(512 * MB * 0.7)


def test_a_large_store_gets_a_page_cache_that_holds_it_within_half_the_ram() -> None:
    grown = derive(MemoryRequest(), ram=32 * GB, store=3 * GB)
    assert grown.pagecache >= 3 * GB and grown.heap > 512 * MB
    capped = derive(MemoryRequest(), ram=8 * GB, store=20 * GB)
    assert capped.pagecache + capped.heap <= 4 * GB


def test_given_sizes_win_and_impossible_ones_are_refused() -> None:
    memory = derive(MemoryRequest(heap="2g", pagecache="1g", tx_memory="512m"), 16 * GB, 0)
    assert (memory.heap, memory.pagecache, memory.tx_memory) == (2 * GB, GB, 512 * MB)
    with pytest.raises(ConfigError, match="cannot exceed the heap"):
        derive(MemoryRequest(heap="1g", tx_memory="2g"), 16 * GB, 0)
    with pytest.raises(ConfigError, match="RAM"):
        derive(MemoryRequest(heap="12g", pagecache="8g"), 16 * GB, 0)


def test_command_line_values_override_the_environment() -> None:
    from_env = MemoryRequest(heap="1g", pagecache="1g")
    assert from_env.overridden("4g", None, "1g") == MemoryRequest("4g", "1g", "1g")
