"""The functions behind ``roo.load``, ``roo.dump``, ``roo.evaluate`` and friends (docs/architecture.md#the-contract)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any, Final, Literal, Unpack, overload

import attrs

from . import _tables, codec, engine
from ._exact import exact
from ._json import JsonTextError, decode
from .context import (
    AccumulationDocument,
    Consignment,
    Context,
    ContextFields,
    Declaration,
    Drawdown,
)
from .errors import InvalidCertificate, InvalidContext
from .evaluation import Evaluation
from .locale import check_locale, localize
from .model.certificate import Certificate
from .model.money import Money
from .rules import rules_for


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
    fast = codec.fast_decode.read_certificate(text)  # roo[fast]: None unless msgspec reads it as the rest of roo would
    if fast is not None:
        return fast
    standard = codec.loading.read_certificate_text(text)  # None unless it reads as the steps below would
    if standard is not None:
        return standard
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
    return _read_context(data)


def _read_context(data: object) -> Context:
    ctx = codec.structure(data, Context, InvalidContext)
    problems = codec.check_context(ctx)
    if problems:
        raise InvalidContext(problems)
    return ctx


@exact
def dump_context(ctx: Context) -> dict[str, Any]:
    """The JSON-ready form of a context; ``load_context(dump_context(ctx)) == ctx``.

    ``hs_correlation`` is the one exception: a correlation table is not JSON,
    so it is written as null and given again from Python or the CLI.
    """
    result: dict[str, Any] = codec.unstructure(ctx)
    return result


#: Context fields whose value, once read, is one instance of a class (None allowed), by field name; a class
#: named by a string is one of :mod:`roo._tables`, loaded when a value that is not None is given.
_SINGLE: Final[dict[str, type | str]] = {
    "customs_value": Money,
    "exporting_value": Money,
    "declaration": Declaration,
    "eco_data_copy": Certificate,
    "consignment": Consignment,
    "product_rules": "PsrTable",
    "hs_correlation": "CorrelationTable",
    "safeguard_measures": "SafeguardTable",
}
#: Context fields whose value, once read, is a tuple of instances of a class, by field name (a string: as above).
_SEVERAL: Final[dict[str, type | str]] = {
    "related_certificates": Certificate,
    "eco_drawdowns": Drawdown,
    "accumulation_documents": AccumulationDocument,
    "goods": "ItemGood",
}


def _class(named: type | str) -> type:
    """The class ``named``: itself, or the class of :mod:`roo._tables` of that name (imported on first use)."""
    found: type = getattr(_tables, named) if isinstance(named, str) else named
    return found


def _ready(name: str, value: object) -> bool:
    """Whether ``value`` is already what context field ``name`` holds, so that it needs no reading."""
    if name == "on":
        return value is None or (isinstance(value, date) and not isinstance(value, datetime))
    single = _SINGLE.get(name)
    if single is not None:
        return value is None or isinstance(value, _class(single))
    several = _SEVERAL.get(name)
    if several is not None:
        return isinstance(value, tuple) and all(isinstance(element, _class(several)) for element in value)
    return False  # exchange_rates, parameters (read by the converter whatever their form), or no such field


def _as_json(value: object) -> object:
    """``value`` for the converter: a sequence mixing read values (attrs instances) with JSON gets them as JSON."""
    if isinstance(value, (list, tuple)) and any(attrs.has(type(element)) for element in value):
        return [codec.unstructure(element) if attrs.has(type(element)) else element for element in value]
    return value


def context_with(ctx: Context | None, fields: Mapping[str, Any]) -> Context:
    """``ctx`` (or an empty context) with ``fields`` set, each read as :func:`load_context` reads it.

    A value already of the field's type is taken as it is; any other (a date
    as text, a dict for an amount, the declaration or the consignment) goes
    through the converter of :func:`load_context`, so it is read or refused
    with :class:`roo.InvalidContext` naming the field, never handed to the
    rules as it came. An unknown field name is refused the same way.
    """
    ready: dict[str, Any] = {}
    unread: dict[str, Any] = {}
    for name, value in fields.items():
        if _ready(name, value):
            ready[name] = value
        else:
            unread[name] = _as_json(value)
    if unread:
        read = _read_context(unread)
        for name in unread:
            ready[name] = getattr(read, name)
    if ctx is None:
        return Context(**ready)  # a fresh context directly: evolve() costs more than the rules of a small CO
    return attrs.evolve(ctx, **ready) if ready else ctx


@exact
def evaluate(
    co: Certificate | Mapping[str, Any],
    ctx: Context | Mapping[str, Any] | None = None,
    /,
    *,
    locale: str | None = None,
    **context_fields: Unpack[ContextFields],
) -> Evaluation:
    """Decide which items of ``co`` get preferential treatment, and why not the others.

    ``ctx`` carries the facts of the import (:class:`roo.Context`, or its JSON
    form, read by :func:`load_context`); keyword arguments set or override its
    fields, e.g. ``evaluate(co, on=date(2024, 3, 20))``. A keyword value in JSON
    form (``on="2024-03-20"``, a dict for ``customs_value``, ``declaration``,
    ``consignment``) is read exactly as :func:`load_context` reads it; one it
    cannot read raises :class:`roo.InvalidContext` naming the field.
    A Mapping is loaded first (and may raise :class:`roo.InvalidCertificate`).
    Check :attr:`Evaluation.complete` before relying on a grant: it is false
    when a check that could have denied was not made.
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
    base = ctx if ctx is None or isinstance(ctx, Context) else load_context(ctx)
    if base is None and len(context_fields) == 1 and context_fields.get("on").__class__ is date:
        context = _CONTEXT_ON.get(context_fields["on"]) or _context_on(context_fields["on"])  # type: ignore[arg-type]
    else:
        context = context_with(base, context_fields) if context_fields else base if base is not None else _EMPTY
    evaluation = engine.run(certificate, context, rules_for(certificate.scheme))
    return evaluation if locale is None else localize(evaluation, locale)


