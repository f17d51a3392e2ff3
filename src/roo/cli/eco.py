"""``roo eco``: e-CO tools — the NACCS access keys, comparing an e-CO with its data copy, the tamper-evident digest.

``roo eco keys FILE`` prints the two data elements an importer enters in
Japan's NACCS to reach an e-CO (the certification number and the first
invoice number of the first item). ``roo eco compare ECO [COPY]`` lists, field
by field, where the e-CO and the copy of its data downloaded from the issuing
body's system differ, each discrepancy minor or material; COPY may be left
out when ECO is a case whose context carries the copy (``eco_data_copy``).
``roo eco digest FILE`` prints the SHA-256 digest of the certificate's
canonical form. Each FILE holds a certificate or a case ``{"certificate":
..., "context": ...}`` in JSON (``-``: standard input); ``--format json``
prints JSON, ``-o FILE`` writes to a file.

Exit codes: 0 done (for ``compare``: no material discrepancy); 1 ``compare``
found a material discrepancy; 2 invalid input (a file, its JSON, the
document, an e-CO without the data the keys need), every problem on stderr.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from typing import Any, Final

from .. import eco
from ..errors import InvalidInput
from ..model.certificate import Certificate
from ._common import (
    INVALID,
    NOT_ACCEPTED,
    OK,
    STDIN,
    HelpFormatter,
    InputError,
    InputErrors,
    Subparsers,
    add_output,
    choice,
    emit,
    json_text,
    report,
)
from .inputs import read_case

#: What ``--format`` offers.
FORMATS: Final = ("text", "json")
#: The shape of ``roo eco compare --format json``.
COMPARE_FORMAT: Final = "roo.eco.compare/1"

_INPUT = (
    "FILE holds a certificate or a case {\"certificate\": ..., \"context\": ...} in JSON; '-' reads standard input."
)


def _exit_codes(*lines: str) -> str:
    return "exit codes:\n" + "\n".join(f"  {line}" for line in lines)


def register(subparsers: Subparsers) -> None:
    """Add ``roo eco`` and its commands ``keys``, ``compare`` and ``digest``."""
    parser = subparsers.add_parser(
        "eco",
        help="e-CO tools: NACCS access keys, comparison with the data copy, digest",
        description="Tools for electronic certificates of origin (the JIEPA e-CO exchange with Japan Customs): "
        "the NACCS access keys, the comparison of an e-CO with the copy of its data, and the tamper-evident "
        "digest of a certificate.",
        epilog="Run 'roo eco COMMAND --help' for a command's options.",
        formatter_class=HelpFormatter,
    )
    parser.set_defaults(run=functools.partial(_usage, parser))
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    keys = commands.add_parser(
        "keys",
        help="the two data elements an importer enters in NACCS to reach the e-CO",
        description="Print the e-CO certification number and the first invoice number (in full) of the first "
        "item: what an importer enters in NACCS to reach an e-CO. " + _INPUT,
        epilog=_exit_codes("0  the keys were written", "2  invalid input, or the CO lacks one of the keys"),
        formatter_class=HelpFormatter,
    )
    keys.add_argument("file", metavar="FILE", help="the e-CO or case, as JSON ('-' for standard input)")
    _add_format(keys)
    keys.set_defaults(run=run_keys)

    compare = commands.add_parser(
        "compare",
        help="compare an e-CO with the copy of its data, field by field",
        description="List every field on which the e-CO and the copy of its data downloaded from the issuing "
        "body's system differ, each minor or material (it concerns what identifies the CO or decides preference). "
        "The e-CO is the basis for preference: either kind is something customs may check by referring to the copy. "
        "ECO and COPY each hold a certificate or a case in JSON; COPY may be left out when ECO is a case whose "
        "context has the copy (eco_data_copy).",
        epilog=_exit_codes(
            "0  no material discrepancy (minor ones may be listed)",
            "1  at least one material discrepancy",
            "2  invalid input",
        ),
        formatter_class=HelpFormatter,
    )
    compare.add_argument("eco", metavar="ECO", help="the e-CO or case, as JSON ('-' for standard input)")
    compare.add_argument("copy", metavar="COPY", nargs="?", help="the copy of the e-CO data, as JSON")
    _add_format(compare)
    compare.set_defaults(run=run_compare)

    digest = commands.add_parser(
        "digest",
        help="the SHA-256 digest of a certificate's canonical form",
        description="Print the SHA-256 digest of the certificate's canonical form (sorted keys, normalised numbers "
        "and dates): any change of meaning changes it, a change of form does not. " + _INPUT,
        epilog=_exit_codes("0  the digest was written", "2  invalid input"),
        formatter_class=HelpFormatter,
    )
    digest.add_argument("file", metavar="FILE", help="the certificate or case, as JSON ('-' for standard input)")
    _add_format(digest)
    digest.set_defaults(run=run_digest)


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", type=choice(FORMATS), choices=FORMATS, default="text", help="output format (default: text)")
    add_output(parser)


def _usage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``roo eco`` without a command: its help on stderr, and the invalid-input exit code."""
    parser.print_help(sys.stderr)
    return INVALID


