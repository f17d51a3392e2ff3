"""What the ``roo`` commands share: exit codes, the command protocol, reading input, writing output, problems."""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol, TextIO

import attrs

from .._json import JsonTextError, decode
from ..errors import Problem

if TYPE_CHECKING:
    from ..context import Context
    from ..hs.correlation import CorrelationTable
    from ..safeguard import SafeguardTable

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = Any

#: The certificate is accepted, or no certificate is required (AJCEP IR 6); or a command succeeded.
OK: Final = 0
#: The certificate is partially accepted or rejected.
NOT_ACCEPTED: Final = 1
#: The input could not be read: a file, its JSON, the document, or an option.
INVALID: Final = 2
#: The output could not be written: the disk is full, or the reader of a pipe stopped reading.
OUTPUT_FAILED: Final = 3
#: Not complete: a grant rests on a check that could deny and was not made (a fact missing), or a rule failed.
UNVERIFIED: Final = 4

#: The name that stands for standard input (and, after ``-o``, standard output).
STDIN: Final = "-"

#: The exit codes of a command that evaluates certificates, for its ``--help``.
EVALUATION_EXIT_CODES: Final = (
    "exit codes:\n"
    "  0  accepted, or not_required (no certificate is needed for the consignment)\n"
    "  1  partially_accepted or rejected\n"
    "  2  invalid input: a file, its JSON, the document or an option (every problem is listed on stderr)\n"
    "  3  the output could not be written (a full disk, a closed pipe): one line on stderr says which\n"
    "  4  not complete: a grant rests on a check that could deny and was not made for want of a fact,\n"
    "     or a rule failed (see \"unverified\")"
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


class OutputError(Exception):
    """Output that could not be written: ``destination`` names the file (or standard output), ``reason`` why."""

    def __init__(self, destination: str, reason: str) -> None:
        self.destination = destination
        self.reason = reason
        super().__init__(f"{destination}: {reason}")

    @classmethod
    def of(cls, destination: str | None, error: OSError) -> OutputError:
        """The output error for ``error`` raised while writing to ``destination`` (None or ``-``: stdout)."""
        where = "<stdout>" if destination in (None, STDIN) else str(destination)
        if isinstance(error, BrokenPipeError):
            return cls(where, "the reader closed the pipe before the output was written")
        return cls(where, error.strerror or str(error))


def report_output_error(error: OutputError) -> int:
    """Say in one line on stderr that the output could not be written; stop writing to stdout. Returns the exit code.

    Standard output is pointed at the null device, so that the interpreter's own last flush of what is still
    buffered neither fails again nor prints a traceback.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is no file (captured in a test): nothing to silence
        pass
    try:
        sys.stderr.write(f"roo: cannot write {error.destination}: {error.reason}\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr is gone too: the exit code is all that is left
        pass
    return OUTPUT_FAILED


class InputErrors(Exception):
    """Several inputs that cannot be used (a case and a separate context file, say), reported together."""

    def __init__(self, errors: Iterable[InputError]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(str(e) for e in self.errors))


def choice(values: Iterable[str]) -> Callable[[str], str]:
    """An argparse ``type`` reading one of ``values`` in any letter case (``JIEPA``, ``jiepa``, ``Jiepa``).

    Pair it with ``choices=values``: a word that is none of them, in any case, is then refused with the list.
    """
    by_folded = {value.casefold(): value for value in values}

    def read(text: str) -> str:
        return by_folded.get(text.casefold(), text)

    return read


def read_json(source: str) -> Any:
    """The parsed JSON of file ``source`` (``-``: standard input), numbers with a fraction as ``Decimal``.

    Raises:
        InputError: the file cannot be read, is not UTF-8, or is not JSON.
    """
    return parse_json(source, read_text(source))


def read_text(source: str) -> str:
    """The text of file ``source`` (``-``: standard input).

    Raises:
        InputError: the file cannot be read or is not UTF-8.
    """
    try:
        return sys.stdin.read() if source == STDIN else Path(source).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        problem = f"not UTF-8 text ({error.reason} at byte {error.start})"
        raise InputError(_label(source), [problem], "unreadable") from None
    except OSError as error:
        raise InputError(_label(source), [error.strerror or str(error)], "unreadable") from None


def parse_json(source: str, text: str) -> Any:
    """The parsed JSON of ``text``, read from file ``source``, numbers with a fraction as ``Decimal``.

    Raises:
        InputError: the text is not JSON.
    """
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
        count = sum(1 for problem in each.problems if not (isinstance(problem, Problem) and problem.path == "..."))
        lines.append(f"roo: {each.source}: {each.what}" + (f" ({count} problems):" if count > 1 else ":"))
        lines.extend(f"  {problem}" for problem in each.problems)
    sys.stderr.write("\n".join(lines) + "\n")


#: Characters that change what a terminal shows beyond their own glyph: bidirectional overrides and
#: isolates (they reorder the text around them), and the line and paragraph separators.
_TERMINAL_CONTROLS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")


def terminal_text(line: str) -> str:
    """``line`` with every control character escaped (``\\x1b``, ``\\n``, ``\\u202e``), so that it shows as one line.

    Text from a certificate never drives the terminal it is shown on (escape sequences, a carriage return
    over a verdict, reordered text), and a lone surrogate becomes its escape instead of failing the write.
    """
    if line.isprintable():
        return line
    return "".join(repr(char)[1:-1] if _drives_terminal(char) else char for char in line)


def _drives_terminal(char: str) -> bool:
    return char in _TERMINAL_CONTROLS or unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp")


def json_text(data: Any) -> str:
    """``data`` as indented JSON text, ending with a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_json(data: Any) -> None:
    """Write ``data`` to stdout as indented JSON.

    Raises:
        OutputError: standard output cannot be written.
    """
    write_text(sys.stdout, json_text(data), None)


def write_text(out: TextIO, text: str, destination: str | None) -> None:
    """Write ``text`` to ``out`` and flush it.

    Raises:
        OutputError: ``out`` cannot be written (``destination`` names it: a path, or None for stdout).
    """
    try:
        out.write(text)
        out.flush()
    except OSError as error:
        raise OutputError.of(destination, error) from None


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
        OutputError: it cannot be written (or closed: a close writes what is still buffered).
    """
    if path is None or path == STDIN:
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed below, after the caller's block
    except OSError as error:
        raise InputError(path, [error.strerror or str(error)], "cannot write") from None
    try:
        yield handle
    finally:
        try:
            handle.close()
        except OSError as error:
            raise OutputError.of(path, error) from None


def with_options(
    ctx: Context,
    *,
    on: date | None = None,
    hs_correlation: CorrelationTable | None = None,
    safeguard_measures: SafeguardTable | None = None,
) -> Context:
    """``ctx`` with what ``--on``, ``--hs-table`` and ``--safeguards`` give in place of its own; None keeps its own.

    One place for a single file, a batch and every line of a stream, so that an option means the same in each.
    """
    changes: dict[str, Any] = {}
    if on is not None:
        changes["on"] = on
    if hs_correlation is not None:
        changes["hs_correlation"] = hs_correlation
    if safeguard_measures is not None:
        changes["safeguard_measures"] = safeguard_measures
    return attrs.evolve(ctx, **changes) if changes else ctx


def emit(text: str, path: str | None) -> None:
    """Write ``text`` to standard output or to file ``path`` (see :func:`output`).

    Raises:
        InputError: the file cannot be opened for writing.
        OutputError: it cannot be written.
    """
    with output(path) as out:
        write_text(out, text, path)
