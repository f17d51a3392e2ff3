"""The ``roo`` command: every example and every exit code through a real process, the options in-process."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import roo
from roo import catalogue
from roo.cli import COMMANDS, main
from roo.schema import context_schema
from tests.builders import certificate_data, item_data
from tests.test_examples import EXAMPLES, EXPECTED, MALFORMED_PROBLEMS, read


def roo_process(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m roo ARGS`` in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "roo", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,  # only a guard against a hang: a busy machine measuring coverage is slow, never wrong
        check=False,
    )


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``roo ARGS`` in this process: exit code, stdout, stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, data: Any) -> str:
    """Write ``data`` as JSON under ``tmp_path`` and return the path."""
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


# Through a real process: every example, every exit code.


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_example_exits_with_its_code(name: str) -> None:
    """``roo evaluate EXAMPLE`` exits 0 (accepted, not required), 1 (partially accepted, rejected) or 2 (invalid)."""
    expected = EXPECTED[name]
    result = roo_process("evaluate", str(EXAMPLES / name))
    assert expected.exit_code == result.returncode, result.stderr
    assert "Traceback" not in result.stderr
    if expected.status is None:
        assert "" == result.stdout
    else:
        assert f"status: {expected.status} " in result.stdout
        for code in expected.codes | expected.notes:
            assert f"[{code}]" in result.stdout


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e.status is not None))
def test_every_example_as_json(name: str) -> None:
    """``--format json`` prints Evaluation.to_dict(), the same as the API gives."""
    result = roo_process("evaluate", str(EXAMPLES / name), "--format", "json")
    data = read(name)
    expected = roo.evaluate(roo.load(data["certificate"]), roo.load_context(data["context"])).to_dict()
    assert EXPECTED[name].exit_code == result.returncode
    assert expected == json.loads(result.stdout)


def test_malformed_lists_every_problem_on_stderr() -> None:
    """Exit 2 with one line per problem and its JSON path, and no traceback."""
    result = roo_process("evaluate", str(EXAMPLES / "malformed.json"))
    assert 2 == result.returncode
    lines = result.stderr.splitlines()
    assert lines[0].endswith("malformed.json: invalid certificate (5 problems):")
    assert [f"  {problem}" for problem in MALFORMED_PROBLEMS] == lines[1:]


def test_stdin() -> None:
    """``-`` reads the certificate from standard input."""
    text = (EXAMPLES / "unsigned.json").read_text(encoding="utf-8")
    result = roo_process("evaluate", "-", stdin=text)
    assert 1 == result.returncode
    assert "status: rejected " in result.stdout


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (("evaluate", "no/such/file.json"), None, "no/such/file.json: unreadable:"),
        (("evaluate", "-"), "{not json", "<stdin>: not valid JSON:"),
        (("evaluate", "-", "--on", "2024-02-30"), "{}", "not a date (YYYY-MM-DD): '2024-02-30'"),
        (("evaluate",), None, "the following arguments are required: FILE"),
        (("frobnicate",), None, "invalid choice: 'frobnicate'"),
    ],
    ids=["unreadable file", "bad JSON", "bad --on date", "missing FILE", "unknown command"],
)
def test_invalid_input_exits_2_without_traceback(args: tuple[str, ...], stdin: str | None, message: str) -> None:
    """Anything unusable on the command line exits 2 with a message on stderr."""
    result = roo_process(*args, stdin=stdin)
    assert 2 == result.returncode
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args", [("--help",), *[(command, "--help") for command in COMMANDS], ("hs", "convert", "--help")]
)
def test_help(args: tuple[str, ...]) -> None:
    """``roo --help`` and each command's ``--help`` print usage and exit 0."""
    result = roo_process(*args)
    assert 0 == result.returncode
    assert result.stdout.startswith("usage: roo")


def test_exit_codes_are_documented() -> None:
    """``roo --help`` states the three exit codes; each command's help gives its own."""
    top = roo_process("--help").stdout
    for words in ("0 accepted", "1 partially accepted or rejected", "2 invalid input"):
        assert words in " ".join(top.split())
    for args in (("evaluate",), ("rules",), ("schema",), ("hs", "convert")):
        assert "exit codes:" in roo_process(*args, "--help").stdout


