"""``roo evaluate --hs-table``: a back-to-back CO's converted HS codes checked against a correlation table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.builders import certificate_data, item_data
from tests.test_cli import run, write

TABLE = "new_version,old_version,new_code,old_code\nHS2007,HS2002,030617,030617\n"
ORIGINAL = certificate_data(
    reference_number="TH/2012/0001",
    exporting_party="TH",
    importing_party="SG",
    issue_date="2012-05-02",
    transport={"departure_date": "2012-05-02"},
    items=[item_data(hs_code="030617", hs_version="HS2002")],
)


def case(hs_code: str) -> dict[str, Any]:
    """A back-to-back CO from Singapore to Japan drawing on item 1 of the original, item printed as ``hs_code``."""
    back_to_back = certificate_data(
        reference_number="SG/2012/0042",
        exporting_party="SG",
        importing_party="JP",
        issue_date="2012-05-10",
        transport={"departure_date": "2012-05-10"},
        back_to_back=True,
        original_certificate={"reference_number": "TH/2012/0001", "issue_date": "2012-05-02", "exporting_party": "TH"},
        items=[item_data(hs_code=hs_code, hs_version="HS2007", original_item=1)],
    )
    return {"certificate": back_to_back, "context": {"on": "2012-05-20", "related_certificates": [ORIGINAL]}}


def conversion_findings(output: str) -> list[tuple[str, str, int | None]]:
    """The IR 17(d) conversion findings of a JSON report, as (code, severity, item)."""
    report = json.loads(output)
    return [(f["code"], f["severity"], f["item"]) for f in report["findings"] if f["code"].startswith("hs-conversion")]


@pytest.mark.parametrize(
    ("hs_code", "expected"),
    [
        pytest.param("030617", [], id="the-correlate-is-confirmed"),
        pytest.param("030619", [("hs-conversion-not-correlated", "warning", 1)], id="not-a-correlate-warns"),
    ],
)
def test_table_checks_the_conversion(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, hs_code: str, expected: list[tuple[str, str, int | None]]
) -> None:
    """With --hs-table the converted code is checked; a code that is no correlate is a warning on its item."""
    table = tmp_path / "hs.csv"
    table.write_text(TABLE, encoding="utf-8")
    code, out, err = run(capsys, "evaluate", write(tmp_path, "case.json", case(hs_code)), "--hs-table", str(table), "--format", "json")
    assert (expected, "") == (conversion_findings(out), err)


def test_without_a_table_the_conversion_is_noted_as_not_checked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Without --hs-table roo only notes that it did not check the conversion."""
    _, out, _ = run(capsys, "evaluate", write(tmp_path, "case.json", case("030619")), "--format", "json")
    assert [("hs-conversion-not-verified", "info", 1)] == conversion_findings(out)


def test_the_table_applies_to_every_line_of_a_stream(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--jsonl with --hs-table checks each line's conversion against the one table."""
    table = tmp_path / "hs.csv"
    table.write_text(TABLE, encoding="utf-8")
    stream = tmp_path / "cases.jsonl"
    stream.write_text("\n".join(json.dumps(case(code)) for code in ("030617", "030619")) + "\n", encoding="utf-8")
    _, out, _ = run(capsys, "evaluate", "--jsonl", str(stream), "--hs-table", str(table))
    assert [[], [("hs-conversion-not-correlated", "warning", 1)]] == [conversion_findings(line) for line in out.splitlines()]


@pytest.mark.parametrize(
    ("content", "what"),
    [
        pytest.param("old_code,new_code\n030617,030617\n", "invalid correlation table", id="a-column-missing"),
        pytest.param(None, "unreadable", id="no-such-file"),
    ],
)
def test_a_table_that_cannot_be_used_is_invalid_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, what: str
) -> None:
    """A table that cannot be read or used: exit code 2, the file and the reason on stderr, no traceback."""
    table = tmp_path / "hs.csv"
    if content is not None:
        table.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "evaluate", write(tmp_path, "case.json", case("030617")), "--hs-table", str(table))
    assert (2, "", True, False) == (code, out, what in err and str(table) in err, "Traceback" in err)
