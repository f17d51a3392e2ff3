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
        timeout=120,
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


@pytest.mark.parametrize("args", [("--help",), ("evaluate", "--help"), ("rules", "--help"), ("schema", "--help")])
def test_help(args: tuple[str, ...]) -> None:
    """``roo --help`` and each command's ``--help`` print usage and exit 0."""
    result = roo_process(*args)
    assert 0 == result.returncode
    assert result.stdout.startswith("usage: roo")


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
    assert "AJCEP/IR/2(a)" in lines[error]
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
    code, out, _ = run(capsys, "evaluate", str(EXAMPLES / "clean_ajcep_id_jp.json"), "--on", "2024-03-21", "--format", "json")
    assert (0, "2024-03-21") == (code, json.loads(out)["on"])


def test_context_file_replaces_the_case_context(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--context FILE`` replaces the case's own context; with a plain certificate it is the only context."""
    context = write(tmp_path, "ctx.json", {"on": "2024-04-01"})
    _, out, _ = run(capsys, "evaluate", str(EXAMPLES / "clean_ajcep_id_jp.json"), "--context", context, "--format", "json")
    assert "2024-04-01" == json.loads(out)["on"]
    certificate = write(tmp_path, "co.json", read("clean_ajcep_id_jp.json")["certificate"])
    _, out, _ = run(capsys, "evaluate", certificate, "--context", context, "--format", "json")
    assert "2024-04-01" == json.loads(out)["on"]


def test_plain_certificate_without_context(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A certificate alone is evaluated with an empty context, and the report says the date is missing."""
    path = write(tmp_path, "co.json", certificate_data())
    code, out, _ = run(capsys, "evaluate", path)
    assert 0 == code
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
