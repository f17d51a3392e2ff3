"""README.md: its two opening commands are the ones CI runs, and its Python tour runs and prints what it says."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
from pathlib import Path
from typing import Final

import pytest

from tests.test_examples import EXPECTED

ROOT: Final = Path(__file__).resolve().parent.parent
README: Final = (ROOT / "README.md").read_text(encoding="utf-8")
CI: Final = ROOT / ".ci" / "run"

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[str]:
    """The README's fenced code blocks in ``language``, in order."""
    return [body for lang, body in _FENCE.findall(README) if lang == language]


def opening_commands() -> list[str]:
    """The commands of the README's first code block."""
    first = _FENCE.search(README)
    assert first is not None, "README.md has no code block"
    return [line for line in first.group(2).splitlines() if line.strip()]


def ci_command(name: str) -> str:
    """The command .ci/run keeps in ``readonly NAME="..."``."""
    match = re.search(rf'^readonly {name}="(.*)"$', CI.read_text(encoding="utf-8"), re.MULTILINE)
    assert match is not None, f".ci/run defines no {name}"
    return match.group(1)


def test_readme_opens_with_exactly_two_commands() -> None:
    """The first code block comes before any heading and holds exactly two shell commands."""
    first = _FENCE.search(README)
    assert first is not None
    assert "sh" == first.group(1)
    assert "\n## " not in README[: first.start()]
    assert 2 == len(opening_commands())


def test_opening_commands_are_what_ci_runs() -> None:
    """The two commands are, character for character, the ones .ci/run executes."""
    install_and_evaluate, install_and_test = opening_commands()
    assert install_and_evaluate == ci_command("INSTALL_AND_EVALUATE")
    assert install_and_test == ci_command("INSTALL_AND_TEST")
    script = CI.read_text(encoding="utf-8")
    assert 'bash -c "$INSTALL_AND_EVALUATE"' in script
    assert 'bash -c "$INSTALL_AND_TEST"' in script


def test_opening_commands_install_evaluate_and_test() -> None:
    """The first installs roo and evaluates a bundled example; the second installs the test extra and runs pytest."""
    install_and_evaluate, install_and_test = (shlex.split(command) for command in opening_commands())
    assert "install" in install_and_evaluate and "." in install_and_evaluate
    (example,) = [word for word in install_and_evaluate if word.startswith("examples/")]
    assert (ROOT / example).is_file()
    assert 0 == EXPECTED[Path(example).name].exit_code
    assert ".[test]" in install_and_test
    assert ".venv/bin/pytest" == install_and_test[-1]


def test_ci_script_is_strict_and_complete() -> None:
    """.ci/run is an executable bash script that fails on any error and runs mypy and the benchmarks."""
    script = CI.read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "\nset -euo pipefail\n" in script
    assert os.access(CI, os.X_OK)
    assert ".venv/bin/mypy --strict src" in script
    assert "pytest benchmarks --benchmark-disable -q" in script
    assert "'.[test,bench]'" in script


def test_examples_table_lists_every_example() -> None:
    """The README's table of examples names every file in examples/ with its outcome."""
    rows = dict(re.findall(r"^\| `(\w+\.json)` \| .*? \| ([^|]+) \|$", README, re.MULTILINE))
    assert sorted(EXPECTED) == sorted(rows)
    for name, shown in rows.items():
        expected = EXPECTED[name]
        wanted = f"exit code {expected.exit_code}" if expected.status is None else expected.status.replace("_", " ")
        assert wanted == shown.strip(), name


def expected_output(block: str) -> list[str | None]:
    """What a tour block says it prints, line by line: its full-line ``# `` comments.

    A ``# e.g. ...`` comment illustrates a line whose exact text may vary (counts of checks, say); it
    stands for one printed line, which is not compared (``None``).
    """
    lines = [line.strip() for line in block.splitlines()]
    return [None if line.startswith("# e.g.") else line[2:] for line in lines if line.startswith("# ")]


def test_python_tour_runs_and_prints_what_it_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```python block runs, in order, in one namespace, from the project root, printing its comments."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "readme"}
    tour = blocks("python")
    assert len(tour) >= 5
    for index, block in enumerate(tour, start=1):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(block, f"README.md python block {index}", "exec"), namespace)  # noqa: S102
        expected = expected_output(block)
        shown: list[str | None] = printed.getvalue().splitlines()
        assert len(expected) == len(shown), f"block {index} printed {shown}"
        assert expected == [None if want is None else line for want, line in zip(expected, shown, strict=True)], f"block {index}"
