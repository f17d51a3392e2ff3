"""docs/parameters.md carries the current parameter table."""

from __future__ import annotations

from pathlib import Path

import pytest

from roo import params
from roo.params.__main__ import BEGIN, END, main, with_table

DOC = Path(__file__).resolve().parents[2] / "docs" / "parameters.md"


def test_docs_table_is_current() -> None:
    """The table in docs/parameters.md equals markdown_table(); refresh with `python -m roo.params docs/parameters.md`."""
    document = DOC.read_text(encoding="utf-8")
    assert with_table(document) == document, "docs/parameters.md is stale: run `python -m roo.params docs/parameters.md`"


def test_table_lists_every_parameter_once() -> None:
    """Each parameter has exactly one row, with its citation and verification flag."""
    table = params.markdown_table()
    for parameter in params.catalogue():
        rows = [line for line in table.splitlines() if line.startswith(f"| `{parameter.name}`<br>")]
        assert 1 == len(rows), parameter.name
        assert parameter.reference in rows[0]
        assert ("| **no** |" in rows[0]) == (not parameter.verified or not all(v.verified for v in parameter.values))


def test_table_shows_each_dated_value() -> None:
    """A parameter that changed shows every value with its date."""
    table = params.markdown_table()
    (row,) = [line for line in table.splitlines() if line.startswith("| `jiepa.psr.hs_version`")]
    assert "HS2002 from 2008-07-01<br>HS2017 from 2024-02-05" in row


def test_table_shows_an_ended_parameter_and_escapes_pipes() -> None:
    """An ending entry reads 'ended'; a pipe in a note does not break the table."""
    (parameter,) = params.parse(
        """
[[parameter]]
name = "test.flag"
description = "A | flag"
type = "bool"
reference = "AJCEP/IR/7"
verified = true
[[parameter.values]]
effective_from = 2008-12-01
value = true
[[parameter.values]]
effective_from = 2020-01-01
ended = true
""",
        "flag.toml",
    )
    (_, _, row) = params.markdown_table((parameter,)).splitlines()
    assert "| `test.flag`<br>A \\| flag | bool | true from 2008-12-01<br>ended from 2020-01-01 | AJCEP/IR/7 | yes |  |" == row


def test_with_table_needs_the_markers() -> None:
    """Rewriting a document without the markers is refused with a clear message."""
    with pytest.raises(ValueError, match="parameters:begin"):
        with_table("# no markers\n")


def test_main_prints_or_rewrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m roo.params` prints the table; with a path it rewrites the table between the markers."""
    assert 0 == main([])
    assert params.markdown_table() == capsys.readouterr().out
    target = tmp_path / "doc.md"
    target.write_text(f"intro\n{BEGIN}\nold\n{END}\noutro\n", encoding="utf-8")
    assert 0 == main([str(target)])
    assert f"intro\n{BEGIN}\n{params.markdown_table()}{END}\noutro\n" == target.read_text(encoding="utf-8")
