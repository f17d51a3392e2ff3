"""``roo evaluate --jsonl``: a stream of certificates in, one result per line out, in order and in constant memory."""

from __future__ import annotations

import io
import json
import os
import pickle
import sys
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import roo
from roo.cli.evaluate import (
    CHUNKS_IN_FLIGHT,
    LineEvaluator,
    Progress,
    Tally,
    evaluate_stream,
    numbered_lines,
)
from roo.evaluation import Status
from tests.builders import certificate_data, complete_case, item_data
from tests.test_cli import roo_process
from tests.test_examples import EXAMPLES, EXPECTED, read


def jsonl(*documents: Any) -> str:
    """``documents`` as JSON Lines (a ``str`` is written as the line itself)."""
    return "".join((d if isinstance(d, str) else json.dumps(d, default=str)) + "\n" for d in documents)


def results(stdout: str) -> list[dict[str, Any]]:
    """The JSON results of a stream's output, one per line."""
    return [json.loads(line) for line in stdout.splitlines()]


def example_lines() -> list[str]:
    """Every example (the malformed one too) as one line of JSON each, in name order."""
    return [json.dumps(json.loads((EXAMPLES / name).read_text(encoding="utf-8"))) for name in sorted(EXPECTED)]


#: A case whose evaluation is accepted and complete (exit 0); BARE, the certificate alone (incomplete: exit 4).
ACCEPTED = complete_case()
BARE = certificate_data()
REJECTED = certificate_data(certification={"authority": "Ministry of Trade", "signatory": "A", "signed": False})


# Through a real process.


def test_jobs_2_gives_the_same_output_as_jobs_1(tmp_path: Path) -> None:
    """A 640-line stream (20 chunks, so both workers take several, out of order) evaluated by two worker processes
    gives, byte for byte, the single process's output."""
    lines = example_lines()
    stream = tmp_path / "stream.jsonl"
    stream.write_text("\n".join(lines[i % len(lines)] for i in range(640)) + "\n", encoding="utf-8")
    one = roo_process("evaluate", "--jsonl", str(stream), "--jobs", "1")
    two = roo_process("evaluate", "--jsonl", str(stream), "--jobs", "2")
    assert (2, True) == (one.returncode, one.stderr.startswith("roo: 640 certificates: "))
    assert (one.returncode, one.stdout, one.stderr) == (two.returncode, two.stdout, two.stderr)
    assert list(range(1, 641)) == [result["line"] for result in results(two.stdout)]


def test_every_line_is_the_evaluation_with_its_line_number(tmp_path: Path) -> None:
    """Each result is Evaluation.to_dict() plus "line"; a malformed example gives an error with every problem."""
    names = sorted(EXPECTED)
    result = roo_process("evaluate", "--jsonl", "-", stdin="\n".join(example_lines()) + "\n")
    assert 2 == result.returncode
    for number, (name, got) in enumerate(zip(names, results(result.stdout), strict=True), start=1):
        if EXPECTED[name].status is None:
            assert {"line", "error"} == set(got)
            assert 5 == len(got["error"]["problems"])
            continue
        data = read(name)
        evaluation = roo.evaluate(roo.load(data["certificate"]), roo.load_context(data["context"]))
        assert {"line": number, **evaluation.to_dict()} == got


@pytest.mark.parametrize(
    "documents, code",
    [
        ((ACCEPTED, ACCEPTED), 0),
        ((ACCEPTED, REJECTED, ACCEPTED), 1),
        ((ACCEPTED, REJECTED, "{not json"), 2),
        ((ACCEPTED, BARE, REJECTED), 4),
        ((ACCEPTED, BARE, "{not json"), 2),
        ((), 0),
    ],
    ids=[
        "every line accepted",
        "one line rejected",
        "one line malformed",
        "one line granted on checks not made",
        "malformed before unverified",
        "empty stream",
    ],
)
def test_stream_exit_codes(documents: tuple[Any, ...], code: int) -> None:
    """0 when every line is accepted, 1 when any is not, 4 when a grant rests on a check not made (before 1),
    2 when any cannot be read; every line still gets a result."""
    result = roo_process("evaluate", "--jsonl", "--quiet", stdin=jsonl(*documents))
    assert (code, "") == (result.returncode, result.stderr)
    assert len(documents) == len(result.stdout.splitlines())


