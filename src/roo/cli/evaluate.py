"""``roo evaluate FILE``: which items of a certificate get preference, and why not the others.

FILE holds a certificate (docs/formats.md#certificate) or a case ``{"certificate": ...,
"context": ...}``; ``-`` reads standard input. ``--context FILE`` gives the
context (it replaces a case's own), ``--on DATE`` the date the certificate is
presented, ``--locale`` the language of the report. The text report gives
the status, then the certificate-level findings, then one line per item with
its verdict and, under it, each of its findings with severity, citation and
message; ``--trace`` adds every check the engine ran. ``--format json``
prints ``Evaluation.to_dict()``, ``--format markdown`` the report as Markdown
and ``--format html`` the self-contained page of :mod:`roo.report`; ``-o
FILE`` writes any of them to a file.

Several FILEs are a batch: each is evaluated in turn and reported under its
name (``--format json``: one JSON line per file, with ``"file"``), a file
that cannot be read is reported and the batch goes on, and a summary of the
batch ends on stderr unless ``--quiet``.

``--jsonl`` evaluates a stream instead: one certificate or case per line in,
one JSON result per line out (``Evaluation.to_dict()`` plus ``"line"``, or
``{"line": n, "error": {...}}`` for a line that cannot be read), in the order
of the input and in constant memory: a line is read, evaluated and written
before the next ones pile up, and ``--jobs N`` spreads the work over N
processes with a bounded number of lines in flight.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
from collections.abc import Iterator
from typing import IO, Final

from ..api import evaluate
from ..batch import error_dict, json_line
from ..case import CASE_KEYS as CASE_KEYS
from ..context import Context
from ..evaluation import Evaluation, Status
from ..locale import SUPPORTED_LOCALES
from ..model.certificate import Certificate
from ._common import (
    EVALUATION_EXIT_CODES,
    INVALID,
    NOT_ACCEPTED,
    OK,
    STDIN,
    UNVERIFIED,
    HelpFormatter,
    InputError,
    InputErrors,
    Subparsers,
    _label,
    add_output,
    choice,
    emit,
    json_text,
    output,
    report,
    terminal_text,
    with_options,
    write_text,
)
from .inputs import iso_date, read_case, read_context, read_document, read_hs_table, read_safeguards
from .reports import md as md
from .reports import render as render
from .reports import render_markdown as render_markdown
from .stream import ACCEPTING as ACCEPTING
from .stream import CHUNKS_IN_FLIGHT as CHUNKS_IN_FLIGHT
from .stream import CHUNKSIZE as CHUNKSIZE
from .stream import NAMED_UNREADABLE as NAMED_UNREADABLE
from .stream import PROGRESS_INTERVAL as PROGRESS_INTERVAL
from .stream import LineEvaluator as LineEvaluator
from .stream import LineResult as LineResult
from .stream import Progress, Tally, evaluate_stream, numbered_lines

#: What ``--format`` offers.
FORMATS: Final = ("text", "json", "markdown", "html")

#: The exit code after Ctrl-C stops a stream (128 + SIGINT, as shells report it).
INTERRUPTED: Final = 130

#: ``--jsonl`` given without a file: the stream is FILE, or standard input.
_STREAM_FROM_FILE: Final = ""

_EPILOG: Final = f"""{EVALUATION_EXIT_CODES}
  With several files or --jsonl: 0 when every line is accepted or not_required, 1 when any line is
  partially_accepted or rejected, 4 when any line would exit 4 (before 1), 2 when any
  line cannot be read (the others are still evaluated) or the stream itself cannot be read.

