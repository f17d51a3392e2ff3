# PYTHON_ARGCOMPLETE_OK  (argcomplete, when installed, completes ``roo``'s commands and options: docs/cli.md)
"""The ``roo`` command: evaluate a certificate, list the rules, print the JSON Schemas.

``roo evaluate FILE``, ``roo rules``, ``roo schema``; ``roo --help`` lists
them, ``roo COMMAND --help`` explains one. Each command is a module of this
package exposing ``register(subparsers)``; to add one, write its module and
add its name to :data:`COMMANDS`.

Exit codes: 0 the certificate is accepted or no certificate is required;
1 it is partially accepted or rejected; 2 the input (a file, its JSON, an
option) is invalid, with every problem on stderr; 3 the output could not be
written (a full disk, a pipe whose reader stopped), said in one line.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Final

from .._exact import exact
from ._common import INVALID, Command, OutputError, report_output_error

#: The subcommands, in the order ``roo --help`` lists them: modules of this package.
COMMANDS: Final = ("evaluate", "determine", "hs", "rules", "schema", "eco")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``roo`` with every command registered."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="roo",
        description="Decide, for a certificate of origin presented at import, which goods get preferential "
        "tariff treatment, and why not the others. Every finding cites the rule it comes from.",
        epilog="Exit codes: 0 accepted or no certificate required; 1 partially accepted or rejected; "
        "2 invalid input; 3 the output could not be written. Run 'roo COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMANDS:
        command: Command = importlib.import_module(f"{__name__}.{name}")
        command.register(subparsers)
    return parser


@exact
def main(argv: Sequence[str] | None = None) -> int:
    """Run ``roo`` with ``argv`` (default: the process arguments) and return the exit code; never raises."""
    parser = build_parser()
    if argv is None:
        _complete(parser)
    try:
        args = parser.parse_args(argv)
        if not hasattr(args, "run"):
            parser.print_help(sys.stderr)
            return INVALID
        code: int = args.run(args)
        sys.stdout.flush()
    except SystemExit as exit_:  # argparse: --help, --version, or a usage error
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else INVALID)
    except OutputError as error:
        return report_output_error(error)
    except OSError as error:  # a write to stdout outside the helpers (commands turn read errors into InputError)
        return report_output_error(OutputError.of(None, error))
    return code


def _complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's completion request, when the optional ``argcomplete`` is installed and asks one.

    argcomplete reads the request from the environment and exits; without a request (or without argcomplete)
    this does nothing, so ``roo`` runs as usual.
    """
    try:
        argcomplete = importlib.import_module("argcomplete")
    except ImportError:
        return
    argcomplete.autocomplete(parser)


__all__ = ["COMMANDS", "build_parser", "main"]
