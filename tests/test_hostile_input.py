"""Hostile input (issue 16): every defect of the adversarial corpus, each the input error it should be.

Text is Unicode or it is refused; values that cannot exist are refused; nothing escapes as a traceback, and
the CLI says in one line when it cannot write. Each test names the reproducer it comes from.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import roo
from roo import codec
from roo._json import JsonTextError, Limits, decode
from roo.cli import main
from roo.cli.evaluate import LineEvaluator, numbered_lines, render, render_markdown
from roo.errors import MAX_PROBLEMS, InvalidCertificate, InvalidContext, Problem
from tests.builders import PRESENTED_ON, certificate_data, complete_case, item_data

#: Every test here runs on both paths of JSON text: roo[fast]'s msgspec reader and the standard one.
pytestmark = pytest.mark.usefixtures("text_reader")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "clean_ajcep_id_jp.json"


def _problems(error: pytest.ExceptionInfo[InvalidCertificate]) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in error.value.problems]


def _case() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def _roo(*args: str, stdin: str | None = None, stdout: Any = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "roo", *args],
        input=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        timeout=900,
        check=False,
    )


# --- 1. Text is Unicode, or it is refused ---------------------------------------------------------------------

#: JSON text of a certificate whose reference number is ``value`` (written with JSON escapes).
def _text_with_reference(escaped: str) -> str:
    text = json.dumps(certificate_data(reference_number="PLACEHOLDER"))
    return text.replace('"PLACEHOLDER"', f'"{escaped}"')


@pytest.mark.parametrize(
    ("escaped", "message"),
    [
        pytest.param("\\ud800", "a lone surrogate (U+D800) at position 0: not text", id="lone high surrogate"),
        pytest.param("AB\\udfff", "a lone surrogate (U+DFFF) at position 2: not text", id="lone low surrogate"),
        pytest.param("A\\u0000", "a control character (U+0000) at position 1: not text", id="NUL"),
        pytest.param("\\u001b[2J", "a control character (U+001B) at position 0: not text", id="terminal escape"),
        pytest.param("A\\u009b", "a control character (U+009B) at position 1: not text", id="C1 control"),
    ],
)
def test_text_that_is_not_unicode_text_is_refused_from_every_reader(escaped: str, message: str, tmp_path: Path) -> None:
    """``"reference_number": "\\ud800"`` is valid JSON but no text: before, it loaded and broke every writer."""
    text = _text_with_reference(escaped)
    expected = [("reference_number", message)]
    with pytest.raises(InvalidCertificate) as from_text:
        roo.loads(text)
    with pytest.raises(InvalidCertificate) as from_bytes:
        roo.loads(text.encode("utf-8", "surrogatepass"))
    with pytest.raises(InvalidCertificate) as from_data:
        roo.load(json.loads(text))
    assert expected == _problems(from_text) == _problems(from_bytes) == _problems(from_data)

    path = tmp_path / "co.json"
    path.write_text(text, encoding="utf-8")
    result = _roo("evaluate", str(path))
    assert 2 == result.returncode
    assert f"reference_number: {message}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_stream_reports_the_bad_line_and_goes_on(tmp_path: Path) -> None:
    """``roo evaluate --jsonl``: before, a lone surrogate printed a traceback and dropped every later line."""
    good = json.dumps(certificate_data())
    stream = tmp_path / "in.jsonl"
    stream.write_text("\n".join([good, _text_with_reference("\\ud800"), good]) + "\n", encoding="utf-8")
    result = _roo("evaluate", "--jsonl", str(stream), "--on", PRESENTED_ON.isoformat())
    assert 2 == result.returncode, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [1, 2, 3] == [line["line"] for line in lines]
    assert "error" in lines[1] and "error" not in lines[0] and "error" not in lines[2]
    assert "reference_number" == lines[1]["error"]["problems"][0]["path"]


def test_text_may_hold_tabs_and_line_breaks_and_every_script() -> None:
    """An address on several lines, a tab, CJK with an ideographic space: all text, all kept."""
    exporter = {"name": "PT Samudra\tJaya", "address": "Jl. Laut 1\r\nJakarta　東京", "country": "ID"}
    co = roo.load(certificate_data(exporter=exporter))
    assert co.exporter is not None and exporter["address"] == co.exporter.address


@pytest.mark.parametrize(
    ("text", "path"),
    [
        pytest.param('{"signed": false, "signed": true}', "signed", id="top level"),
        pytest.param('{"a": [{"b": {"c": 1, "c": 2}}]}', "a[0].b.c", id="nested"),
        pytest.param('{"a": {"x y": 1, "x y": 2}}', "a['x y']", id="odd key"),
    ],
)
def test_a_key_given_twice_is_refused_with_its_path(text: str, path: str) -> None:
    """``"signed": false, "signed": true`` loaded as signed before: the last key silently won."""
    with pytest.raises(JsonTextError) as error:
        decode(text)
    assert (path, "this key is given more than once in its object") == (error.value.problem.path, error.value.problem.message)


def test_a_certificate_with_a_key_twice_is_an_invalid_certificate_everywhere(tmp_path: Path) -> None:
    """From ``roo.loads``, a file and a stream alike."""
    text = json.dumps(certificate_data())
    doubled = text.replace('"scheme": "AJCEP"', '"scheme": "AJCEP", "scheme": "JIEPA"', 1)
    assert doubled != text
    with pytest.raises(InvalidCertificate) as error:
        roo.loads(doubled)
    assert [("scheme", "this key is given more than once in its object")] == _problems(error)
    path = tmp_path / "co.json"
    path.write_text(doubled, encoding="utf-8")
    assert 2 == _roo("evaluate", str(path)).returncode
    result = LineEvaluator()((1, doubled.encode()))
    assert result.malformed and "given more than once" in result.json


def test_a_byte_order_mark_is_skipped_everywhere(tmp_path: Path) -> None:
    """Before, ``roo evaluate FILE`` refused a UTF-8 BOM that ``roo.loads(bytes)`` and ``--jsonl`` accepted.

    RFC 8259 §8.1 lets a parser ignore the mark; Windows editors write it; it carries no meaning. Skipped at the
    start of a document however the document comes.
    """
    text = json.dumps(certificate_data())
    expected = roo.loads(text)
    assert expected == roo.loads("\ufeff" + text) == roo.loads(b"\xef\xbb\xbf" + text.encode())
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(complete_case()).encode())  # complete, so that it exits 0
    assert 0 == _roo("evaluate", str(path), "--on", PRESENTED_ON.isoformat()).returncode
    assert not LineEvaluator(on=PRESENTED_ON)((1, b"\xef\xbb\xbf" + text.encode())).malformed


def test_control_characters_never_reach_the_terminal() -> None:
    """A CO built in Python can hold anything: the text and Markdown reports escape every control character."""
    co = roo.load(certificate_data())
    hostile = "\x1b[2J\x1b]0;owned\x07 shrimp\r\u202eevil\ud800"
    co = attrs.evolve(co, items=(attrs.evolve(co.items[0], description=hostile),))
    evaluation = roo.evaluate(co, on=PRESENTED_ON)
    for report in (render(evaluation, co), render_markdown(evaluation, co)):
        assert not any(char in report for char in "\x1b\x07\r\u202e\ud800")
        assert "\\x1b" in report
        report.encode("utf-8")  # a lone surrogate would fail here


# --- 2. Values that can exist ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("context", "path"),
    [
        pytest.param({"customs_value": {"amount": "-1", "currency": "USD"}}, "customs_value.amount", id="value -1"),
        pytest.param({"customs_value": {"amount": "0", "currency": "USD"}}, "customs_value.amount", id="value 0"),
        pytest.param({"exchange_rates": {"USD/JPY": "0"}}, "exchange_rates['USD/JPY']", id="rate 0"),
        pytest.param({"exchange_rates": {"USD/JPY": "-150"}}, "exchange_rates['USD/JPY']", id="rate -150"),
        pytest.param({"exchange_rates": {"USD/JPY\n": "150"}}, "exchange_rates['USD/JPY\\n']", id="rate key newline"),
        pytest.param({"exchange_rates": {"ZZZ/JPY": "150"}}, "exchange_rates['ZZZ/JPY']", id="rate of no currency"),
        pytest.param({"customs_value": {"amount": "100", "currency": "ZZZ"}}, "customs_value.currency", id="ZZZ"),
        pytest.param({"customs_value": {"amount": "100", "currency": "USD\n"}}, "customs_value.currency", id="USD newline"),
    ],
)
def test_impossible_values_of_an_import_are_refused(context: dict[str, Any], path: str) -> None:
    """A customs value of -1 or a rate of 0 or -150 put an unsigned CO under the low-value waiver before."""
    with pytest.raises(InvalidContext) as error:
        roo.load_context(context)
    assert path in [p.path for p in error.value.problems]


def test_a_negative_customs_value_no_longer_waives_the_certificate(tmp_path: Path) -> None:
    """Before: ``not_required``, exit 0, for an unsigned CO with a customs value of -1. Now: exit 2."""
    case = _case()
    case["context"] = {"customs_value": {"amount": "-1", "currency": "USD"}, "on": "2024-03-20"}
    case["certificate"]["exporter_declaration"] = {"signed": False}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    result = _roo("evaluate", str(path))
    assert 2 == result.returncode
    assert "context.customs_value.amount: a value must be above zero, got -1" in result.stderr


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        pytest.param(
            {"items": [item_data(fob_value={"amount": "-5", "currency": "USD"})]},
            "items[0].fob_value.amount",
            "an FOB value must be zero or more, got -5",
            id="negative FOB",
        ),
        pytest.param(
            {"items": [item_data(fob_value={"amount": "100", "currency": "ZZZ"})]},
            "items[0].fob_value.currency",
            "not an ISO 4217 currency code: 'ZZZ'",
            id="currency ZZZ",
        ),
        pytest.param(
            {"items": [item_data(fob_value={"amount": "100", "currency": "USD\n"})]},
            "items[0].fob_value.currency",
            "not an ISO 4217 currency code: 'USD\\n' (did you mean 'USD'?)",
            id="currency with a newline",
        ),
        pytest.param(
            {"exporting_party": "ID\n"},
            "exporting_party",
            "not an ISO 3166-1 alpha-2 country code: 'ID\\n' (did you mean 'ID'?)",
            id="country with a newline",
        ),
        pytest.param(
            {"exporting_party": "XX"}, "exporting_party", "not an ISO 3166-1 alpha-2 country code: 'XX'", id="XX"
        ),
        pytest.param(
            {"exporter": {"name": "PT Samudra Jaya", "country": "Indonesia"}},
            "exporter.country",
            "not an ISO 3166-1 alpha-2 country code: 'Indonesia' (did you mean 'ID'?)",
            id="country name",
        ),
        pytest.param(
            {"items": [item_data(hs_code="0" * 100)]},
            "items[0].hs_code",
            "an HS code has at most 12 digits, this one 100 characters",
            id="HS code of 100 zeros",
        ),
        pytest.param(
            {"items": [item_data(fob_value={"amount": "１２３", "currency": "USD"})]},
            "items[0].fob_value.amount",
            "not a decimal number: '１２３'",
            id="full-width digits",
        ),
        pytest.param(
            {"items": [item_data(quantity={"value": "٣", "unit": "KGM"})]},
            "items[0].quantity.value",
            "not a decimal number: '٣'",
            id="Arabic-Indic digit",
        ),
    ],
)
def test_values_that_cannot_exist_are_refused(changes: dict[str, Any], path: str, message: str) -> None:
    """Each loaded before (issue 16): negative FOB, ZZZ, full-width digits, 100 zeros, codes with a newline."""
    with pytest.raises(InvalidCertificate) as error:
        roo.load(certificate_data(**changes))
    assert [(path, message)] == _problems(error)


def test_a_twelve_digit_national_code_still_loads() -> None:
    """HS codes keep their real length: a six-digit subheading with national digits (here 12) is a code."""
    assert "0306.17.10.00.00" == roo.load(certificate_data(items=[item_data(hs_code="0306.17.10.00.00")])).items[0].hs_code


def test_a_withdrawn_currency_of_an_older_certificate_loads() -> None:
    """A CO issued in 2019 in Croatia would state HRK (withdrawn 2023)."""
    co = roo.load(certificate_data(items=[item_data(fob_value={"amount": "100", "currency": "HRK"})]))
    assert co.items[0].fob_value is not None and "HRK" == co.items[0].fob_value.currency


# --- 3. No escape, whatever the input --------------------------------------------------------------------------


def test_nesting_past_the_limit_is_an_error_naming_it() -> None:
    """Depth is limited for JSON text and for parsed data alike; the error names the limit."""
    deep: Any = "x"
    for _ in range(300):
        deep = [deep]
    with pytest.raises(InvalidCertificate) as error:
        roo.load(certificate_data(remarks=deep))
    # The root is level 1 and remarks level 2: the first array past the limit is 99 indices into it.
    assert [("remarks" + "[0]" * 99, "nested too deeply: more than 100 levels (the limit)")] == _problems(error)
    with pytest.raises(InvalidCertificate) as from_text:
        roo.loads(json.dumps(certificate_data(remarks=deep)))
    assert "more than 100 levels (the limit)" in str(from_text.value)
    # Text nested past what the parser follows is refused by the parser itself. How deep that is depends on the
    # interpreter (about 1,000 levels on 3.11, 10,000 on 3.13), so the text is far deeper than any of them.
    small = Limits(max_depth=3)
    with pytest.raises(JsonTextError):
        decode("[" * 100_000 + "]" * 100_000, limits=small)


def test_size_limits_are_configurable() -> None:
    """A document, a line and the items of a certificate each have a limit; every error names it."""
    text = json.dumps(certificate_data(items=[item_data(n) for n in range(1, 4)]))
    with pytest.raises(JsonTextError) as too_large:
        decode(text, limits=Limits(max_document=100))
    assert f"a document of {len(text)} characters: the limit is 100" == too_large.value.problem.message
    with pytest.raises(InvalidCertificate) as too_many:
        codec.load_certificate(json.loads(text), Limits(max_items=2))
    assert [("items", "3 items: the limit is 2")] == _problems(too_many)
    result = LineEvaluator(limits=Limits(max_line=10))((1, text.encode()))
    assert result.malformed and "a line of more than 10 bytes: the limit" in result.json


def test_an_overlong_line_is_never_held_whole() -> None:
    """``numbered_lines`` hands on at most ``max_line + 1`` bytes of a line and carries on with the next."""
    import io

    stream = io.BytesIO(b"x" * 1000 + b"\n" + b"{}\n")
    assert [(1, b"x" * 11), (2, b"{}\n")] == list(numbered_lines(stream, max_line=10))


def test_problems_are_capped_and_counted() -> None:
    """1.6 MB of bad items gave 400k problems and a 22 MB message: now the first 100 and a count of the rest."""
    bad = [{"number": "x", "description": 1, "hs_code": 2, "origin_criterion": 3}] * 2000
    with pytest.raises(InvalidCertificate) as error:
        roo.load(certificate_data(items=bad))
    assert MAX_PROBLEMS == len(error.value.problems)
    assert 2000 * 4 == len(error.value.problems) + error.value.omitted
    assert f"... and {error.value.omitted} more" in str(error.value)
    assert len(str(error.value)) < 20_000


def test_an_unknown_key_is_echoed_cut_short() -> None:
    """A 10 MB unknown key was echoed in full."""
    data = certificate_data()
    data["k" * 10_000_000] = 1
    with pytest.raises(InvalidCertificate) as error:
        roo.load(data)
    assert len(str(error.value)) < 500


@pytest.mark.parametrize(
    "error",
    [
        InvalidCertificate([Problem("items[0].hs_code", "required field is missing")]),
        InvalidContext([Problem("on", "not a date: 'x'", "x")], omitted=3),
        InvalidCertificate([Problem("$", "x")] * (MAX_PROBLEMS + 5)),
    ],
    ids=["certificate", "context", "capped"],
)
def test_input_errors_survive_pickling(error: InvalidCertificate) -> None:
    """A pickled InvalidCertificate came back with its message as its problems ("i n v ...")."""
    back = pickle.loads(pickle.dumps(error))
    assert (type(error), error.problems, error.omitted, str(error)) == (type(back), back.problems, back.omitted, str(back))


def _evaluate_in_worker(data: dict[str, Any]) -> object:
    return next(roo.evaluate_many([data], on=PRESENTED_ON, errors="return"))


def test_evaluate_many_returns_errors_across_processes() -> None:
    """``evaluate_many(errors="return")`` in a process pool hands back the error itself, problems intact."""
    bad = certificate_data(exporting_party="Indonesia")
    with ProcessPoolExecutor(1) as pool:
        returned = pool.submit(_evaluate_in_worker, bad).result(timeout=900)
    assert isinstance(returned, InvalidCertificate)
    assert "exporting_party" == returned.problems[0].path


def test_a_huge_box_number_formats_in_every_locale() -> None:
    """``evaluate(locale=...)`` raised decimal.InvalidOperation for an alteration's box of 10^27."""
    co = roo.load(certificate_data(alterations=[{"box": 10**27, "method": "erasure"}]))
    for locale in ("en", "ja", "id"):
        roo.evaluate(co, on=PRESENTED_ON, locale=locale).to_dict()


