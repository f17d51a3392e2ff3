"""The files here are checked by mypy (``mypy src tests/typing``), never run by pytest."""

collect_ignore_glob = ["test_*.py"]
