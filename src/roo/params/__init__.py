"""Dated parameters: amounts, periods and dates a Party can change, kept as cited data.

Each parameter (``ajcep.waiver.japan.customs_value``,
``ajcep.retroactive.grace_days``, ...) has a declared type and a list of
values, each in force from its ``effective_from`` date until the next one.
The data live in TOML files under ``roo/params/data/``, one per family; they
are read and checked once, on the first look-up (not when roo is imported,
so that ``import roo`` stays quick), and kept in immutable objects. The
packaged files are part of roo and never change: reading them then or at
import gives the same values. Nothing here reads the clock or the
environment, so rules may call :func:`value` freely inside ``evaluate()``.

Rules read parameters through ``ctx.parameter(name, on)``, which lets the
context's ``parameters`` override the packaged value by name::

    >>> from datetime import date
    >>> value("ajcep.retroactive.grace_days", date(2024, 3, 20))
    3
    >>> value("ajcep.waiver.japan.customs_value", date(2024, 3, 20))
    Money(amount=Decimal('200000'), currency='JPY')
    >>> value("ajcep.waiver.japan.customs_value", date(2024, 3, 20), overrides={"ajcep.waiver.japan.customs_value": "250000"})
    Money(amount=Decimal('250000'), currency='JPY')

On a date before a parameter's first value, or after an entry that ends it,
:func:`value` raises :class:`ParameterNotInForce`. A rule catches it and
reports its check as not applicable or not evaluated; it is never a reason
to deny preference.

See docs/parameters.md for the file format and the table of every parameter.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from .._frozen import EMPTY
from ..errors import Problem
from ..model.money import Money
from ._loader import CITATION, coerce_override, merge, parse
from ._model import (
    PARAMETER_TYPES,
    DatedOverride,
    DatedValue,
    InvalidParameterOverride,
    Parameter,
    ParameterError,
    ParameterNotInForce,
    ParameterType,
    ParameterValue,
    ScalarOverride,
    UnknownParameter,
    Value,
)

__all__ = [
    "CITATION",
    "PARAMETER_TYPES",
    "DatedOverride",
    "DatedValue",
    "InvalidParameterOverride",
    "Parameter",
    "ParameterError",
    "ParameterNotInForce",
    "ParameterType",
    "ParameterValue",
    "ScalarOverride",
    "UnknownParameter",
    "Value",
    "catalogue",
    "check_overrides",
    "get",
    "markdown_table",
    "parse",
    "value",
    "verified",
]


def _packaged() -> tuple[Parameter, ...]:
    """Every parameter in the packaged data files, files in name order."""
    from importlib import resources  # on first look-up only: it costs more to import than roo's own modules

    folder = resources.files(__name__).joinpath("data")
    files = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".toml")), key=lambda entry: entry.name)
    return merge((entry.name, entry.read_text(encoding="utf-8")) for entry in files)


def _verified_in_force(parameter: Parameter) -> bool | None:
    """Whether ``parameter`` is verified on every date it is in force (True or False), or None when that varies."""
    in_force = {entry.verified for entry in parameter.values if not entry.ends}
    if not parameter.verified or in_force == {False}:
        return False
    return True if in_force == {True} else None


# The packaged catalogue is read on first use (see _read), into three module globals: ``_CATALOGUE``, every
# parameter sorted by name; ``_BY_NAME``, the same by name; ``_VERIFIED_IN_FORCE``, by name what :func:`verified`
# answers for a packaged value on any date the parameter is in force, or None where that depends on the entry
# (the data are static, so this is worked out once). Code outside reads them through the module's __getattr__
# (tests replace ``_BY_NAME``); functions here through the typed readers below.
_LAZY: Final = ("_CATALOGUE", "_BY_NAME", "_VERIFIED_IN_FORCE")


def _read() -> None:
    """Read the packaged data files and bind the catalogue's globals (any already bound, e.g. by a test, stay)."""
    catalogue = tuple(sorted(_packaged(), key=lambda p: p.name))
    namespace = globals()
    namespace.setdefault("_CATALOGUE", catalogue)
    namespace.setdefault("_BY_NAME", MappingProxyType({p.name: p for p in catalogue}))
    namespace.setdefault("_VERIFIED_IN_FORCE", MappingProxyType({p.name: _verified_in_force(p) for p in catalogue}))