def test_malformed_lines_are_reported_and_the_stream_goes_on() -> None:
    """Bad JSON, a bad certificate, a bad case, bytes that are not UTF-8: each its own error line, in place."""
    bad_item = certificate_data(items=[item_data(1, hs_code=306017)])
    text = jsonl(
        ACCEPTED,
        "{not json",
        bad_item,
        {"certificate": BARE, "context": {"on": "20 March 2024"}, "extra": 1},
        "[1, 2]",
        '{"a": NaN}',
        ACCEPTED,
    )
    result = roo_process("evaluate", "--jsonl", stdin=text)
    got = results(result.stdout)
    assert 2 == result.returncode
    assert [1, 2, 3, 4, 5, 6, 7] == [line["line"] for line in got]
    assert ["accepted", None, None, None, None, None, "accepted"] == [line.get("status") for line in got]
    assert {
        "line": 2,
        "error": {"message": "not valid JSON", "problems": [{"path": "$", "message": "column 2: Expecting property "
                                                             "name enclosed in double quotes"}]},
    } == got[1]
    assert [{"path": "items[0].hs_code", "message": "expected a string, got a number"}] == got[2]["error"]["problems"]
    assert "invalid case" == got[3]["error"]["message"]
    assert [
        {"path": "$", "message": "a case has only 'certificate' and 'context', not 'extra'"},
        {"path": "context.on", "message": "not a date (YYYY-MM-DD): '20 March 2024'"},
    ] == got[3]["error"]["problems"]
    assert [{"path": "$", "message": "expected an object, got an array"}] == got[4]["error"]["problems"]
    assert [{"path": "$", "message": "NaN is not a JSON number"}] == got[5]["error"]["problems"]


def test_bytes_that_are_not_utf8_spoil_only_their_line(tmp_path: Path) -> None:
    """A line in Latin-1 is reported as unreadable; the lines around it are evaluated."""
    stream = tmp_path / "mixed.jsonl"
    latin1 = '{"remarks": "caf\u00e9"}\n'.encode("latin-1")
    stream.write_bytes(jsonl(ACCEPTED).encode() + latin1 + jsonl(ACCEPTED).encode())
    result = roo_process("evaluate", str(stream), "--jsonl")
    got = results(result.stdout)
    assert 2 == result.returncode
    assert ["accepted", None, "accepted"] == [line.get("status") for line in got]
    assert "unreadable" == got[1]["error"]["message"]


def test_blank_lines_are_skipped_but_counted() -> None:
    """Blank lines give no result, and line numbers stay those of the input."""
    result = roo_process("evaluate", "--jsonl", "-", stdin="\n" + jsonl(ACCEPTED) + "   \n\n" + jsonl(REJECTED))
    assert [(2, "accepted"), (5, "rejected")] == [(r["line"], r["status"]) for r in results(result.stdout)]


