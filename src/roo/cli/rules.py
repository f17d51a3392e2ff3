"""``roo rules``: the rule catalogue — every rule, its citation, its finding codes and what it needs."""

from __future__ import annotations

import argparse
import sys

from roo import catalogue
from roo.cli._common import OK, Subparsers, write_json
from roo.model.certificate import Scheme


def register(subparsers: Subparsers) -> None:
    """Add ``roo rules``."""
    parser = subparsers.add_parser(
        "rules",
        help="list the rules, their citations and finding codes",
        description="List every rule roo runs, in order, with its citation, what it needs from the context, and "
        "every finding it can report (code, severity, message template).",
    )
    parser.add_argument(
        "--scheme", choices=[scheme.value for scheme in Scheme], help="only this scheme's rules (default: all)"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="output format (default: text; markdown is docs/rules.md)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the catalogue."""
    if args.format == "json":
        write_json(catalogue.to_dict(args.scheme))
    elif args.format == "markdown":
        sys.stdout.write(catalogue.markdown(args.scheme))
    else:
        sys.stdout.write(catalogue.text(args.scheme))
    return OK
