"""Benchmarks, run on demand (`make bench`); figures go to docs/benchmarks/benchmarks.md."""
