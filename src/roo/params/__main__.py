"""Print the parameter table, or rewrite it inside a Markdown file: ``python -m roo.params [docs/parameters.md]``.

The table sits between the lines ``<!-- parameters:begin -->`` and
``<!-- parameters:end -->``; everything else in the file is left alone.
A test fails when docs/parameters.md is stale, and this is how to refresh it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import markdown_table

BEGIN = "<!-- parameters:begin -->"
END = "<!-- parameters:end -->"


def with_table(document: str) -> str:
    """``document`` with the text between the markers replaced by the current table.

    Raises:
        ValueError: the markers are missing or out of order.
    """
    head, begin, rest = document.partition(BEGIN)
    _, end, tail = rest.partition(END)
    if not begin or not end:
        raise ValueError(f"the document needs the lines {BEGIN!r} and {END!r} around the table")
    return f"{head}{BEGIN}\n{markdown_table()}{END}{tail}"


def main(argv: list[str]) -> int:
    """Entry point: no argument prints the table; a path rewrites the table in that file."""
    if not argv:
        sys.stdout.write(markdown_table())
        return 0
    path = Path(argv[0])
    path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through main()
    raise SystemExit(main(sys.argv[1:]))
