"""The shipped examples (examples/goods, examples/psr) and the ``roo determine`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import roo
from roo.cli import main
from roo.origin import determine, load_psr

ROOT = Path(__file__).resolve().parents[2]
GOODS = ROOT / "examples" / "goods"
PSR = {"AJCEP": ROOT / "examples" / "psr" / "ajcep_example.json", "JIEPA": ROOT / "examples" / "psr" / "jiepa_example.json"}

#: file -> (originating, box 8, satisfied, rvc_percent)
EXPECTED = {
    "footwear_vn_ajcep.json": (True, "RVC", ["RVC"], "65.00"),
    "biscuits_th_de_minimis.json": (True, "CTH, DMI", ["CTH"], "35.00"),
    "refined_palm_oil_id.json": (True, "RVC", ["RVC", "CC"], "99.78"),
    "steel_structures_th_japanese_inputs.json": (True, "CTH, ACU", ["RVC", "CTH"], "95.00"),
    "wire_harness_id_jiepa.json": (True, "PSR, ACU", ["RVC", "CTH"], "80.00"),
}


def test_every_example_is_listed() -> None:
    """Each example good has an expected result here."""
    assert sorted(EXPECTED) == sorted(p.name for p in GOODS.glob("*.json"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example(name: str) -> None:
    """Each example good gives its documented determination with its scheme's example table."""
    data = json.loads((GOODS / name).read_text(encoding="utf-8"))
    good = roo.load_good(data)
    result = determine(good, load_psr(PSR[data["scheme"]])).to_dict()
    assert EXPECTED[name] == (result["originating"], result["box8"], result["satisfied"], result["rvc_percent"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_json(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``roo determine FILE --psr TABLE --format json`` prints Determination.to_dict() and exits 0 when originating."""
    path = GOODS / name
    scheme = json.loads(path.read_text(encoding="utf-8"))["scheme"]
    code = main(["determine", str(path), "--psr", str(PSR[scheme]), "--format", "json"])
    output = json.loads(capsys.readouterr().out)
    assert (0, "roo.determination/1", EXPECTED[name][1]) == (code, output["format"], output["box8"])


def test_cli_text(capsys: pytest.CaptureFixture[str]) -> None:
    """The text report names the result and the recommended box 8."""
    code = main(["determine", str(GOODS / "biscuits_th_de_minimis.json")])
    out = capsys.readouterr().out
    assert (0, True, True) == (code, "Result:    originating" in out, "Box 8:     CTH, DMI" in out)


def test_cli_not_originating_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A good that does not originate (or cannot be told) exits 1."""
    data = json.loads((GOODS / "biscuits_th_de_minimis.json").read_text(encoding="utf-8"))
    data["materials"][2]["value"]["amount"] = "10.01"
    path = tmp_path / "good.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert 1 == main(["determine", str(path)])
    assert "NOT originating" in capsys.readouterr().out


def test_cli_on_date(capsys: pytest.CaptureFixture[str]) -> None:
    """``--on`` sets the date whose parameters apply: before AJCEP entered into force for Thailand, no origin."""
    code = main(["determine", str(GOODS / "biscuits_th_de_minimis.json"), "--on", "2009-05-31", "--format", "json"])
    output = json.loads(capsys.readouterr().out)
    assert (1, False, "2009-05-31") == (code, output["originating"], output["on"])


def test_cli_invalid_good_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Malformed inputs exit 2, listing every problem of every file with its path."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"scheme": "AJCEP", "exporting_party": "TH", "hs_code": "1905"}), encoding="utf-8")
    psr = tmp_path / "psr.json"
    psr.write_text(json.dumps({"format": "roo.psr/1", "scheme": "AJCEP", "rows": [{"hs": "1905", "rule": "CTX"}]}),
                   encoding="utf-8")
    code = main(["determine", str(good), "--psr", str(psr)])
    err = capsys.readouterr().err
    assert (2, True, True) == (code, "hs_code: the good's HS code is a six-digit subheading" in err, "rows[0].rule" in err)


def test_cli_table_not_an_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A table file that is not a JSON object is refused."""
    psr = tmp_path / "psr.json"
    psr.write_text("[]", encoding="utf-8")
    assert 2 == main(["determine", str(GOODS / "biscuits_th_de_minimis.json"), "--psr", str(psr)])
    assert "expected a JSON object" in capsys.readouterr().err


def test_cli_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    """A file that cannot be read exits 2."""
    assert 2 == main(["determine", str(GOODS / "no_such_good.json")])
    assert "unreadable" in capsys.readouterr().err


def test_cli_both_from_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    """The good and the table cannot both come from standard input."""
    assert 2 == main(["determine", "-", "--psr", "-"])
    assert "standard input" in capsys.readouterr().err
