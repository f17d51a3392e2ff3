"""``roo schema``: the JSON Schema of the certificate format, or with ``--context`` of the context format.

The output is always JSON (a schema is JSON), so there is no ``--format``;
``-o FILE`` writes it to a file.
"""

from __future__ import annotations

import argparse

from ..schema import context_schema, json_schema
from ._common import INVALID, OK, HelpFormatter, InputError, Subparsers, add_output, emit, json_text, report


def register(subparsers: Subparsers) -> None:
    """Add ``roo schema``."""
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the certificate (or context) format",
        description="Print the JSON Schema (draft 2020-12) of roo's certificate format, or of its context format. "
        "The output is always JSON: this command has no --format.",
        epilog="exit codes:\n  0  the schema was written\n  2  a bad option, or the output file cannot be written",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--context", action="store_true", help="the context format instead of the certificate's")
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    try:
        emit(json_text(context_schema() if args.context else json_schema()), args.output)
    except InputError as error:
        report(error)
        return INVALID
    return OK