def test_a_declared_quantity_of_1e28_is_judged_not_crashed() -> None:
    """IR 4(a): a declared quantity above the certified one is a finding; 1e28 crashed the check (rule-crashed).

    The excess is reported against roo's own, unverified tolerance, so it warns (``-unverified``) until the
    caller gives a tolerance; what matters here is that the check is made, not skipped by a crash.
    """
    case = _case()
    co = roo.load(case["certificate"])
    item = co.items[0]
    assert item.quantity is not None
    ctx = roo.load_context(
        {"declaration": {"items": [{"certificate_item": item.number, "quantity": {"value": "1e28", "unit": item.quantity.unit}}]}}
    )
    evaluation = roo.evaluate(co, ctx, on=PRESENTED_ON)
    codes = [f.code for f in evaluation.findings]
    assert "rule-crashed" not in codes
    assert "declared-quantity-exceeds-certificate-unverified" in codes


# --- the CLI's output ------------------------------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ("evaluate", str(EXAMPLE), "-o", "/dev/full"),
        ("evaluate", str(EXAMPLE), "--format", "json", "-o", "/dev/full"),
        ("rules", "-o", "/dev/full"),
        ("schema", "-o", "/dev/full"),
    ],
    ids=["text", "json", "rules", "schema"],
)
def test_a_full_disk_is_one_line_and_exit_3(args: tuple[str, ...]) -> None:
    """``-o /dev/full`` printed a traceback."""
    result = _roo(*args)
    assert 3 == result.returncode
    assert ["roo: cannot write /dev/full: No space left on device"] == result.stderr.splitlines()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_under_a_stream_does_not_blame_the_input(tmp_path: Path) -> None:
    """``--jsonl -o /dev/full`` said the input file had an input/output error."""
    stream = tmp_path / "in.jsonl"
    stream.write_text(json.dumps(certificate_data()) + "\n", encoding="utf-8")
    result = _roo("evaluate", "--jsonl", str(stream), "-o", "/dev/full")
    assert 3 == result.returncode
    assert ["roo: cannot write /dev/full: No space left on device"] == result.stderr.splitlines()
    assert str(stream) not in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_on_a_full_disk(tmp_path: Path) -> None:
    """Standard output that cannot be written: one line, exit 3, no traceback at exit."""
    with open("/dev/full", "w") as full:
        result = _roo("rules", stdout=full)
    assert 3 == result.returncode
    assert ["roo: cannot write <stdout>: No space left on device"] == result.stderr.splitlines()