def test_help_names_the_formats() -> None:
    """Each command's help lists the formats it writes; schema says it writes JSON only."""
    assert "{text,json,markdown,html}" in roo_process("evaluate", "--help").stdout
    assert "{text,json,markdown}" in roo_process("rules", "--help").stdout
    assert "{text,json,markdown}" in roo_process("hs", "convert", "--help").stdout
    schema = " ".join(roo_process("schema", "--help").stdout.split())
    assert "The output is always JSON" in schema and "--format" not in schema.replace("no --format", "")


def test_console_script_entry_point() -> None:
    """The ``roo`` console script is roo.cli:main."""
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "roo"]
    assert "roo.cli:main" == script.value


# In-process: the options in detail.


def test_text_report_layout(capsys: pytest.CaptureFixture[str]) -> None:
    """Header with scheme, reference and status; then each item with its verdict and findings under it."""
    code, out, _ = run(capsys, "evaluate", str(EXAMPLES / "one_bad_item.json"))
    lines = out.splitlines()
    assert 1 == code
    assert "AJCEP certificate VN-JP 24/02/104567: VN -> JP, issued 2024-06-18, presented 2024-07-02" == lines[0]
    assert "status: partially_accepted (2 of 3 items granted)" == lines[1]
    assert "certificate: no findings" in lines
    denied = lines.index("item 2: denied   Frozen black tiger shrimp, head-on, shell-on (HS 0306, WO)")
    assert lines[denied + 1 :].index(
        "  error   AJCEP/IR/12      HS code '0306' is not a six-digit subheading. [hs-code-not-six-digits]"
    ) < lines[denied + 1 :].index("item 3: granted  Frozen squid tubes, cleaned (HS 0307.43, WO)")
    assert lines[-1].startswith("checks: ")


def test_certificate_findings_come_first(capsys: pytest.CaptureFixture[str]) -> None:
    """A certificate-level error is listed before the items, which say why they are denied."""
    _, out, _ = run(capsys, "evaluate", str(EXAMPLES / "unsigned.json"))
    lines = out.splitlines()
    error = next(i for i, line in enumerate(lines) if "[certification-unsigned]" in line)
    first_item = next(i for i, line in enumerate(lines) if line.startswith("item 1:"))
    assert lines[error - 1] == "certificate"
    assert error < first_item
    assert "AJCEP/IR/3(f)" in lines[error]
    assert "  (denied with the whole certificate: see the certificate's errors above)" == lines[first_item + 1]


def test_trace_lists_every_check(capsys: pytest.CaptureFixture[str]) -> None:
    """``--trace`` adds one line per check the engine ran."""
    co = roo.load(read("clean_ajcep_id_jp.json")["certificate"])
    checks = roo.evaluate(co).checks
    _, plain, _ = run(capsys, "evaluate", str(EXAMPLES / "clean_ajcep_id_jp.json"))
    _, traced, _ = run(capsys, "evaluate", str(EXAMPLES / "clean_ajcep_id_jp.json"), "--trace")
    assert len(checks) == len(traced.splitlines()) - len(plain.splitlines())


def test_on_sets_the_presentation_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--on`` overrides the date the case carries."""
    clean = str(EXAMPLES / "clean_ajcep_id_jp.json")
    code, out, _ = run(capsys, "evaluate", clean, "--on", "2024-03-21", "--format", "json")
    assert (0, "2024-03-21") == (code, json.loads(out)["on"])


def test_context_file_replaces_the_case_context(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--context FILE`` replaces the case's own context; with a plain certificate it is the only context."""
    context = write(tmp_path, "ctx.json", {"on": "2024-04-01"})
    clean = str(EXAMPLES / "clean_ajcep_id_jp.json")
    _, out, _ = run(capsys, "evaluate", clean, "--context", context, "--format", "json")
    assert "2024-04-01" == json.loads(out)["on"]
    certificate = write(tmp_path, "co.json", read("clean_ajcep_id_jp.json")["certificate"])
    _, out, _ = run(capsys, "evaluate", certificate, "--context", context, "--format", "json")
    assert "2024-04-01" == json.loads(out)["on"]


