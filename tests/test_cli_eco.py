"""``roo eco``: NACCS access keys, e-CO / data copy comparison and digest, through a real process."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import roo
from roo import eco

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASE = EXAMPLES / "jiepa_eco_id_jp.json"
DATA_COPY = EXAMPLES / "eco" / "jiepa_eco_id_jp_data_copy.json"


def roo_process(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m roo ARGS`` in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "roo", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
        check=False,
    )


def case() -> dict[str, Any]:
    """The JIEPA e-CO example (a case with the copy of the e-CO data in its context)."""
    data: dict[str, Any] = json.loads(CASE.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, name: str, data: Any) -> str:
    """Write ``data`` as JSON under ``tmp_path`` and return the path."""
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


# --- roo eco keys ---------------------------------------------------------------------------------------------


def test_keys_text() -> None:
    """The certification number and the first item's invoice number, one per line."""
    result = roo_process("eco", "keys", str(CASE))
    expected = (0, "certification number: 0004127/IJEPA/SBY/2023\nfirst invoice number: BMS/EXP/2305/0218\n", "")
    assert expected == (result.returncode, result.stdout, result.stderr)


def test_keys_json_from_standard_input() -> None:
    """``--format json`` from standard input gives the two keys by name."""
    result = roo_process("eco", "keys", "-", "--format", "json", stdin=json.dumps(case()["certificate"]))
    expected = {"certification_number": "0004127/IJEPA/SBY/2023", "first_invoice_number": "BMS/EXP/2305/0218"}
    assert (0, expected) == (result.returncode, json.loads(result.stdout))


def test_keys_missing_is_invalid_input(tmp_path: Path) -> None:
    """A CO without the first item's invoice number has no NACCS keys: exit 2, naming the field."""
    data = case()["certificate"]
    data["items"][0]["invoice"] = None
    result = roo_process("eco", "keys", write(tmp_path, "no-invoice.json", data))
    assert (2, "") == (result.returncode, result.stdout)
    assert "items[0].invoice.number: the first item has no invoice number" in result.stderr


def test_keys_of_malformed_json(tmp_path: Path) -> None:
    """A file that is not JSON: exit 2 with the line and column, no traceback."""
    path = tmp_path / "broken.json"
    path.write_text('{"scheme": "JIEPA",', encoding="utf-8")
    result = roo_process("eco", "keys", str(path))
    assert (2, True, False) == (result.returncode, "not valid JSON" in result.stderr, "Traceback" in result.stderr)


# --- roo eco compare ------------------------------------------------------------------------------------------


def test_compare_with_the_data_copy_file() -> None:
    """The example e-CO and its data copy differ in the exporter's address only: minor, exit 0."""
    result = roo_process("eco", "compare", str(CASE), str(DATA_COPY))
    lines = result.stdout.splitlines()
    assert (0, "1 discrepancy: 0 material, 1 minor") == (result.returncode, lines[0])
    assert lines[1].startswith("minor    exporter.address  e-CO 'Jl. Raya Buduran No. 12")


def test_compare_reads_the_copy_from_the_case() -> None:
    """Without COPY the case's eco_data_copy is compared; the JSON lists each discrepancy."""
    result = roo_process("eco", "compare", str(CASE), "--format", "json")
    data = json.loads(result.stdout)
    expected = (0, "roo.eco.compare/1", 0, 1, ["exporter.address"])
    paths = [d["path"] for d in data["discrepancies"]]
    actual = (result.returncode, data["format"], data["material"], data["minor"], paths)
    assert expected == actual


def test_material_discrepancy_exits_1(tmp_path: Path) -> None:
    """A copy certifying another quantity of item 2 is a material discrepancy: exit 1."""
    tampered = copy.deepcopy(case()["context"]["eco_data_copy"])
    tampered["items"][1]["quantity"]["value"] = "5800"
    result = roo_process("eco", "compare", str(CASE), write(tmp_path, "copy.json", tampered), "--format", "json")
    data = json.loads(result.stdout)
    material = [
        (d["path"], d["item"], d["eco"], d["copy"]) for d in data["discrepancies"] if d["materiality"] == "material"
    ]
    assert (1, [("items[1].quantity.value", 2, "4800", "5800")]) == (result.returncode, material)


