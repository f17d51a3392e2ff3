"""The functions behind ``roo.load``, ``roo.dump``, ``roo.evaluate`` and friends (DESIGN §3)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, overload

import attrs

from roo import codec, engine
from roo._exact import exact
from roo._json import JsonTextError, decode
from roo.context import Context
from roo.errors import InvalidCertificate
from roo.evaluation import Evaluation
from roo.locale import check_locale, localize
from roo.model.certificate import Certificate
from roo.rules import rules_for


@exact
def load(data: Mapping[str, Any] | Any) -> Certificate:
    """A certificate from parsed JSON; raises :class:`roo.InvalidCertificate` listing every problem."""
    return codec.load_certificate(data)


@exact
def loads(text: str | bytes | bytearray) -> Certificate:
    """A certificate from JSON text (bytes: UTF-8, -16 or -32); numbers with a fraction are read as ``Decimal``.

    Raises :class:`roo.InvalidCertificate` for text that is not JSON (the
    problem gives line and column) and for JSON that is not a certificate,
    exactly as :func:`load` does.
    """
    try:
        data = decode(text)
    except JsonTextError as error:
        raise InvalidCertificate([error.problem]) from None
    return codec.load_certificate(data)


@exact
def dump(co: Certificate) -> dict[str, Any]:
    """The JSON-ready form of a certificate; ``load(dump(co)) == co``."""
    result: dict[str, Any] = codec.unstructure(co)
    return result


@exact
def load_context(data: Mapping[str, Any] | Any) -> Context:
    """A context from parsed JSON; raises :class:`roo.InvalidContext` listing every problem."""
    return codec.load_context(data)


@exact
def dump_context(ctx: Context) -> dict[str, Any]:
    """The JSON-ready form of a context; ``load_context(dump_context(ctx)) == ctx``.

    ``hs_correlation`` is the one exception: a correlation table is not JSON,
    so it is written as null and given again from Python or the CLI.
    """
    result: dict[str, Any] = codec.unstructure(ctx)
    return result


@exact
def evaluate(
    co: Certificate | Mapping[str, Any],
    ctx: Context | None = None,
    /,
    *,
    locale: str | None = None,
    **context_fields: Any,
) -> Evaluation:
    """Decide which items of ``co`` get preferential treatment, and why not the others.

    ``ctx`` carries the facts of the import (:class:`roo.Context`); keyword
    arguments set or override its fields, e.g. ``evaluate(co, on=date(2024, 3, 20))``.
    A Mapping is loaded first (and may raise :class:`roo.InvalidCertificate`).
    ``locale`` (``"en"``, ``"ja"``, ``"id"``) renders every finding's message in
    that language with amounts and dates formatted for it (:mod:`roo.locale`);
    without it messages are the canonical English. An unsupported locale
    raises ``ValueError``.
    Pure: the same input always gives the same result, and nothing is read
    from the clock, files or environment.
    """
    if locale is not None:
        check_locale(locale)
    certificate = co if isinstance(co, Certificate) else load(co)
    if ctx is None:
        context = Context(**context_fields)  # a fresh context directly: evolve() costs more than the rules of a small CO
    elif context_fields:
        context = attrs.evolve(ctx, **context_fields)
    else:
        context = ctx
    evaluation = engine.run(certificate, context, rules_for(certificate.scheme))
    return evaluation if locale is None else localize(evaluation, locale)


@overload
def evaluate_many(
    certificates: Iterable[Certificate | Mapping[str, Any]],
    ctx: Context | None = None,
    /,
    *,
    errors: Literal["raise"] = "raise",
    **context_fields: Any,
) -> Iterator[Evaluation]: ...


@overload
def evaluate_many(
    certificates: Iterable[Certificate | Mapping[str, Any]],
    ctx: Context | None = None,
    /,
    *,
    errors: Literal["return"],
    **context_fields: Any,
) -> Iterator[Evaluation | InvalidCertificate]: ...


def evaluate_many(
    certificates: Iterable[Certificate | Mapping[str, Any]],
    ctx: Context | None = None,
    /,
    *,
    errors: Literal["raise", "return"] = "raise",
    locale: str | None = None,
    **context_fields: Any,
) -> Iterator[Evaluation | InvalidCertificate]:
    """Evaluate certificates one at a time, lazily, with the same context.

    Nothing is read ahead: memory stays constant however long the input. With
    ``errors="return"`` a malformed certificate yields its
    :class:`roo.InvalidCertificate` in its place instead of stopping the batch.
    ``locale`` renders messages as in :func:`evaluate`.
    Everything involved is picklable and pure, so the same call runs inside a
    Dask bag or a Spark ``mapPartitions`` (see docs/integration.md).
    """
    for co in certificates:
        try:
            yield evaluate(co, ctx, locale=locale, **context_fields)
        except InvalidCertificate as error:
            if errors == "raise":
                raise
            yield error