_EMPTY: Final = Context()
#: The context of ``evaluate(co, on=day)`` by day: the common call builds one immutable context per date.
_CONTEXT_ON: Final[engine._Memo[date, Context]] = engine._Memo(256)


def _context_on(on: date) -> Context:
    return _CONTEXT_ON.keep(on, Context(on=on))


@overload
def evaluate_many(
    certificates: Iterable[Certificate | Mapping[str, Any]],
    ctx: Context | Mapping[str, Any] | None = None,
    /,
    *,
    errors: Literal["raise"] = "raise",
    locale: str | None = None,
    **context_fields: Unpack[ContextFields],
) -> Iterator[Evaluation]: ...


@overload
def evaluate_many(
    certificates: Iterable[Certificate | Mapping[str, Any]],
    ctx: Context | Mapping[str, Any] | None = None,
    /,
    *,
    errors: Literal["return"],
    locale: str | None = None,
    **context_fields: Unpack[ContextFields],
) -> Iterator[Evaluation | InvalidCertificate]: ...


def evaluate_many(
    certificates: Iterable[Certificate | Mapping[str, Any]],
    ctx: Context | Mapping[str, Any] | None = None,
    /,
    *,
    errors: Literal["raise", "return"] = "raise",
    locale: str | None = None,
    **context_fields: Unpack[ContextFields],
) -> Iterator[Evaluation | InvalidCertificate]:
    """Evaluate certificates one at a time, lazily, with the same context.

    Nothing is read ahead: memory stays constant however long the input. With
    ``errors="return"`` a malformed certificate yields its
    :class:`roo.InvalidCertificate` in its place instead of stopping the batch.
    ``locale`` renders messages as in :func:`evaluate`.
    Everything involved is picklable and pure, so the same call runs inside a
    Dask bag or a Spark ``mapPartitions`` (see docs/integration.md).
    """
    # The context is read once for the whole batch, so a bad field is refused before the first certificate.
    base = ctx if ctx is None or isinstance(ctx, Context) else load_context(ctx)
    context = context_with(base, context_fields) if context_fields else base
    for co in certificates:
        try:
            yield evaluate(co, context, locale=locale)
        except InvalidCertificate as error:
            if errors == "raise":
                raise
            yield error