def test_identical_copy() -> None:
    """An e-CO compared with itself has no discrepancy."""
    result = roo_process("eco", "compare", str(DATA_COPY), str(DATA_COPY))
    assert (0, "No discrepancy: the e-CO and the copy of its data agree.\n") == (result.returncode, result.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param((str(DATA_COPY),), "give COPY, or a case whose context has eco_data_copy", id="no-copy-anywhere"),
        pytest.param(("-", "-"), "cannot both be read from standard input", id="both-from-standard-input"),
        pytest.param((str(CASE), "missing.json"), "missing.json: unreadable", id="copy-file-missing"),
    ],
)
def test_compare_invalid_input(args: tuple[str, ...], message: str) -> None:
    """Unusable input exits 2 and says why on stderr."""
    result = roo_process("eco", "compare", *args, stdin="{}")
    assert (2, "", True) == (result.returncode, result.stdout, message in result.stderr)


# --- roo eco digest -------------------------------------------------------------------------------------------


def test_digest_text_matches_the_library() -> None:
    """The text output is the hex SHA-256 of the canonical form, then the file name."""
    result = roo_process("eco", "digest", str(DATA_COPY))
    expected = eco.digest(roo.load(json.loads(DATA_COPY.read_text(encoding="utf-8"))))
    assert (0, f"{expected}  {DATA_COPY}\n") == (result.returncode, result.stdout)


def test_digest_of_a_case_is_its_certificates(tmp_path: Path) -> None:
    """A case's digest is its certificate's; any change of one field changes it."""
    certificate_only = write(tmp_path, "certificate.json", case()["certificate"])
    changed = case()["certificate"]
    changed["items"][0]["fob_value"]["amount"] = "118800.01"
    digests = [
        json.loads(roo_process("eco", "digest", path, "--format", "json").stdout)["digest"]
        for path in (str(CASE), certificate_only, write(tmp_path, "changed.json", changed))
    ]
    assert digests[0] == digests[1] != digests[2]


def test_digest_ignores_differences_of_form(tmp_path: Path) -> None:
    """``"118800.00"`` and ``"118800"`` are the same amount: the digest does not change."""
    same = case()["certificate"]
    same["items"][0]["fob_value"]["amount"] = "118800"
    first = roo_process("eco", "digest", str(CASE), "--format", "json").stdout
    second = roo_process("eco", "digest", write(tmp_path, "same.json", same), "--format", "json").stdout
    assert json.loads(first) == json.loads(second)


def test_digest_written_to_a_file(tmp_path: Path) -> None:
    """``-o FILE`` writes the output to the file and nothing to standard output."""
    target = tmp_path / "digest.txt"
    result = roo_process("eco", "digest", str(DATA_COPY), "-o", str(target))
    assert (0, "") == (result.returncode, result.stdout)
    assert target.read_text(encoding="utf-8").endswith(f"  {DATA_COPY}\n")


# --- roo eco itself -------------------------------------------------------------------------------------------


def test_eco_without_a_command_prints_its_help() -> None:
    """``roo eco`` alone prints its usage on stderr and exits 2."""
    result = roo_process("eco")
    assert (2, True) == (result.returncode, "usage: roo eco" in result.stderr)


@pytest.mark.parametrize("command", ["keys", "compare", "digest"])
def test_each_command_documents_its_exit_codes(command: str) -> None:
    """Each command's help lists its formats and its exit codes."""
    result = roo_process("eco", command, "--help")
    text = " ".join(result.stdout.split())
    assert (0, True, True) == (result.returncode, "exit codes:" in text, "{text,json}" in text)