def _packaged_data(name: str) -> Any:
    """The catalogue's global ``name``, the data files read first if they have not been."""
    namespace = globals()
    found = namespace.get(name)
    if found is None:
        _read()
        found = namespace[name]
    return found


def _by_name() -> Mapping[str, Parameter]:
    by_name: Mapping[str, Parameter] = _packaged_data("_BY_NAME")
    return by_name


if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        # The catalogue's names for code outside the module; inside it, functions catch NameError and _read().
        if name not in _LAZY:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        _read()
        return globals()[name]


def catalogue() -> tuple[Parameter, ...]:
    """Every packaged parameter, sorted by name.

    >>> any(p.name == "jiepa.co.validity_months" for p in catalogue())
    True
    """
    packaged: tuple[Parameter, ...] = _packaged_data("_CATALOGUE")
    return packaged


def get(name: str) -> Parameter:
    """The parameter called ``name``.

    >>> get("jiepa.co.validity_months").reference
    'JIEPA/ART/41'

    Raises:
        UnknownParameter: no data file defines ``name``.
    """
    try:
        return _by_name()[name]
    except KeyError:
        raise UnknownParameter(name) from None


def value(name: str, on: date, overrides: Mapping[str, object] | None = None) -> Value:
    """The value of parameter ``name`` in force on ``on``, or its override.

    An override (``Context.parameters``) replaces the packaged value for every
    date, or, given as dated values (``[{"effective_from": "2012-01-01",
    "value": "HS2007"}, ...]``), from each date on, with no value before the
    first; it is read as the parameter's declared type (``"250000"`` becomes
    ``Money(Decimal("250000"), "JPY")`` for a yen amount). An override of
    ``None`` (JSON ``null``) switches the parameter off. Types ``int``,
    ``days`` and ``months`` give ``int``; ``decimal`` gives ``Decimal``;
    ``money`` gives :class:`roo.model.Money` in the parameter's currency.

    >>> value("jiepa.psr.hs_version", date(2024, 2, 4)), value("jiepa.psr.hs_version", date(2024, 2, 5))
    ('HS2002', 'HS2017')

    Raises:
        UnknownParameter: no data file defines ``name``.
        ParameterNotInForce: the parameter has no value on ``on``.
        InvalidParameterOverride: the override cannot be read as the declared type.
    """
    # The empty overrides of almost every context, is told by identity: its truth is a Python call.
    if overrides is not None and overrides is not EMPTY and name in overrides:
        parameter = get(name)
        raw = overrides[name]
        if isinstance(raw, tuple):
            raw = _dated_override_on(raw, on)
        if raw is None:
            raise ParameterNotInForce(name, on)
        return coerce_override(parameter, raw)
    return _packaged_value(name, on)


@functools.lru_cache(maxsize=4096)
def _packaged_value(name: str, on: date) -> Value:
    # The packaged data never change after import and every value is immutable, so a value looked up once is
    # handed out again (rules ask for the same parameter on the same date for every item and certificate).
    # A lookup that raises is not cached; it raises afresh each time.
    return get(name).value_on(on)


def verified(name: str, on: date, overrides: Mapping[str, object] | None = None) -> bool:
    """Whether the value :func:`value` gives for ``name`` on ``on`` rests on a confirmed source.

    An override is the caller's own statement of the value, so it counts as
    verified. A packaged value is verified when both the parameter and the
    entry in force on ``on`` are marked ``verified`` in the data. A rule whose
    error would rest on an unverified value reports a warning instead: doubt
    never denies.

    >>> verified("ajcep.entry_into_force.JP", date(2024, 3, 20)), verified("ajcep.entry_into_force.ID", date(2024, 3, 20))
    (True, False)
    >>> verified("ajcep.entry_into_force.ID", date(2024, 3, 20), {"ajcep.entry_into_force.ID": "2018-03-01"})
    True

    Raises:
        UnknownParameter: no data file defines ``name``.
        ParameterNotInForce: the parameter has no packaged value on ``on`` (and no override).
    """
    parameter = get(name)
    if overrides and name in overrides:
        return True
    known: bool | None = _packaged_data("_VERIFIED_IN_FORCE")[name]
    if known is None:
        entry = parameter.entry_on(on)
        return parameter.verified and entry.verified
    _packaged_value(name, on)  # raises ParameterNotInForce exactly as the entry lookup would
    return known