def _label(source: str) -> str:
    return "<stdin>" if source == STDIN else source


def _write(text: str, path: str | None) -> int:
    try:
        emit(text, path)
    except InputError as error:
        report(error)
        return INVALID
    return OK


def _guarded(action: Callable[[argparse.Namespace], tuple[str, int]], args: argparse.Namespace) -> int:
    """Run ``action`` (returning its output and exit code), reporting unusable input with exit code 2."""
    try:
        text, code = action(args)
    except (InputError, InputErrors) as error:
        report(error)
        return INVALID
    written = _write(text, args.output)
    return written if written != OK else code


# --- roo eco keys ---------------------------------------------------------------------------------------------


def keys_output(co: Certificate, source: str, format: str) -> str:
    """The access keys of ``co`` read from ``source``, as text or JSON.

    Raises:
        InputError: the CO lacks its reference number or the first item's invoice number.
    """
    try:
        found = eco.access_keys(co)
    except InvalidInput as invalid:
        raise InputError(_label(source), invalid.reported, "no NACCS access keys") from None
    if format == "json":
        return json_text(found._asdict())
    return f"certification number: {found.certification_number}\nfirst invoice number: {found.first_invoice_number}\n"


def run_keys(args: argparse.Namespace) -> int:
    """``roo eco keys FILE``."""

    def action(args: argparse.Namespace) -> tuple[str, int]:
        co, _ = read_case(args.file)
        return keys_output(co, args.file, args.format), OK

    return _guarded(action, args)


# --- roo eco compare ------------------------------------------------------------------------------------------


def compare_data(discrepancies: tuple[eco.Discrepancy, ...]) -> dict[str, Any]:
    """The JSON form of a comparison: its format, the counts, and every discrepancy."""
    material = sum(1 for d in discrepancies if d.materiality is eco.Materiality.MATERIAL)
    return {
        "format": COMPARE_FORMAT,
        "material": material,
        "minor": len(discrepancies) - material,
        "discrepancies": [_json_ready(d.to_dict()) for d in discrepancies],
    }


def _json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json_ready(each) for key, each in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(each) for each in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _show(value: Any) -> str:
    return "missing" if value is None else repr(value)


def compare_text(discrepancies: tuple[eco.Discrepancy, ...]) -> str:
    """A comparison for a terminal: a summary line, then one line per discrepancy."""
    if not discrepancies:
        return "No discrepancy: the e-CO and the copy of its data agree.\n"
    data = compare_data(discrepancies)
    count = len(discrepancies)
    lines = [
        f"{count} discrepanc{'y' if count == 1 else 'ies'}: {data['material']} material, {data['minor']} minor",
    ]
    width = max(len(d.path) for d in discrepancies)
    for d in discrepancies:
        item = f"  (item {d.item})" if d.item is not None else ""
        values = f"e-CO {_show(d.eco_value)} / copy {_show(d.copy_value)}"
        lines.append(f"{d.materiality.value:<9}{d.path:<{width}}  {values}{item}")
    return "\n".join(lines) + "\n"


def run_compare(args: argparse.Namespace) -> int:
    """``roo eco compare ECO [COPY]``."""

    def action(args: argparse.Namespace) -> tuple[str, int]:
        errors: list[InputError] = []
        co: Certificate | None = None
        copy: Certificate | None = None
        if args.copy is not None and args.copy == args.eco == STDIN:
            raise InputError("COPY", ["the e-CO and the copy cannot both be read from standard input"])
        try:
            co, ctx = read_case(args.eco)
            copy = ctx.eco_data_copy
        except InputErrors as error:
            errors.extend(error.errors)
        if args.copy is not None:
            try:
                copy, _ = read_case(args.copy)
            except InputErrors as error:
                errors.extend(error.errors)
        elif co is not None and copy is None:
            problem = "give COPY, or a case whose context has eco_data_copy"
            errors.append(InputError(_label(args.eco), [problem], "no copy"))
        if errors or co is None or copy is None:
            raise InputErrors(errors)
        found = eco.compare(co, copy)
        text = json_text(compare_data(found)) if args.format == "json" else compare_text(found)
        material = any(d.materiality is eco.Materiality.MATERIAL for d in found)
        return text, NOT_ACCEPTED if material else OK

    return _guarded(action, args)


# --- roo eco digest -------------------------------------------------------------------------------------------


def run_digest(args: argparse.Namespace) -> int:
    """``roo eco digest FILE``."""

    def action(args: argparse.Namespace) -> tuple[str, int]:
        co, _ = read_case(args.file)
        value = eco.digest(co)
        if args.format == "json":
            data = {"algorithm": "sha256", "digest": value, "reference_number": co.reference_number}
            return json_text(data), OK
        return f"{value}  {_label(args.file)}\n", OK

    return _guarded(action, args)
