"""What the ``roo`` commands share: exit codes, the command protocol, reading input, writing output, problems."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol, TextIO

from roo._json import JsonTextError, decode
from roo.errors import Problem

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = Any

#: The certificate is accepted, or no certificate is required (AJCEP IR 6); or a command succeeded.
OK: Final = 0
#: The certificate is partially accepted or rejected.
NOT_ACCEPTED: Final = 1
#: The input could not be read: a file, its JSON, the document, or an option.
INVALID: Final = 2

#: The name that stands for standard input (and, after ``-o``, standard output).
STDIN: Final = "-"

#: The exit codes of a command that evaluates certificates, for its ``--help``.
EVALUATION_EXIT_CODES: Final = (
    "exit codes:\n"
    "  0  accepted, or not_required (no certificate is needed for the consignment)\n"
    "  1  partially_accepted or rejected\n"
    "  2  invalid input: a file, its JSON, the document or an option (every problem is listed on stderr)"
)


class HelpFormatter(argparse.HelpFormatter):
    """Wraps a one-paragraph text to the terminal; keeps a text with line breaks (exit codes, examples) as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


class Command(Protocol):
    """A module of :mod:`roo.cli` that adds one subcommand."""

    def register(self, subparsers: Subparsers) -> None:
        """Add the command's parser; its ``run`` default takes the parsed arguments and returns the exit code."""


class InputError(Exception):
    """Input that cannot be used: ``source`` names the file, ``problems`` say what is wrong and where."""

    def __init__(self, source: str, problems: Iterable[Problem | str], what: str = "input") -> None:
        self.source = source
        self.what = what
        self.problems = tuple(problems)
        super().__init__(f"{source}: {what}")


class InputErrors(Exception):
    """Several inputs that cannot be used (a case and a separate context file, say), reported together."""

    def __init__(self, errors: Iterable[InputError]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(str(e) for e in self.errors))


def read_json(source: str) -> Any:
    """The parsed JSON of file ``source`` (``-``: standard input), numbers with a fraction as ``Decimal``.

    Raises:
        InputError: the file cannot be read, is not UTF-8, or is not JSON.
    """
    try:
        text = sys.stdin.read() if source == STDIN else Path(source).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        problem = f"not UTF-8 text ({error.reason} at byte {error.start})"
        raise InputError(_label(source), [problem], "unreadable") from None
    except OSError as error:
        raise InputError(_label(source), [error.strerror or str(error)], "unreadable") from None
    try:
        return decode(text)
    except JsonTextError as error:
        raise InputError(_label(source), [error.problem.message], error.what) from None


def _label(source: str) -> str:
    return "<stdin>" if source == STDIN else source


def report(error: InputError | InputErrors) -> None:
    """Write ``error`` to stderr: for each source a line naming it, then one line per problem."""
    lines: list[str] = []
    for each in error.errors if isinstance(error, InputErrors) else (error,):
        count = len(each.problems)
        lines.append(f"roo: {each.source}: {each.what}" + (f" ({count} problems):" if count > 1 else ":"))
        lines.extend(f"  {problem}" for problem in each.problems)
    sys.stderr.write("\n".join(lines) + "\n")


def json_text(data: Any) -> str:
    """``data`` as indented JSON text, ending with a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_json(data: Any) -> None:
    """Write ``data`` to stdout as indented JSON."""
    sys.stdout.write(json_text(data))


def add_output(parser: argparse.ArgumentParser) -> None:
    """Add ``-o/--output FILE``: write the output to a file instead of standard output."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the output to FILE (UTF-8, replaced if it exists) instead of standard output ('-')",
    )


@contextmanager
def output(path: str | None) -> Iterator[TextIO]:
    """Standard output (``path`` None or ``-``), or file ``path`` opened for writing as UTF-8.

    Raises:
        InputError: the file cannot be opened for writing.
    """
    if path is None or path == STDIN:
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed below, after the caller's block
    except OSError as error:
        raise InputError(path, [error.strerror or str(error)], "cannot write") from None
    with handle:
        yield handle


def emit(text: str, path: str | None) -> None:
    """Write ``text`` to standard output or to file ``path`` (see :func:`output`).

    Raises:
        InputError: the file cannot be opened for writing.
    """
    with output(path) as out:
        try:
            out.write(text)
            out.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise InputError(path or "<stdout>", [error.strerror or str(error)], "cannot write") from None
