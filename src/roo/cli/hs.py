"""``roo hs convert CODE --from HS2002 --to HS2017 --table PATH``: an HS subheading in another edition.

roo ships no correlation table (docs/hs.md#what-roo-does-not-ship-and-why); ``--table`` names one in the CSV
format of :mod:`roo.hs.correlation` (the UNSD table, or your own). The answer
lists every candidate subheading: a code that was split or regrouped between
the editions has several, and only the goods' description can settle which
one applies. Exit 0 when there is exactly one candidate, 1 when there are
several or none, 2 when the input is unusable (the table, an edition name,
the code).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Final

from ..hs import Conversion, CorrelationTable, CorrelationTableError, load_correlation, parse_edition
from ..model.hs import is_six_digit_subheading, normalize_hs
from ._common import (
    INVALID,
    NOT_ACCEPTED,
    OK,
    HelpFormatter,
    InputError,
    Subparsers,
    add_output,
    choice,
    emit,
    json_text,
    report,
)

#: The shape of ``--format json``.
FORMAT: Final = "roo.hs-conversion/1"

_EPILOG: Final = """exit codes:
  0  exactly one candidate (the code is unchanged, renumbered, or merged with others)
  1  several candidates (a split or regrouping: the description decides) or none (the reason is given)
  2  invalid input: the table cannot be read, an edition or the code is not valid

examples:
  roo hs convert 0301.99 --from HS2002 --to HS2007 --table hs_correlation_unsd.csv
  roo hs convert 847110 --from HS2002 --to HS2022 --table my_table.csv --format json"""


def register(subparsers: Subparsers) -> None:
    """Add ``roo hs`` and its subcommand ``convert``."""
    parser = subparsers.add_parser(
        "hs",
        help="HS codes across editions (hs convert)",
        description="Work with HS subheadings across the editions of the Harmonized System. roo ships no "
        "correlation table: give one with --table (CSV: new_version,old_version,new_code,old_code[,"
        "unsd_relationship]).",
        formatter_class=HelpFormatter,
    )
    parser.set_defaults(run=lambda args: _usage(parser))
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    convert = commands.add_parser(
        "convert",
        help="convert a subheading to another HS edition, listing every candidate",
        description="Convert a six-digit HS subheading from one edition to another with a correlation table, "
        "in either direction and across several editions (HS2002 -> HS2017 goes through HS2007 and HS2012). "
        "Every candidate is listed: a code split or regrouped between the editions has several.",
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    convert.add_argument("code", metavar="CODE", help="the subheading, six digits (dots allowed: 0301.99)")
    convert.add_argument(
        "--from", dest="from_version", metavar="EDITION", required=True, type=edition, help="its edition (HS2002)"
    )
    convert.add_argument(
        "--to", dest="to_version", metavar="EDITION", required=True, type=edition, help="the edition wanted (HS2017)"
    )
    convert.add_argument(
        "--table", metavar="PATH", required=True, help="the correlation table, as CSV (see docs/hs.md)"
    )
    convert.add_argument(
        "--format",
        type=choice(("text", "json", "markdown")),
        choices=("text", "json", "markdown"),
        default="text",
        help=f"output format (default: text; json is {FORMAT})",
    )
    add_output(convert)
    convert.set_defaults(run=run_convert)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return INVALID


def edition(text: str) -> str:
    """An HS edition given on the command line, in canonical form (``hs2017`` -> ``HS2017``)."""
    try:
        return parse_edition(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an HS edition (e.g. HS2017): {text!r}") from None


def run_convert(args: argparse.Namespace) -> int:
    """Convert, print the answer, and return the exit code."""
    digits = normalize_hs(args.code)
    if not is_six_digit_subheading(digits):
        report(InputError(args.code, ["not a six-digit HS subheading (e.g. 030199 or 0301.99)"], "invalid code"))
        return INVALID
    try:
        table = read_table(args.table)
    except InputError as error:
        report(error)
        return INVALID
    conversion = table.convert(digits, args.from_version, args.to_version)
    if args.format == "json":
        text = json_text(to_dict(conversion))
    elif args.format == "markdown":
        text = markdown(conversion)
    else:
        text = render(conversion)
    try:
        emit(text, args.output)
    except InputError as error:
        report(error)
        return INVALID
    return OK if conversion.exact else NOT_ACCEPTED


def read_table(path: str) -> CorrelationTable:
    """The correlation table at ``path``.

    Raises:
        InputError: the file cannot be read, or is not a correlation table roo can use.
    """
    try:
        return load_correlation(path)
    except CorrelationTableError as error:
        problem = error.detail if error.line is None else f"line {error.line}: {error.detail}"
        raise InputError(path, [problem], "invalid correlation table") from None
    except UnicodeDecodeError as error:
        raise InputError(path, [f"not UTF-8 text ({error.reason} at byte {error.start})"], "unreadable") from None
    except OSError as error:
        raise InputError(path, [error.strerror or str(error)], "unreadable") from None


def to_dict(conversion: Conversion) -> dict[str, Any]:
    """The JSON form of ``conversion`` (format ``roo.hs-conversion/1``)."""
    return {
        "format": FORMAT,
        "code": conversion.code,
        "from": conversion.from_version,
        "to": conversion.to_version,
        "candidates": list(conversion.candidates),
        "exact": conversion.exact,
        "ambiguous": conversion.ambiguous,
        "relationship": conversion.relationship.value,
        "path": list(conversion.path),
        "known": conversion.known,
        "unlinked": [{"edition": edition_, "code": code} for edition_, code in conversion.unlinked],
        "reason": conversion.reason,
    }


def _verdict(conversion: Conversion) -> str:
    count = len(conversion.candidates)
    if count == 0:
        return "no candidate"
    if count == 1:
        return "unchanged" if conversion.unchanged else "exactly one candidate"
    return f"ambiguous: {count} candidates, the goods' description decides which applies"


def _via(conversion: Conversion) -> str:
    middle = conversion.path[1:-1]
    return f" (via {', '.join(middle)})" if middle else ""


def render(conversion: Conversion) -> str:
    """The text answer: the conversion and its verdict, then one candidate per line, then the reason if any."""
    relationship = conversion.relationship.value.replace("_", "-")
    lines = [
        f"{conversion.from_version} {conversion.code} -> {conversion.to_version}{_via(conversion)}: "
        f"{_verdict(conversion)} ({relationship})"
    ]
    lines.extend(f"  {candidate}" for candidate in conversion.candidates)
    if conversion.reason:
        lines.append(f"reason: {conversion.reason}")
    return "\n".join(lines) + "\n"


def markdown(conversion: Conversion) -> str:
    """The answer as Markdown: a heading, the verdict, the candidates as a list."""
    lines = [
        f"## {conversion.from_version} {conversion.code} → {conversion.to_version}",
        "",
        f"{_verdict(conversion).capitalize()}{_via(conversion)}; relationship `{conversion.relationship.value}`.",
        "",
    ]
    lines.extend(f"- `{candidate}`" for candidate in conversion.candidates)
    if conversion.candidates:
        lines.append("")
    if conversion.reason:
        lines.extend([f"Reason: {conversion.reason}", ""])
    return "\n".join(lines)