def test_a_broken_pipe_is_one_line_and_exit_3(tmp_path: Path) -> None:
    """The reader of the pipe stops at once: one line on stderr, exit 3, no traceback."""
    stream = tmp_path / "in.jsonl"
    stream.write_text((json.dumps(certificate_data()) + "\n") * 300, encoding="utf-8")
    reader, writer = os.pipe()
    os.close(reader)
    with os.fdopen(writer, "w") as closed:
        result = _roo("evaluate", "--jsonl", str(stream), "--on", PRESENTED_ON.isoformat(), stdout=closed)
    assert 3 == result.returncode
    assert ["roo: cannot write <stdout>: the reader closed the pipe before the output was written"] == (
        result.stderr.splitlines()
    )


def test_in_process_main_reports_a_write_error(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """``roo.cli.main`` never raises: a write error is its exit code 3."""

    class Full:
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

        def flush(self) -> None:
            raise OSError(28, "No space left on device")

        def fileno(self) -> int:
            raise ValueError("no file")

    monkeypatch.setattr(sys, "stdout", Full())
    assert 3 == main(["rules"])
    assert "roo: cannot write <stdout>: No space left on device\n" == capsys.readouterr().err


def test_the_examples_still_load() -> None:
    """The bundled examples hold no value that cannot exist: the stricter loader reads them all."""
    for path in sorted((ROOT / "examples").glob("*.json")):
        if path.name == "malformed.json":  # malformed on purpose
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        document = data.get("certificate", data)
        if isinstance(document, dict) and "items" in document:
            roo.load(document)
            if isinstance(data.get("context"), dict):
                roo.load_context(data["context"])


def test_impossible_values_are_refused_from_python_too() -> None:
    """``evaluate(co, customs_value=Money(-1, "USD"))`` bypassed the loader and waived the CO."""
    co = roo.load(certificate_data())
    with pytest.raises(InvalidContext) as value:
        roo.evaluate(co, customs_value=roo.Money(Decimal(-1), "USD"), on=PRESENTED_ON)
    assert [("customs_value.amount", "a value must be above zero, got -1")] == _problems(value)
    with pytest.raises(InvalidContext) as rate:
        roo.Context(exchange_rates={"USD/JPY": Decimal(0)})
    assert [("exchange_rates['USD/JPY']", "an exchange rate must be above zero, got 0")] == _problems(rate)


def test_the_cli_lists_the_first_problems_and_counts_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """2000 bad items: the first 100 problems on stderr, then one line counting the others."""
    bad = [{"number": "x", "description": 1, "hs_code": 2, "origin_criterion": 3}] * 2000
    path = tmp_path / "co.json"
    path.write_text(json.dumps(certificate_data(items=bad)), encoding="utf-8")
    assert 2 == main(["evaluate", str(path)])
    lines = capsys.readouterr().err.splitlines()
    assert f"roo: {path}: invalid certificate ({MAX_PROBLEMS} problems):" == lines[0]
    assert f"  ...: {2000 * 4 - MAX_PROBLEMS} more problems not listed" == lines[-1]
    assert MAX_PROBLEMS + 2 == len(lines)


def test_the_standard_text_shortcut_declines_whatever_the_pairs_hook_path_refuses() -> None:
    """The shortcut of the standard text path (parsed without the pairs hook, keys counted against colons)
    declines a document past a limit, nested past the parser or repeating keys, so that the usual path names
    the problem; through ``roo.loads`` the error is the one that path gives."""
    from roo.codec.loading import read_certificate_text

    text = json.dumps(certificate_data(items=[item_data(n) for n in range(1, 4)]))
    assert read_certificate_text(text) is not None
    assert read_certificate_text(text, Limits(max_document=100)) is None
    assert read_certificate_text(text, Limits(max_items=2)) is None
    assert read_certificate_text("[" * 100_000 + "]" * 100_000) is None
    deep: Any = "x"
    for _ in range(300):
        deep = [deep]
    assert read_certificate_text(json.dumps(certificate_data(remarks=deep))) is None
    repeated = text[:-1] + ", " + ", ".join(['"remarks": "x"'] * 2000) + "}"
    assert read_certificate_text(repeated) is None
    with pytest.raises(InvalidCertificate) as error:
        roo.loads(repeated)
    assert [("remarks", "this key is given more than once in its object")] == _problems(error)
