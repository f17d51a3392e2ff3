"""``roo evaluate FILE``: which items of a certificate get preference, and why not the others.

FILE holds a certificate (DESIGN §3.1) or a case ``{"certificate": ...,
"context": ...}``; ``-`` reads standard input. ``--context FILE`` gives the
context (it replaces a case's own), ``--on DATE`` the date the certificate is
presented. The text report gives the status, then the certificate-level
findings, then one line per item with its verdict and, under it, each of its
findings with severity, citation and message; ``--trace`` adds every check
the engine ran. ``--format json`` prints ``Evaluation.to_dict()``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from datetime import date
from typing import Any, Final

import attrs

import roo
from roo.cli._common import (
    INVALID,
    NOT_ACCEPTED,
    OK,
    STDIN,
    InputError,
    InputErrors,
    Subparsers,
    read_json,
    report,
    write_json,
)
from roo.errors import InvalidInput, Problem
from roo.evaluation import Check, Evaluation, Finding, Outcome, Status

#: The keys of a case file.
CASE_KEYS: Final = frozenset({"certificate", "context"})


def register(subparsers: Subparsers) -> None:
    """Add ``roo evaluate``."""
    parser = subparsers.add_parser(
        "evaluate",
        help="evaluate a certificate of origin",
        description="Evaluate a certificate of origin: which items get preferential tariff treatment, and why "
        "not the others. FILE is a certificate or a case {\"certificate\": ..., \"context\": ...} in JSON; "
        "'-' reads standard input.",
        epilog="Exit codes: 0 accepted or no certificate required; 1 partially accepted or rejected; "
        "2 invalid input (every problem is listed on stderr with its JSON path).",
    )
    parser.add_argument("file", metavar="FILE", help="the certificate or case, as JSON ('-' for standard input)")
    parser.add_argument(
        "--context", metavar="FILE", help="the context of the import, as JSON (replaces the case's own context)"
    )
    parser.add_argument(
        "--on", metavar="DATE", type=iso_date, help="the date the certificate is presented (YYYY-MM-DD)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--trace", action="store_true", help="also list every check the engine ran (text format)")
    parser.set_defaults(run=run)


def iso_date(text: str) -> date:
    """An ISO date given on the command line."""
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def run(args: argparse.Namespace) -> int:
    """Evaluate, print the report, and return the exit code."""
    try:
        co, ctx = read_case(args.file, args.context)
    except (InputError, InputErrors) as error:
        report(error)
        return INVALID
    if args.on is not None:
        ctx = attrs.evolve(ctx, on=args.on)
    evaluation = roo.evaluate(co, ctx)
    if args.format == "json":
        write_json(evaluation.to_dict())
    else:
        sys.stdout.write(render(evaluation, co, trace=args.trace))
    return OK if evaluation.status in (Status.ACCEPTED, Status.NOT_REQUIRED) else NOT_ACCEPTED


def read_case(source: str, context_source: str | None = None) -> tuple[roo.Certificate, roo.Context]:
    """The certificate and context in ``source`` (and ``context_source``, which wins over the case's context).

    Raises:
        InputErrors: a file cannot be read or parsed, or its document is not well-formed; every problem of
            every file is listed with its JSON path, prefixed ``certificate.`` / ``context.`` inside a case.
    """
    if context_source == STDIN and source == STDIN:
        raise InputErrors(
            [InputError("--context", ["the certificate and the context cannot both be read from standard input"])]
        )
    errors: list[InputError] = []
    co: roo.Certificate | None = None
    ctx = roo.Context()
    try:
        co, case_ctx = _read_document(source, use_context=context_source is None)
        ctx = case_ctx or ctx
    except InputError as error:
        errors.append(error)
    if context_source is not None:
        try:
            data = read_json(context_source)
            try:
                ctx = roo.load_context(data)
            except InvalidInput as invalid:
                raise InputError(_label(context_source), invalid.problems, "invalid context") from None
        except InputError as error:
            errors.append(error)
    if errors or co is None:
        raise InputErrors(errors)
    return co, ctx


def _read_document(source: str, *, use_context: bool) -> tuple[roo.Certificate, roo.Context | None]:
    """The certificate in ``source`` and, when it is a case and ``use_context``, the case's context."""
    data = read_json(source)
    problems: list[Problem] = []
    is_case = isinstance(data, Mapping) and "certificate" in data
    context_data: Any = None
    if is_case:
        unknown = sorted(str(key) for key in data if key not in CASE_KEYS)
        if unknown:
            problems.append(
                Problem("$", f"a case has only 'certificate' and 'context', not {', '.join(map(repr, unknown))}")
            )
        certificate_data, context_data = data["certificate"], data.get("context")
    else:
        certificate_data = data
    co: roo.Certificate | None = None
    ctx: roo.Context | None = None
    try:
        co = roo.load(certificate_data)
    except InvalidInput as error:
        problems.extend(_prefixed("certificate" if is_case else "", p) for p in error.problems)
    if use_context and context_data is not None:
        try:
            ctx = roo.load_context(context_data)
        except InvalidInput as error:
            problems.extend(_prefixed("context", p) for p in error.problems)
    if problems or co is None:
        raise InputError(_label(source), problems, "invalid case" if is_case else "invalid certificate")
    return co, ctx


def _label(source: str) -> str:
    return "<stdin>" if source == STDIN else source


def _prefixed(prefix: str, problem: Problem) -> Problem:
    """``problem`` with its path inside a case: ``items[0].hs_code`` -> ``certificate.items[0].hs_code``."""
    if not prefix:
        return problem
    if problem.path == "$":
        path = prefix
    elif problem.path.startswith("["):
        path = prefix + problem.path
    else:
        path = f"{prefix}.{problem.path}"
    return Problem(path, problem.message, problem.value)


def render(evaluation: Evaluation, co: roo.Certificate, *, trace: bool = False) -> str:
    """The text report of ``evaluation``: header, certificate findings, items with their findings, tally."""
    granted = len(evaluation.granted)
    total = len(evaluation.items)
    presented = f"presented {evaluation.on.isoformat()}" if evaluation.on else "presentation date not given (--on)"
    lines = [
        f"{co.scheme.value} certificate {co.reference_number or '(no reference number)'}: "
        f"{co.exporting_party} -> {co.importing_party}, issued {co.issue_date.isoformat()}, {presented}",
        f"status: {evaluation.status.value} ({granted} of {total} item{'s' if total != 1 else ''} granted)",
        "",
    ]
    own = [f for f in evaluation.findings if f.item is None]
    lines.append("certificate" if own else "certificate: no findings")
    lines.extend(_finding_line(f) for f in own)
    for verdict in evaluation.items:
        item = co.item(verdict.number)
        about = f"  {item.description} (HS {item.hs_code}, {item.origin_criterion.text})" if item else ""
        lines.append(f"item {verdict.number}: {verdict.preference.value:<7}{about}")
        lines.extend(_finding_line(f) for f in verdict.findings)
        if not verdict.granted and not any(f.denies for f in verdict.findings):
            lines.append("  (denied with the whole certificate: see the certificate's errors above)")
    lines.append("")
    lines.append("checks: " + _tally(evaluation.checks))
    if trace:
        lines.extend(_check_line(check) for check in evaluation.checks)
    return "\n".join(lines) + "\n"


def _finding_line(finding: Finding) -> str:
    message = finding.message
    prefix = f"Item {finding.item}: "
    if finding.item is not None and message.startswith(prefix):
        message = message[len(prefix) :]
    return f"  {finding.severity.value:<7} {finding.rule:<16} {message} [{finding.code}]"


def _tally(checks: tuple[Check, ...]) -> str:
    counts = {outcome: sum(1 for c in checks if c.outcome is outcome) for outcome in Outcome}
    return ", ".join(f"{n} {outcome.value.replace('_', ' ')}" for outcome, n in counts.items())


def _check_line(check: Check) -> str:
    where = "certificate" if check.item is None else f"item {check.item}"
    needed = f" (needs {', '.join(check.needed)})" if check.needed else ""
    return f"  {check.outcome.value:<14} {where:<11} {check.rule:<16} {check.title}{needed}"
