"""``roo rules``: the rule catalogue — every rule, its citation, its finding codes and what it needs."""

from __future__ import annotations

import argparse

from .. import catalogue
from ..model.certificate import Scheme
from ._common import (
    INVALID,
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


def register(subparsers: Subparsers) -> None:
    """Add ``roo rules``."""
    parser = subparsers.add_parser(
        "rules",
        help="list the rules, their citations and finding codes",
        description="List every rule roo runs, in order, with its citation, what it needs from the context, and "
        "every finding it can report (code, severity, message template).",
        epilog="exit codes:\n  0  the catalogue was written\n  2  a bad option, or the output file cannot be written",
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--scheme",
        type=choice(scheme.value for scheme in Scheme),
        choices=[scheme.value for scheme in Scheme], help="only this scheme's rules (default: all)"
    )
    parser.add_argument(
        "--format",
        type=choice(("text", "json", "markdown")),
        choices=("text", "json", "markdown"),
        default="text",
        help="output format (default: text; json is roo.rules/1; markdown is docs/rules.md)",
    )
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the catalogue."""
    if args.format == "json":
        text = json_text(catalogue.to_dict(args.scheme))
    elif args.format == "markdown":
        text = catalogue.markdown(args.scheme)
    else:
        text = catalogue.text(args.scheme)
    try:
        emit(text, args.output)
    except InputError as error:
        report(error)
        return INVALID
    return OK
