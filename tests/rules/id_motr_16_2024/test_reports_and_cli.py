"""What a MoTR 16/2024 result means, as reports, notebooks and the CLI show it; ``roo evaluate --safeguards``.

Under MoTR 16/2024 a COO answers whether goods can be excluded from a safeguard
measure (Art 2(3)), not whether they get preferential tariff treatment: the
reports say so in those words.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import roo
from roo.report import html_report
from tests.rules.id_motr_16_2024.helpers import ON, motr

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
TABLE = {
    "format": "roo.safeguard/1",
    "source": "test",
    "measures": [
        {
            "reference": "Illustrative act 1/2024",
            "hs_codes": ["6907.21"],
            "excluded_countries": ["TH"],
            "effective_from": "2024-08-01",
        }
    ],
}


def test_notebook_view_names_the_safeguard_exclusion() -> None:
    """The notebook table heads its verdict column "Safeguard exclusion", with "can apply", not "Preference"."""
    page = roo.evaluate(motr(), on=ON)._repr_html_()
    assert (True, True, False) == ("Safeguard exclusion" in page, "can apply" in page, "Preference" in page)


def test_html_report_says_whether_the_exclusion_can_apply() -> None:
    """The full report's summary and verdict box speak of the safeguard exclusion, never of preferential
    treatment."""
    co = motr()
    page = html_report(co, roo.evaluate(co, on=ON))
    assert ("safeguard exclusion can apply to 1 of 1 item" in page, "Preferential treatment" in page) == (True, False)


def test_preferential_schemes_keep_their_words() -> None:
    """An AJCEP report still speaks of preference."""
    case = json.loads((EXAMPLES / "clean_ajcep_id_jp.json").read_text("utf-8"))
    page = roo.evaluate(roo.load(case.get("certificate", case)))._repr_html_()
    assert ("Preference" in page, "Safeguard exclusion" in page) == (True, False)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``roo evaluate`` with arguments."""
    return subprocess.run(
        [sys.executable, "-m", "roo", "evaluate", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
        check=False,
    )


def test_cli_safeguards_option_supplies_the_table(tmp_path: Path) -> None:
    """``--safeguards FILE`` gives the measures: tiles from Viet Nam under a measure excluding only Thailand are
    denied, and the text report says what that means."""
    table = tmp_path / "safeguards.json"
    table.write_text(json.dumps(TABLE), encoding="utf-8")
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"certificate": roo.dump(motr()), "context": {"on": ON.isoformat()}}), encoding="utf-8")
    result = run(str(case), "--safeguards", str(table))
    assert (1, "motr-country-not-excluded" in result.stdout, "safeguard exclusion can apply to 0 of 1 item") == (
        result.returncode,
        True,
        result.stdout.splitlines()[1].split("(")[1].rstrip(")"),
    )


def test_cli_bad_safeguards_file_is_an_input_error(tmp_path: Path) -> None:
    """A malformed table is refused with exit code 2 and the path of the fault, never a traceback."""
    table = tmp_path / "safeguards.json"
    table.write_text(json.dumps({**TABLE, "measures": [{**TABLE["measures"][0], "hs_codes": ["69x"]}]}), "utf-8")
    result = run(str(EXAMPLES / "motr_ceramic_tiles_vn_id.json"), "--safeguards", str(table))
    assert (2, True, False) == (result.returncode, "measures[0]" in result.stderr, "Traceback" in result.stderr)