def test_byte_order_mark_on_the_first_line(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark before the first line is not an error."""
    stream = tmp_path / "bom.jsonl"
    stream.write_bytes(b"\xef\xbb\xbf" + jsonl(ACCEPTED).encode())
    result = roo_process("evaluate", "--jsonl", str(stream))
    assert (0, "accepted") == (result.returncode, results(result.stdout)[0]["status"])


def test_context_and_on_apply_to_every_line(tmp_path: Path) -> None:
    """``--context`` replaces every line's context, ``--on`` sets every line's presentation date."""
    context = tmp_path / "ctx.json"
    context.write_text(json.dumps({"on": "2024-04-01"}), encoding="utf-8")
    case = {"certificate": BARE, "context": {"on": "2024-03-20"}}
    text = jsonl(BARE, case)
    with_context = roo_process("evaluate", "--jsonl", "--context", str(context), stdin=text)
    assert ["2024-04-01", "2024-04-01"] == [r["on"] for r in results(with_context.stdout)]
    with_on = roo_process("evaluate", "--jsonl", "--on", "2024-03-25", stdin=text)
    assert ["2024-03-25", "2024-03-25"] == [r["on"] for r in results(with_on.stdout)]
    own = roo_process("evaluate", "--jsonl", stdin=text)
    assert [None, "2024-03-20"] == [r["on"] for r in results(own.stdout)]


def test_locale_renders_every_line(tmp_path: Path) -> None:
    """``--locale`` applies to the messages of every line."""
    text = jsonl(REJECTED)
    english = results(roo_process("evaluate", "--jsonl", stdin=text).stdout)[0]
    japanese = results(roo_process("evaluate", "--jsonl", "--locale", "ja", stdin=text).stdout)[0]
    evaluation = roo.evaluate(roo.load(REJECTED), locale="ja")
    assert [f.message for f in evaluation.findings] == [f["message"] for f in japanese["findings"]]
    assert [f["code"] for f in english["findings"]] == [f["code"] for f in japanese["findings"]]


def test_output_file(tmp_path: Path) -> None:
    """``-o FILE`` writes the results there and nothing to standard output."""
    target = tmp_path / "results.jsonl"
    result = roo_process("evaluate", "--jsonl", "-o", str(target), stdin=jsonl(ACCEPTED, REJECTED))
    assert (1, "") == (result.returncode, result.stdout)
    assert ["accepted", "rejected"] == [r["status"] for r in results(target.read_text(encoding="utf-8"))]


def test_no_progress_when_stderr_is_not_a_terminal() -> None:
    """Piped stderr gets the summary only: the progress line is for terminals."""
    result = roo_process("evaluate", "--jsonl", stdin=jsonl(ACCEPTED, REJECTED))
    assert "roo: 2 certificates: 1 accepted, 1 rejected\n" == result.stderr


def test_the_summary_names_the_lines_that_could_not_be_read(tmp_path: Path) -> None:
    """A stream into a file ends with a count by status and the numbers of its unreadable lines on stderr, even
    when stderr is not a terminal: a batch job's log says what happened.
    """
    target = tmp_path / "results.jsonl"
    stream = jsonl(ACCEPTED, "{bad", REJECTED, "[]", BARE)
    result = roo_process("evaluate", "--jsonl", "-", "-o", str(target), stdin=stream)
    expected = (
        "roo: 5 certificates: 2 accepted, 1 rejected, 2 malformed; 1 not complete (a grant rests on a check not "
        "made); not read: line 2, line 4\n"
    )
    written = [r.get("status", "malformed") for r in results(target.read_text(encoding="utf-8"))]
    assert (2, expected, 5) == (result.returncode, result.stderr, len(written))


def test_quiet_leaves_stderr_empty() -> None:
    """``--quiet`` turns the summary off."""
    result = roo_process("evaluate", "--jsonl", "-q", stdin=jsonl(ACCEPTED, "{bad"))
    assert (2, "") == (result.returncode, result.stderr)


def test_the_summary_names_at_most_twenty_unreadable_lines() -> None:
    """A long stream of bad lines is summed up in one line: the first twenty named, the others counted."""
    tally = Tally()
    for number in range(1, 26):
        tally.add(None, f"line {number}")
    assert tally.summary().endswith("line 19, line 20 and 5 more")


def on_terminal(stdin: str, *, stdout_too: bool = False) -> tuple[int, str, str]:
    """Run ``roo evaluate --jsonl`` with stderr (and maybe stdout) on a pseudo-terminal: code, stdout, terminal.

    The terminal is read while the process runs, so that a full terminal buffer never blocks it.
    """
    import select
    import subprocess

    leader, follower = os.openpty()
    chunks: list[bytes] = []
    with subprocess.Popen(
        [sys.executable, "-m", "roo", "evaluate", "--jsonl"],
        stdin=subprocess.PIPE,
        stdout=follower if stdout_too else subprocess.PIPE,
        stderr=follower,
    ) as process:
        os.close(follower)
        assert process.stdin is not None
        process.stdin.write(stdin.encode())
        process.stdin.close()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # EIO: the process has exited and the terminal is drained
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            elif process.poll() is not None:
                break
        out = process.stdout.read() if process.stdout is not None else b""
        code = process.wait(timeout=900)
    os.close(leader)
    return code, out.decode(), b"".join(chunks).decode()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal (POSIX)")
def test_progress_when_stderr_is_a_terminal() -> None:
    """With stderr on a terminal, a progress line counts the certificates and ends with a newline."""
    code, out, shown = on_terminal(jsonl(ACCEPTED, REJECTED, "{bad"))
    assert (2, 3) == (code, len(out.splitlines()))
    assert shown.startswith("\r")
    assert shown.endswith("roo: 3 certificates: 1 accepted, 1 rejected, 1 malformed; not read: line 3\r\n")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal (POSIX)")
def test_no_progress_over_the_results() -> None:
    """When the results themselves go to the terminal, no progress line is drawn over them."""
    code, _, shown = on_terminal(jsonl(ACCEPTED, REJECTED), stdout_too=True)
    assert 1 == code
    assert 2 == shown.count('"line":')
    assert (False, True) == ("\x1b[K" in shown, shown.endswith("roo: 2 certificates: 1 accepted, 1 rejected\r\n"))


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (("evaluate", "x.json", "--jobs", "2"), None, "--jobs applies to a stream: add --jsonl"),
        (("evaluate", "a.jsonl", "--jsonl", "b.jsonl"), None, "the stream is given twice"),
        (("evaluate", "--jsonl", "--format", "text"), "", "--format text does not apply to a stream"),
        (("evaluate", "--jsonl", "--format", "html"), "", "--format html does not apply to a stream"),
        (("evaluate", "--jsonl", "--jobs", "-1"), "", "not a number of processes: '-1'"),
        (("evaluate", "--jsonl", "--jobs", "two"), "", "not a number of processes: 'two'"),
        (("evaluate", "--jsonl", "--context", "-"), "", "cannot both be read from standard input"),
        (("evaluate", "--jsonl", "no/such.jsonl"), None, "no/such.jsonl: unreadable:"),
        (("evaluate", "--jsonl", "--context", "no/such.json"), "", "no/such.json: unreadable:"),
    ],
    ids=[
        "jobs without a stream",
        "stream given twice",
        "text format",
        "html format",
        "negative jobs",
        "jobs not a number",
        "stdin twice",
        "missing stream file",
        "missing context file",
    ],
)
def test_stream_usage_errors(args: tuple[str, ...], stdin: str | None, message: str) -> None:
    """What cannot make a stream exits 2 with a message and writes no result."""
    result = roo_process(*args, stdin=stdin)
    assert (2, "") == (result.returncode, result.stdout)
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_format_json_is_allowed() -> None:
    """``--format json`` with ``--jsonl`` is what the stream writes anyway."""
    result = roo_process("evaluate", "--jsonl", "--format", "json", stdin=jsonl(ACCEPTED))
    assert (0, "accepted") == (result.returncode, results(result.stdout)[0]["status"])


# In-process: laziness, order, bounded read-ahead.


def counting(lines: list[str], pulled: list[int]) -> Iterator[tuple[int, str]]:
    """``lines`` numbered from 1, counting in ``pulled[0]`` how many were taken."""
    for number, line in enumerate(lines, start=1):
        pulled[0] += 1
        yield number, line


def test_one_job_reads_one_line_per_result() -> None:
    """With one job, a line is read only when its result is asked for: nothing piles up."""
    pulled = [0]
    lines = [json.dumps(ACCEPTED)] * 1_000
    stream = evaluate_stream(counting(lines, pulled), LineEvaluator())
    assert 0 == pulled[0]
    for expected_pulled in (1, 2, 3):
        result = next(stream)
        assert (expected_pulled, expected_pulled, Status.ACCEPTED) == (pulled[0], result.line, result.status)
    stream.close()
    assert 3 == pulled[0]


def test_several_jobs_read_a_bounded_number_of_lines_ahead() -> None:
    """With two workers, at most jobs x chunksize x CHUNKS_IN_FLIGHT lines (plus a chunk) are read ahead."""
    threads = threading.active_count()
    pulled = [0]
    lines = [json.dumps(ACCEPTED)] * 5_000
    jobs, chunksize = 2, 2
    bound = jobs * chunksize * CHUNKS_IN_FLIGHT + chunksize
    stream = evaluate_stream(counting(lines, pulled), LineEvaluator(), jobs=jobs, chunksize=chunksize)
    first = next(stream)
    time.sleep(0.5)  # give the feeding thread every chance to read on
    assert 1 == first.line
    assert pulled[0] <= bound
    got = [first.line] + [next(stream).line for _ in range(99)]
    assert list(range(1, 101)) == got
    assert pulled[0] <= 100 + bound
    stream.close()  # stops the feeding thread and the pool
    assert threads == threading.active_count()


def test_numbered_lines_skips_blank_lines() -> None:
    """Line numbers count every line of the input, blank ones included."""
    assert [(2, b"{}\n"), (4, b"[]")] == list(numbered_lines(io.BytesIO(b"\n{}\n  \n[]")))


def test_line_evaluator_is_picklable_and_pure() -> None:
    """The evaluator crosses to worker processes by pickling and gives the same result there."""
    context = roo.load_context({"on": "2024-03-20", "exchange_rates": {"USD/JPY": "150.25"}})
    evaluator = LineEvaluator(context, None, "id")
    copy = pickle.loads(pickle.dumps(evaluator))
    line = (7, json.dumps(ACCEPTED).encode())
    assert evaluator == copy
    assert evaluator(line) == copy(line)
    assert pickle.loads(pickle.dumps(evaluator(line))) == evaluator(line)


def test_line_evaluator_takes_text_or_bytes() -> None:
    """A line may be given as text (a generator of str) or as bytes read from a file."""
    text = json.dumps(ACCEPTED)
    assert LineEvaluator()((1, text)) == LineEvaluator()((1, text.encode()))


def test_decimals_in_a_line_are_exact() -> None:
    """JSON numbers with a fraction are read as Decimal, as for a single file."""
    data = certificate_data(items=[item_data(1, fob_value={"amount": 0.30000000000000001, "currency": "USD"})])
    text = json.dumps(data).replace('"amount": 0.3', '"amount": 0.30000000000000001')
    result = LineEvaluator()((1, text))
    evaluation = roo.evaluate(roo.load(json.loads(text, parse_float=Decimal)))
    assert json.dumps({"line": 1, **evaluation.to_dict()}, ensure_ascii=False, separators=(",", ":")) == result.json


def test_progress_line() -> None:
    """The progress line counts each kind of result seen, redraws at most every tenth of a second, and is erased
    at the end, where the summary takes its place.
    """
    out = io.StringIO()
    now = [0.0]
    tally = Tally()
    progress = Progress(out, tally, clock=lambda: now[0])
    for number, status in ((1, Status.ACCEPTED), (2, Status.REJECTED), (3, None)):
        tally.add(status, f"line {number}")
        progress.update()
        now[0] += 0.05  # the second result comes too soon after the first to redraw
    progress.finish()
    assert [
        "\r1 certificate: 1 accepted\x1b[K",
        "\r3 certificates: 1 accepted, 1 rejected, 1 malformed\x1b[K",
        "\r\x1b[K",
    ] == [f"\r{part}" for part in out.getvalue().split("\r")[1:]]
