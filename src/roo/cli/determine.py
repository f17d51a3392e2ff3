"""``roo determine FILE``: does a good originate under AJCEP or JIEPA, and what goes in box 8?

FILE holds a good with its bill of materials (docs/origin.md); ``-`` reads
standard input. ``--psr FILE`` gives the product-specific rule table
(``roo.psr/1``); without it AJCEP goods are judged under the general rule and
JIEPA goods only as wholly obtained or produced entirely from originating
materials. ``--on DATE`` sets the date whose parameters apply (the good's
own ``on`` otherwise). The text report gives the answer, the recommended
box 8, each criterion tried and the findings; ``--format json`` prints
``Determination.to_dict()``. ``--locale ja`` (or ``id``, ``en``) writes the
report and the findings' messages in that language, as ``roo evaluate``
does; the JSON then carries the messages in that language.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

import attrs

from ..errors import InvalidInput
from ..locale import SUPPORTED_LOCALES
from ..origin import Good, PsrTable, determine, load_good, load_psr
from ._common import (
    INVALID,
    NOT_ACCEPTED,
    OK,
    STDIN,
    InputError,
    InputErrors,
    Subparsers,
    choice,
    read_json,
    report,
    write_json,
)
from .inputs import iso_date


def register(subparsers: Subparsers) -> None:
    """Add ``roo determine``."""
    parser = subparsers.add_parser(
        "determine",
        help="determine whether a good originates, and what goes in box 8",
        description="Determine whether a good originates under AJCEP or JIEPA from its bill of materials, which "
        "criteria it meets and what box 8 of the certificate should say. FILE is the good in JSON; '-' reads "
        "standard input.",
        epilog="Exit codes: 0 originating; 1 not originating, or undetermined for want of a fact (the report "
        "names it); 2 invalid input (every problem is listed on stderr with its JSON path).",
    )
    parser.add_argument("file", metavar="FILE", help="the good, as JSON ('-' for standard input)")
    parser.add_argument("--psr", metavar="FILE", help="the product-specific rule table (format roo.psr/1), as JSON")
    parser.add_argument(
        "--on", metavar="DATE", type=iso_date, help="the date whose parameters apply (YYYY-MM-DD; default: the good's)"
    )
    parser.add_argument(
        "--locale",
        type=choice(SUPPORTED_LOCALES),
        choices=SUPPORTED_LOCALES,
        help="the language of the report and its messages, with countries and figures formatted for it "
        "(default: the plain English report)",
    )
    parser.add_argument("--format", type=choice(("text", "json")), choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Determine, print the report, and return the exit code."""
    try:
        good, table = read_inputs(args.file, args.psr)
    except InputErrors as error:
        report(error)
        return INVALID
    if args.on is not None:
        good = attrs.evolve(good, on=args.on)
    determination = determine(good, table, locale=args.locale)
    if args.format == "json":
        write_json(determination.to_dict())
    else:
        sys.stdout.write(determination.to_text() + "\n")
    return OK if determination.originating is True else NOT_ACCEPTED


def read_inputs(source: str, psr_source: str | None) -> tuple[Good, PsrTable | None]:
    """The good in ``source`` and the table in ``psr_source``.

    Raises:
        InputErrors: a file cannot be read or parsed, or its document is not well-formed; every problem of
            every file is listed with its JSON path.
    """
    errors: list[InputError] = []
    good: Good | None = None
    table: PsrTable | None = None
    if psr_source == STDIN and source == STDIN:
        raise InputErrors([InputError("--psr", ["the good and the table cannot both be read from standard input"])])
    try:
        data = read_json(source)
        try:
            good = load_good(data)
        except InvalidInput as invalid:
            raise InputError(_label(source), invalid.reported, "invalid good") from None
    except InputError as error:
        errors.append(error)
    if psr_source is not None:
        try:
            data = read_json(psr_source)
            if not isinstance(data, Mapping):
                raise InputError(_label(psr_source), ["expected a JSON object (a roo.psr/1 table)"], "invalid table")
            try:
                table = load_psr(data)
            except InvalidInput as invalid:
                raise InputError(_label(psr_source), invalid.reported, "invalid product-specific rule table") from None
        except InputError as error:
            errors.append(error)
    if errors or good is None:
        raise InputErrors(errors)
    return good, table


def _label(source: str) -> str:
    return "<stdin>" if source == STDIN else source