examples:
  roo evaluate examples/one_bad_item.json
  roo evaluate certificate.json --context import.json --on 2024-03-20 --format json
  roo evaluate examples/one_bad_item.json --format html -o report.html
  roo evaluate examples/*.json --format json -o results.jsonl
  roo evaluate --jsonl certificates.jsonl --jobs 4 -o results.jsonl
  cat certificates.jsonl | roo evaluate --jsonl - --context import.json"""


def register(subparsers: Subparsers) -> None:
    """Add ``roo evaluate``."""
    parser = subparsers.add_parser(
        "evaluate",
        help="evaluate a certificate of origin (or a stream of them, --jsonl)",
        description="Evaluate a certificate of origin: which items get preferential tariff treatment, and why "
        "not the others. FILE is a certificate or a case {\"certificate\": ..., \"context\": ...} in JSON; "
        "'-' reads standard input.",
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "files",
        metavar="FILE",
        nargs="*",
        help="the certificate or case, as JSON ('-' for standard input); several files are evaluated one by one "
        "(a batch); with --jsonl, the stream",
    )
    parser.add_argument(
        "--context",
        metavar="FILE",
        help="the context of the import, as JSON (replaces a case's own context; with --jsonl, every line's)",
    )
    parser.add_argument(
        "--on", metavar="DATE", type=iso_date, help="the date the certificate is presented (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--hs-table",
        metavar="FILE",
        help="an HS correlation table (CSV, see docs/hs.md) to check a back-to-back CO's converted codes "
        "against (AJCEP IR 17(d))",
    )
    parser.add_argument(
        "--safeguards",
        metavar="FILE",
        help="the safeguard measures in force (JSON, format roo.safeguard/1, see docs/schemes/id-motr-16-2024.md), "
        "to tell whether a MoTR 16/2024 COO can exclude its goods from one (replaces the context's own table)",
    )
    parser.add_argument(
        "--locale",
        type=choice(SUPPORTED_LOCALES),
        choices=SUPPORTED_LOCALES,
        help="the language of the report and its messages, with dates, amounts and countries formatted for it "
        "(default: the plain English report)",
    )
    parser.add_argument(
        "--format",
        type=choice(FORMATS),
        choices=FORMATS,
        default=None,
        help="text (the default), json (Evaluation.to_dict()), markdown, or html (a self-contained report "
        "laying the certificate out box by box; use with -o)",
    )
    add_output(parser)
    parser.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="no summary of a batch (several files, or --jsonl) on stderr, and no progress line",
    )
    parser.add_argument(
        "--trace",
        action="store_true",
        help="also list every check the engine ran (text and markdown; json and html always include it)",
    )
    stream = parser.add_argument_group(
        "streams (JSON Lines)",
        "One certificate or case per line in, one JSON result per line out, in the same order and in constant "
        "memory. A line that cannot be read gives {\"line\": n, \"error\": {\"problems\": [...]}} and the stream "
        "goes on. A progress line is shown on stderr when it is a terminal (and the results are not shown there); "
        "the stream ends with a summary on stderr (counts by status, the numbers of the lines that could not "
        "be read) unless --quiet.",
    )
    stream.add_argument(
        "--jsonl",
        metavar="FILE",
        nargs="?",
        const=_STREAM_FROM_FILE,
        help="evaluate a JSON Lines stream read from FILE ('-': standard input); given without FILE, the stream "
        "is the positional FILE, or standard input",
    )
    stream.add_argument(
        "--jobs",
        metavar="N",
        type=jobs_count,
        help="evaluate the stream in N worker processes (default 1; 0: one per CPU); output order is kept",
    )
    parser.set_defaults(run=functools.partial(run, parser))


def jobs_count(text: str) -> int:
    """``--jobs N``: a number of worker processes, 0 meaning one per CPU."""
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}")
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def exit_code(status: Status, *, complete: bool = True) -> int:
    """The exit code for a certificate with ``status``: 0 accepted or not required, 1 otherwise.

    An evaluation that is not ``complete`` (a grant rests on a check that could deny and was not made) exits 4.
    """
    if not complete:
        return UNVERIFIED
    return OK if status in ACCEPTING else NOT_ACCEPTED


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Evaluate, write the report, and return the exit code."""
    if args.jsonl is not None:
        return run_stream(parser, args)
    if args.jobs is not None:
        parser.error("--jobs applies to a stream: add --jsonl")
    if not args.files:
        parser.error("the following arguments are required: FILE")
    if len(args.files) > 1:
        return run_batch(parser, args)
    try:
        co, ctx = read_case(args.files[0], args.context)
        table = read_hs_table(args.hs_table)
        safeguards = read_safeguards(args.safeguards)
    except (InputError, InputErrors) as error:
        report(error)
        return INVALID
    evaluation = evaluate(co, with_options(ctx, on=args.on, hs_correlation=table, safeguard_measures=safeguards), locale=args.locale)
    try:
        emit(render_as(args.format or "text", evaluation, co, trace=args.trace, locale=args.locale), args.output)
    except InputError as error:
        report(error)
        return INVALID
    return exit_code(evaluation.status, complete=evaluation.complete)


def run_batch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Evaluate several files one by one: each report in turn, a summary on stderr, the batch's exit code.

    Text and Markdown reports follow each other under the name of their file; ``--format json`` writes JSON
    Lines, one ``{"file": ..., **Evaluation.to_dict()}`` per file (``{"file": ..., "error": ...}`` for a file
    that cannot be read, as a stream does for a line). A file that cannot be read is reported and the batch
    goes on. The exit code is the stream's: 2 if any file could not be read, else 4, 1, 0 as for a stream.
    """
    format = args.format or "text"
    if format == "html":
        parser.error("--format html reports on one certificate: give one FILE (or use --format markdown)")
    if args.files.count(STDIN) + (args.context == STDIN) > 1:
        parser.error("standard input can be read only once: give '-' for one FILE or for --context, not more")
    try:
        context = read_context(args.context) if args.context is not None else None
        table = read_hs_table(args.hs_table)
        safeguards = read_safeguards(args.safeguards)
    except InputError as error:
        report(error)
        return INVALID
    tally = Tally()
    reported = False  # whether a report was written, so that the next is set apart from it
    with output(args.output) as out:
        for source in args.files:
            label = _label(source)
            try:
                co, case_ctx = read_document(source, use_context=context is None)
            except InputError as error:
                tally.add(None, label)
                if format == "json":
                    write_text(out, json_line({"file": label, "error": error_dict(error.what, error.problems)}) + "\n", args.output)
                else:
                    report(error)
                continue
            ctx = with_options(
                context or case_ctx or Context(), on=args.on, hs_correlation=table, safeguard_measures=safeguards
            )
            evaluation = evaluate(co, ctx, locale=args.locale)
            tally.add(evaluation.status, label, complete=evaluation.complete)
            if format == "json":
                text = json_line({"file": label, **evaluation.to_dict()}) + "\n"
            else:
                text = _batch_heading(format, label, first=not reported) + render_as(format, evaluation, co, trace=args.trace, locale=args.locale)
                reported = True
            write_text(out, text, args.output)
    if not args.quiet:
        tally.summarize(sys.stderr)
    return tally.exit_code()


def _batch_heading(format: str, label: str, *, first: bool) -> str:
    """The line that names the file whose report follows, in a batch (``==> a.json <==``, as ``head`` does)."""
    if format == "markdown":
        return ("" if first else "\n---\n\n") + f"**File:** {md(label)}\n\n"
    return ("" if first else "\n") + terminal_text(f"==> {label} <==") + "\n"


def render_as(
    format: str, evaluation: Evaluation, co: Certificate, *, trace: bool = False, locale: str | None = None
) -> str:
    """``evaluation`` of ``co`` in ``format`` (one of :data:`FORMATS`)."""
    if format == "json":
        return json_text(evaluation.to_dict())
    if format == "markdown":
        return render_markdown(evaluation, co, trace=trace, locale=locale)
    if format == "html":
        from ..report import html_report

        return html_report(co, evaluation, locale=locale)
    return render(evaluation, co, trace=trace, locale=locale)


def run_stream(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Evaluate a JSON Lines stream, writing and flushing one result per line; return the stream's exit code."""
    if args.jsonl == _STREAM_FROM_FILE:
        if len(args.files) > 1:
            parser.error("--jsonl reads one stream: give one FILE")
        source: str = args.files[0] if args.files else STDIN
    elif args.files:
        parser.error(f"the stream is given twice: FILE {args.files[0]!r} and --jsonl {args.jsonl!r}")
    else:
        source = args.jsonl
    if args.format not in (None, "json"):
        parser.error(f"--jsonl writes JSON Lines; --format {args.format} does not apply to a stream")
    if source == STDIN and args.context == STDIN:
        parser.error("the stream and the context cannot both be read from standard input")
    try:
        context = read_context(args.context) if args.context is not None else None
        table = read_hs_table(args.hs_table)
        safeguards = read_safeguards(args.safeguards)
    except InputError as error:
        report(error)
        return INVALID
    evaluator = LineEvaluator(context, args.on, args.locale, table, safeguards)
    tally = Tally()
    # The progress line goes to a terminal, and not to the one the results are shown on.
    to_file = args.output not in (None, STDIN)
    shown = not args.quiet and sys.stderr.isatty() and (to_file or not sys.stdout.isatty())
    progress = Progress(sys.stderr, tally) if shown else None
    try:
        with _open_stream(source) as handle, output(args.output) as out:
            for result in evaluate_stream(numbered_lines(handle), evaluator, jobs=args.jobs or 1):
                write_text(out, result.json + "\n", args.output)
                tally.add(result.status, f"line {result.line}", complete=result.complete)
                if progress is not None:
                    progress.update()
    except InputError as error:
        report(error)
        return INVALID
    except KeyboardInterrupt:
        return INTERRUPTED
    except OSError as error:  # writes raise OutputError (write_text): this is the stream being read
        report(InputError(_label(source), [error.strerror or str(error)], "input/output error"))
        return INVALID
    finally:
        if progress is not None:
            progress.finish()
    if not args.quiet:
        tally.summarize(sys.stderr)
    return tally.exit_code()


@contextlib.contextmanager
def _open_stream(source: str) -> Iterator[IO[bytes]]:
    """The stream to read lines from, in binary (each line is decoded on its own); standard input is not closed.

    Raises:
        InputError: the file cannot be opened.
    """
    if source == STDIN:
        yield sys.stdin.buffer
        return
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below, after the caller's block
    except OSError as error:
        raise InputError(source, [error.strerror or str(error)], "unreadable") from None
    with handle:
        yield handle
