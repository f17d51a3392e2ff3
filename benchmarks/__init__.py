"""Benchmarks of roo against a pydantic v2 reference (run with ``pytest benchmarks``; not part of the test suite)."""
