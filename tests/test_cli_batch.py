"""``roo evaluate a.json b.json ...``: a batch of files, reported one by one and summed up on stderr.

A broker evaluating a morning's certificates gives them all at once. Each
report follows the last under its file's name (text, Markdown), or each
evaluation is one JSON line naming its file (``--format json``); a file that
cannot be read is reported and the batch goes on; stderr ends with a count by
status and the files that could not be read, unless ``--quiet``. The exit code
is a stream's: 2 if any file could not be read, else 4, 1 or 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import roo
from tests.test_cli import run, write
from tests.test_examples import EXAMPLES

ACCEPTED = str(EXAMPLES / "clean_ajcep_id_jp.json")
PARTIAL = str(EXAMPLES / "one_bad_item.json")
MALFORMED = str(EXAMPLES / "malformed.json")


def _alone(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The standard output of ``roo evaluate ARGS`` for one file."""
    _, out, _ = run(capsys, "evaluate", *args)
    return out


def test_text_reports_follow_each_other_under_their_file_names(capsys: pytest.CaptureFixture[str]) -> None:
    """Each report is the one the file gets alone, under ``==> FILE <==``; stderr sums the batch up."""
    alone = [_alone(capsys, path) for path in (ACCEPTED, PARTIAL)]
    code, out, err = run(capsys, "evaluate", ACCEPTED, PARTIAL)
    expected = f"==> {ACCEPTED} <==\n{alone[0]}\n==> {PARTIAL} <==\n{alone[1]}"
    assert (1, expected, "roo: 2 certificates: 1 accepted, 1 partially accepted\n") == (code, out, err)


def test_markdown_reports_are_separated_by_a_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """Markdown reports are separated by a horizontal rule, each under a line naming its file."""
    alone = [_alone(capsys, path, "--format", "markdown") for path in (ACCEPTED, PARTIAL)]
    code, out, _ = run(capsys, "evaluate", "--format", "markdown", ACCEPTED, PARTIAL)
    def named(path: str) -> str:
        return "**File:** " + path.replace("_", "\\_")

    assert (1, f"{named(ACCEPTED)}\n\n{alone[0]}\n---\n\n{named(PARTIAL)}\n\n{alone[1]}") == (code, out)


def test_json_is_one_line_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` writes JSON Lines: each file's ``Evaluation.to_dict()`` with ``"file"``, or its error."""
    code, out, err = run(capsys, "evaluate", "--format", "json", "-q", ACCEPTED, MALFORMED, PARTIAL)
    lines = [json.loads(line) for line in out.splitlines()]
    expected = []
    for path in (ACCEPTED, PARTIAL):
        case = json.loads(Path(path).read_text(encoding="utf-8"))
        evaluation = roo.evaluate(roo.load(case["certificate"]), roo.load_context(case["context"]))
        expected.append({"file": path, **evaluation.to_dict()})
    error = lines.pop(1)
    assert (2, "", expected) == (code, err, lines)
    assert (MALFORMED, {"message", "problems"}) == (error["file"], set(error["error"]))
    assert all({"path", "message"} == set(problem) for problem in error["error"]["problems"])


def test_a_file_that_cannot_be_read_is_reported_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The unreadable file's problems go to stderr as for one file; the others are still reported."""
    missing = str(tmp_path / "missing.json")
    code, out, err = run(capsys, "evaluate", missing, MALFORMED, ACCEPTED)
    assert (2, f"==> {ACCEPTED} <==\n{_alone(capsys, ACCEPTED)}") == (code, out)
    assert err.startswith(f"roo: {missing}: unreadable:")
    assert err.endswith(f"roo: 3 certificates: 1 accepted, 2 malformed; not read: {missing}, {MALFORMED}\n")


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ((ACCEPTED, ACCEPTED), 0),
        ((ACCEPTED, PARTIAL), 1),
        ((PARTIAL, "bare"), 4),
        ((ACCEPTED, "bare", MALFORMED), 2),
    ],
    ids=["all accepted", "one partially accepted", "one not complete", "one malformed"],
)
def test_exit_code_of_a_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str], files: tuple[str, ...], code: int) -> None:
    """As for a stream: 2 if any file cannot be read, else 4 if any grant rests on a check not made, else 1 if
    any is not accepted, else 0.
    """
    bare = write(tmp_path, "bare.json", json.loads(Path(ACCEPTED).read_text(encoding="utf-8"))["certificate"])
    paths = [bare if name == "bare" else name for name in files]
    assert code == run(capsys, "evaluate", "--quiet", *paths)[0]


def test_quiet_batch_writes_nothing_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """``--quiet`` turns the summary off."""
    assert (1, "") == tuple(run(capsys, "evaluate", "-q", ACCEPTED, PARTIAL)[::2])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "html", ACCEPTED, PARTIAL), "--format html reports on one certificate"),
        (("-", "-"), "standard input can be read only once"),
        (("--context", "-", "-", ACCEPTED), "standard input can be read only once"),
        (("a.jsonl", "b.jsonl", "--jsonl"), "--jsonl reads one stream: give one FILE"),
    ],
)
def test_batches_that_cannot_be_run(capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str) -> None:
    """What a batch cannot do is said before anything is evaluated."""
    code, out, err = run(capsys, "evaluate", *args)
    assert (2, "", True) == (code, out, message in err)


@pytest.mark.parametrize(
    ("args", "same_as"),
    [
        (("rules", "--scheme", "jiepa"), ("rules", "--scheme", "JIEPA")),
        (("rules", "--scheme", "Ajcep", "--format", "JSON"), ("rules", "--scheme", "AJCEP", "--format", "json")),
        (("evaluate", ACCEPTED, "--locale", "JA", "--format", "Markdown"), ("evaluate", ACCEPTED, "--locale", "ja", "--format", "markdown")),
    ],
)
def test_options_are_read_in_any_letter_case(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], same_as: tuple[str, ...]
) -> None:
    """A scheme, format or locale means the same in any letter case: ``--scheme jiepa`` is JIEPA."""
    assert run(capsys, *same_as) == run(capsys, *args)


def test_an_unknown_option_value_is_still_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """Reading any case does not read anything: an unknown scheme is refused with the list of schemes."""
    code, _, err = run(capsys, "rules", "--scheme", "nafta")
    assert (2, True) == (code, "invalid choice: 'nafta'" in err)


def test_shell_completion_when_argcomplete_is_installed() -> None:
    """With the optional argcomplete (``pip install 'roo-origin[completion]'``), the shell's completion request
    is answered with roo's commands; docs/cli.md says how to turn it on.
    """
    pytest.importorskip("argcomplete")
    import os
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    env = dict(os.environ, _ARGCOMPLETE="1", _ARGCOMPLETE_IFS="\n", COMP_LINE="roo ev", COMP_POINT="6")
    # argcomplete answers on descriptor 8, which the shell's completion function opens for it.
    answer_on_8 = "import os, runpy, sys; os.dup2(int(sys.argv[1]), 8); sys.argv = ['roo']; runpy.run_module('roo')"
    with subprocess.Popen(
        [sys.executable, "-c", answer_on_8, str(write_end)],
        env=env,
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as process:
        os.close(write_end)
        with os.fdopen(read_end, encoding="utf-8") as answer:
            completions = answer.read().split("\n")
        process.wait(timeout=60)
    assert ["evaluate"] == [word.strip() for word in completions]