def test_plain_certificate_without_context(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A certificate alone is evaluated with an empty context, and the report says the date is missing."""
    path = write(tmp_path, "co.json", certificate_data())
    code, out, _ = run(capsys, "evaluate", path)
    assert 4 == code  # accepted only on the checks it could make: not complete
    assert "presentation date not given (--on)" in out.splitlines()[0]


def test_problems_in_a_case_are_prefixed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Inside a case, paths start with certificate. or context.; both documents' problems are listed."""
    case = {
        "certificate": certificate_data(items=[item_data(1, hs_code=306017)]),
        "context": {"on": "20 March 2024", "exchange_rates": {"USD/JPY": "x"}},
    }
    code, _, err = run(capsys, "evaluate", write(tmp_path, "case.json", case))
    assert 2 == code
    assert [
        "  certificate.items[0].hs_code: expected a string, got a number",
        "  context.on: not a date (YYYY-MM-DD): '20 March 2024'",
        "  context.exchange_rates['USD/JPY']: not a decimal number: 'x'",
    ] == err.splitlines()[1:]


def test_case_with_unknown_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A case has exactly a certificate and a context; an expectation key is refused."""
    case = {"certificate": certificate_data(), "context": None, "expect": {"status": "accepted"}}
    code, _, err = run(capsys, "evaluate", write(tmp_path, "case.json", case))
    assert 2 == code
    assert "  $: a case has only 'certificate' and 'context', not 'expect'" in err.splitlines()


def test_certificate_not_an_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A case whose certificate is not an object reports it at ``certificate``."""
    code, _, err = run(capsys, "evaluate", write(tmp_path, "case.json", {"certificate": [1, 2]}))
    assert 2 == code
    assert ["  certificate: expected an object, got an array"] == err.splitlines()[1:]


def test_bad_context_file_and_bad_certificate_both_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad certificate and a bad ``--context`` file are both reported before exiting 2."""
    certificate = write(tmp_path, "co.json", certificate_data(issue_date="2024-02-30"))
    context = write(tmp_path, "ctx.json", {"colour": "blue"})
    code, _, err = run(capsys, "evaluate", certificate, "--context", context)
    assert 2 == code
    assert "co.json: invalid certificate:" in err
    assert "ctx.json: invalid context:" in err
    assert "  $: unknown field 'colour'" in err.splitlines()


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "line 1 column 1: Expecting value"),
        ('{"a": NaN}', "NaN is not a JSON number"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
    ids=["empty", "NaN", "deeply nested"],
)
def test_unparseable_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str) -> None:
    """Text that is not usable JSON exits 2 and says why."""
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "evaluate", str(path))
    assert 2 == code
    assert message in err


def test_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not UTF-8 text exits 2."""
    path = tmp_path / "latin1.json"
    path.write_bytes('{"remarks": "caf\u00e9"}'.encode("latin-1"))
    code, _, err = run(capsys, "evaluate", str(path))
    assert (2, True) == (code, "not UTF-8 text" in err)


def test_stdin_twice(capsys: pytest.CaptureFixture[str]) -> None:
    """The certificate and the context cannot both come from standard input."""
    code, _, err = run(capsys, "evaluate", "-", "--context", "-")
    assert 2 == code
    assert "cannot both be read from standard input" in err


def test_decimals_are_read_exactly(tmp_path: Path) -> None:
    """JSON numbers with a fraction are read as Decimal, never float: 0.30000000000000001 stays as written."""
    from roo.cli._common import read_json

    path = tmp_path / "amount.json"
    path.write_text('{"amount": 0.30000000000000001, "count": 3}', encoding="utf-8")
    assert {"amount": Decimal("0.30000000000000001"), "count": 3} == read_json(str(path))


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """``roo`` alone prints the help on stderr and exits 2."""
    code, _, err = run(capsys)
    assert 2 == code
    assert "usage: roo" in err
    for command in COMMANDS:
        assert command in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``roo --version`` prints the version."""
    code, out, _ = run(capsys, "--version")
    assert (0, f"roo {roo.__version__}\n") == (code, out)


@pytest.mark.parametrize("scheme", [None, "AJCEP", "JIEPA", "ID-MOTR-16-2024"])
def test_rules_command(capsys: pytest.CaptureFixture[str], scheme: str | None) -> None:
    """``roo rules`` prints the catalogue as text, JSON or Markdown, for one scheme or all."""
    extra = ("--scheme", scheme) if scheme else ()
    assert (0, catalogue.text(scheme), "") == run(capsys, "rules", *extra)
    code, out, _ = run(capsys, "rules", *extra, "--format", "json")
    assert (0, catalogue.to_dict(scheme)) == (code, json.loads(out))
    assert (0, catalogue.markdown(scheme), "") == run(capsys, "rules", *extra, "--format", "markdown")


def test_rules_unknown_scheme(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown scheme is a usage error."""
    code, _, err = run(capsys, "rules", "--scheme", "CPTPP")
    assert 2 == code
    assert "invalid choice: 'CPTPP'" in err


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    """``roo schema`` prints the certificate schema; ``--context`` the context schema."""
    code, out, _ = run(capsys, "schema")
    assert (0, roo.json_schema()) == (code, json.loads(out))
    code, out, _ = run(capsys, "schema", "--context")
    assert (0, context_schema()) == (code, json.loads(out))


# Formats and output files.


def test_markdown_report(capsys: pytest.CaptureFixture[str]) -> None:
    """``--format markdown``: heading, status, a table of items, each item's findings; special characters escaped."""
    code, out, _ = run(capsys, "evaluate", str(EXAMPLES / "one_bad_item.json"), "--format", "markdown")
    lines = out.splitlines()
    assert 1 == code
    assert "# AJCEP certificate VN-JP 24/02/104567" == lines[0]
    assert "**Status: `partially_accepted`** (2 of 3 items granted)" in lines
    assert "| 2 | **denied** | Frozen black tiger shrimp, head-on, shell-on | 0306 | WO | 2 |" in lines
    assert "## Item 2: denied" in lines
    assert (
        "| error | AJCEP/IR/12 | HS code '0306' is not a six-digit subheading. | `hs-code-not-six-digits` |" in lines
    )


def test_markdown_escapes_table_breakers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A pipe, a line break or markup in the certificate cannot break the Markdown table."""
    data = certificate_data(items=[item_data(1, description="Shrimp | <b>peeled</b>\nfrozen")])
    _, out, _ = run(capsys, "evaluate", write(tmp_path, "co.json", data), "--format", "markdown")
    assert "| 1 | granted | Shrimp \\| \\<b\\>peeled\\</b\\> frozen | 030617 | WO | " in out


@pytest.mark.parametrize("format", ["text", "json", "markdown", "html"])
def test_output_file(tmp_path: Path, format: str) -> None:
    """``-o FILE`` writes what standard output would have shown, and standard output stays empty."""
    target = tmp_path / f"report.{format}"
    printed = roo_process("evaluate", str(EXAMPLES / "one_bad_item.json"), "--format", format)
    written = roo_process("evaluate", str(EXAMPLES / "one_bad_item.json"), "--format", format, "-o", str(target))
    assert (1, 1, "") == (printed.returncode, written.returncode, written.stdout)
    assert printed.stdout == target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [("evaluate", str(EXAMPLES / "unsigned.json")), ("rules",), ("schema",)],
    ids=["evaluate", "rules", "schema"],
)
def test_unwritable_output_file(tmp_path: Path, args: tuple[str, ...]) -> None:
    """An output file that cannot be written exits 2 and says why."""
    result = roo_process(*args, "-o", str(tmp_path / "no" / "such" / "dir" / "out.txt"))
    assert 2 == result.returncode
    assert "cannot write:" in result.stderr
    assert "Traceback" not in result.stderr


def test_rules_and_schema_to_a_file(tmp_path: Path) -> None:
    """``roo rules -o`` and ``roo schema -o`` write the same as they print."""
    rules = tmp_path / "rules.md"
    schema = tmp_path / "schema.json"
    assert 0 == roo_process("rules", "--format", "markdown", "-o", str(rules)).returncode
    assert 0 == roo_process("schema", "--context", "-o", str(schema)).returncode
    assert catalogue.markdown(None) == rules.read_text(encoding="utf-8")
    assert context_schema() == json.loads(schema.read_text(encoding="utf-8"))


@pytest.mark.parametrize("locale", ["ja", "id"])
def test_locale(capsys: pytest.CaptureFixture[str], locale: str) -> None:
    """``--locale`` gives the messages in that language; codes and citations stay as they are."""
    data = read("unsigned.json")
    expected = roo.evaluate(roo.load(data["certificate"]), roo.load_context(data["context"]), locale=locale)
    code, out, _ = run(capsys, "evaluate", str(EXAMPLES / "unsigned.json"), "--locale", locale, "--format", "json")
    assert (1, expected.to_dict()) == (code, json.loads(out))
    _, text, _ = run(capsys, "evaluate", str(EXAMPLES / "unsigned.json"), "--locale", locale)
    assert expected.findings[0].message in text


def test_unknown_locale(capsys: pytest.CaptureFixture[str]) -> None:
    """A locale roo has no messages in is a usage error."""
    code, _, err = run(capsys, "evaluate", str(EXAMPLES / "unsigned.json"), "--locale", "fr")
    assert 2 == code
    assert "invalid choice: 'fr'" in err


# roo hs convert.

HS_DATA = Path(__file__).resolve().parent / "hs" / "data"
UNSD_TABLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "hs" / "hs_correlation_unsd.csv"


@pytest.mark.parametrize(
    "table, code, source, target, exit_code, candidates",
    [
        ("one_to_one.csv", "010111", "HS2002", "HS2007", 0, ["010111"]),
        ("one_to_one.csv", "0303.50", "HS2002", "HS2007", 0, ["030351"]),
        ("merge.csv", "010592", "HS2002", "HS2007", 0, ["010594"]),
        ("split.csv", "030199", "HS2002", "HS2007", 1, ["030194", "030195", "030199"]),
        ("merge.csv", "010594", "HS2007", "HS2002", 1, ["010592", "010593"]),
        ("many_to_many.csv", "847110", "HS2002", "HS2007", 1, ["847130", "847141"]),
        ("one_to_one.csv", "999998", "HS2002", "HS2007", 1, []),
        ("one_to_one.csv", "010111", "HS2002", "HS2022", 1, []),
    ],
    ids=[
        "unchanged",
        "renumbered, dots allowed",
        "merged: exact",
        "split: ambiguous",
        "merge read backwards: ambiguous",
        "regrouped: ambiguous",
        "code not in the table",
        "edition not in the table",
    ],
)
def test_hs_convert(table: str, code: str, source: str, target: str, exit_code: int, candidates: list[str]) -> None:
    """Exit 0 with exactly one candidate, 1 with several or none; JSON lists every candidate, text one per line."""
    args = ("hs", "convert", code, "--from", source, "--to", target, "--table", str(HS_DATA / table))
    as_json = roo_process(*args, "--format", "json")
    as_text = roo_process(*args)
    data = json.loads(as_json.stdout)
    assert (exit_code, exit_code) == (as_json.returncode, as_text.returncode)
    assert candidates == data["candidates"]
    assert (len(candidates) > 1, len(candidates) == 1) == (data["ambiguous"], data["exact"])
    assert "roo.hs-conversion/1" == data["format"]
    assert [f"  {candidate}" for candidate in candidates] == as_text.stdout.splitlines()[1 : 1 + len(candidates)]
    if not candidates:
        assert data["reason"] and f"reason: {data['reason']}" in as_text.stdout


def test_hs_convert_text_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    """The text answer names both editions, the verdict and the relationship; markdown lists the candidates."""
    args = ("hs", "convert", "0301.99", "--from", "hs2002", "--to", "2007", "--table", str(HS_DATA / "split.csv"))
    code, out, _ = run(capsys, *args)
    assert 1 == code
    assert (
        "HS2002 030199 -> HS2007: ambiguous: 3 candidates, the goods' description decides which applies (one-to-many)"
        == out.splitlines()[0]
    )
    _, markdown, _ = run(capsys, *args, "--format", "markdown")
    listed = [line for line in markdown.splitlines() if line.startswith("- ")]
    assert ["- `030194`", "- `030195`", "- `030199`"] == listed


def test_hs_convert_through_a_chain(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Across three editions the text says which editions it went through."""
    table = tmp_path / "chain.csv"
    table.write_text(
        "new_version,old_version,new_code,old_code\nHS2007,HS2002,030194,030199\nHS2012,HS2007,030195,030194\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "hs", "convert", "030199", "--from", "HS2002", "--to", "HS2012", "--table", str(table))
    first = out.splitlines()[0]
    assert (0, "HS2002 030199 -> HS2012 (via HS2007): exactly one candidate (one-to-one)") == (code, first)


@pytest.mark.parametrize(
    "args, message",
    [
        (("0306", "--from", "HS2002", "--to", "HS2007", "--table", "split.csv"), "0306: invalid code:"),
        (("03019X", "--from", "HS2002", "--to", "HS2007", "--table", "split.csv"), "03019X: invalid code:"),
        (("030199", "--from", "HSX", "--to", "HS2007", "--table", "split.csv"), "not an HS edition (e.g. HS2017)"),
        (("030199", "--from", "HS2002", "--to", "HS2007", "--table", "no_such.csv"), "no_such.csv: unreadable:"),
        (("030199", "--from", "HS2002", "--to", "HS2007", "--table", "../test_editions.py"), "correlation table"),
        (("030199", "--to", "HS2007", "--table", "split.csv"), "the following arguments are required: --from"),
        (("030199", "--from", "HS2002", "--to", "HS2007"), "the following arguments are required: --table"),
    ],
    ids=["four digits", "not digits", "bad edition", "missing table", "not a table", "no --from", "no --table"],
)
def test_hs_convert_bad_input(args: tuple[str, ...], message: str) -> None:
    """Unusable input exits 2 with a message and no traceback."""
    fixed = tuple(str(HS_DATA / arg) if arg.endswith((".csv", ".py")) else arg for arg in args)
    result = roo_process("hs", "convert", *fixed)
    assert (2, "") == (result.returncode, result.stdout)
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_hs_without_subcommand() -> None:
    """``roo hs`` alone prints its help on stderr and exits 2."""
    result = roo_process("hs")
    assert 2 == result.returncode
    assert "convert" in result.stderr


@pytest.mark.skipif(
    not UNSD_TABLE.is_file(),
    reason="the UNSD HS correlation table (../shared/data/hs/hs_correlation_unsd.csv from the project root) is "
    "absent; roo does not ship it because its licence is unclear",
)
@pytest.mark.parametrize(
    "code, source, target, exit_code, candidates",
    [
        ("010121", "HS2022", "HS2017", 0, ["010121"]),
        ("030617", "HS2017", "HS2002", 1, ["030613", "160520"]),
        ("847110", "HS2002", "HS2007", 1, ["847130", "847141", "847149", "847150"]),
    ],
    ids=["unchanged", "shrimp back to HS2002: two candidates", "computers regrouped"],
)
def test_hs_convert_with_the_unsd_table(
    code: str, source: str, target: str, exit_code: int, candidates: list[str]
) -> None:
    """On the full UNSD table, through a real process."""
    result = roo_process(
        "hs", "convert", code, "--from", source, "--to", target, "--table", str(UNSD_TABLE), "--format", "json"
    )
    assert (exit_code, candidates) == (result.returncode, json.loads(result.stdout)["candidates"])