def _dated_override_on(entries: tuple[object, ...], on: date) -> object:
    """The value of the dated override entry in force on ``on`` (entries are in ascending date order)."""
    current: object = None
    for entry in entries:
        # entries are typed `object` here (dated overrides of any parameter type); getattr keeps mypy honest
        if getattr(entry, "effective_from") <= on:  # noqa: B009
            current = getattr(entry, "value")  # noqa: B009
    return current


def check_overrides(overrides: Mapping[str, object]) -> tuple[Problem, ...]:
    """Every problem with a set of overrides: unknown names and values of the wrong type.

    Meant for code that reads a context, so a bad override is reported when
    the context is loaded rather than when a rule first asks for it.

    >>> check_overrides({"ajcep.retroactive.grace_days": "4"})
    ()
    >>> for problem in check_overrides({"ajcep.retroactive.grace_days": "four", "no.such": 1}):
    ...     print(problem.path, "-", problem.message.split(" for parameter")[0])
    parameters['ajcep.retroactive.grace_days'] - expected an integer number of days
    parameters['no.such'] - unknown parameter 'no.such'
    """
    problems: list[Problem] = []
    by_name = _by_name()
    for name, raw in overrides.items():
        parameter = by_name.get(name)
        if parameter is None:
            problems.append(Problem(f"parameters[{name!r}]", f"unknown parameter {name!r}", raw))
            continue
        values = [e.value for e in raw] if isinstance(raw, tuple) else [raw]
        for one in values:
            if one is None:
                continue
            try:
                coerce_override(parameter, one)
            except InvalidParameterOverride as error:
                problems.extend(error.problems)
    return tuple(problems)


def _show(entry: DatedValue) -> str:
    if entry.value is None:
        return "ended"
    if isinstance(entry.value, Money):
        return f"{entry.value.amount} {entry.value.currency}"
    if isinstance(entry.value, bool):
        return "true" if entry.value else "false"
    if isinstance(entry.value, date):
        return entry.value.isoformat()
    return str(entry.value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(parameters: tuple[Parameter, ...] | None = None) -> str:
    """A Markdown table of ``parameters`` (default: the catalogue): name, values with dates, citation, verified.

    docs/parameters.md embeds this table; ``python -m roo.params
    docs/parameters.md`` rewrites it there, and a test fails when it is stale.
    """
    rows = [
        "| Parameter | Type | Value(s) in force from | Citation | Verified | Notes |",
        "|---|---|---|---|---|---|",
    ]
    for parameter in catalogue() if parameters is None else parameters:
        unit = f" ({parameter.unit})" if parameter.unit and parameter.type not in ("money", parameter.unit) else ""
        values = "<br>".join(f"{_show(v)} from {v.effective_from.isoformat()}" for v in parameter.values)
        citations = [parameter.reference] + [v.reference for v in parameter.values if v.reference != parameter.reference]
        cited = ", ".join(dict.fromkeys(citations))
        verified = "yes" if parameter.verified and all(v.verified for v in parameter.values) else "**no**"
        notes = [parameter.note] if parameter.note else []
        notes += [f"{v.effective_from.isoformat()}: {v.note}" for v in parameter.values if v.note]
        rows.append(
            f"| `{parameter.name}`<br>{_cell(parameter.description)} | {parameter.type}{unit} | {values} | {cited} | {verified} | "
            f"{_cell(' '.join(notes)) if notes else ''} |"
        )
    return "\n".join(rows) + "\n"
