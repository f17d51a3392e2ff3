"""Reading what the ``roo`` commands are given: a certificate or a case, a context, the tables, a date.

Each reader raises :class:`InputError` (or :class:`InputErrors`, for several files) naming the file and every
problem with its JSON path, which the command reports before it exits 2.
"""

from __future__ import annotations

import argparse
from datetime import date

from ..api import load_context
from ..case import CaseError, read_case_text
from ..case import read_case_data as load_case
from ..context import Context
from ..errors import InvalidInput
from ..hs.correlation import CorrelationTable, CorrelationTableError, load_correlation
from ..model.certificate import Certificate
from ..safeguard import InvalidSafeguardTable, SafeguardTable, load_safeguards
from ._common import STDIN, InputError, InputErrors, _label, parse_json, read_json, read_text


def iso_date(text: str) -> date:
    """An ISO date given on the command line."""
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def read_hs_table(path: str | None) -> CorrelationTable | None:
    """The correlation table of ``--hs-table``, or None without the option.

    Raises:
        InputError: the file cannot be read or is not a correlation table.
    """
    if path is None:
        return None
    try:
        return load_correlation(path)
    except CorrelationTableError as error:
        raise InputError(path, [str(error)], "invalid correlation table") from None
    except UnicodeDecodeError as error:
        raise InputError(path, [f"not UTF-8 text ({error.reason} at byte {error.start})"], "unreadable") from None
    except OSError as error:
        raise InputError(path, [error.strerror or str(error)], "unreadable") from None


def read_safeguards(path: str | None) -> SafeguardTable | None:
    """The safeguard-measure table of ``--safeguards``, or None without the option.

    Raises:
        InputError: the file cannot be read or is not a roo.safeguard/1 table.
    """
    if path is None:
        return None
    try:
        return load_safeguards(path)
    except InvalidSafeguardTable as error:
        raise InputError(path, error.problems, "invalid safeguard-measure table") from None
    except UnicodeDecodeError as error:
        raise InputError(path, [f"not UTF-8 text ({error.reason} at byte {error.start})"], "unreadable") from None
    except OSError as error:
        raise InputError(path, [error.strerror or str(error)], "unreadable") from None


def read_case(source: str, context_source: str | None = None) -> tuple[Certificate, Context]:
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
    co: Certificate | None = None
    ctx = Context()
    try:
        co, case_ctx = read_document(source, use_context=context_source is None)
        ctx = case_ctx or ctx
    except InputError as error:
        errors.append(error)
    if context_source is not None:
        try:
            ctx = read_context(context_source)
        except InputError as error:
            errors.append(error)
    if errors or co is None:
        raise InputErrors(errors)
    return co, ctx


def read_context(source: str) -> Context:
    """The context in file ``source``.

    Raises:
        InputError: the file cannot be read or parsed, or is not a well-formed context.
    """
    data = read_json(source)
    try:
        return load_context(data)
    except InvalidInput as invalid:
        raise InputError(_label(source), invalid.reported, "invalid context") from None


def read_document(source: str, *, use_context: bool) -> tuple[Certificate, Context | None]:
    """The certificate in ``source`` and, when it is a case and ``use_context``, the case's context."""
    text = read_text(source)
    try:
        return read_case_text(text, use_context=use_context) or load_case(
            parse_json(source, text), use_context=use_context
        )
    except CaseError as error:
        raise InputError(_label(source), error.problems, error.what) from None
