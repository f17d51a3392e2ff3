"""``roo schema``: the JSON Schema of the certificate format, or with ``--context`` of the context format."""

from __future__ import annotations

import argparse

from roo.cli._common import OK, Subparsers, write_json
from roo.schema import context_schema, json_schema


def register(subparsers: Subparsers) -> None:
    """Add ``roo schema``."""
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the certificate (or context) format",
        description="Print the JSON Schema (draft 2020-12) of roo's certificate format, or of its context format.",
    )
    parser.add_argument("--context", action="store_true", help="the context format instead of the certificate's")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    write_json(context_schema() if args.context else json_schema())
    return OK
