"""The strict TOML loader and the override coercion of the parameter store (internal; use ``roo.params``).

Every fault in a data file raises :class:`ParameterError` naming the file
and the parameter: an unknown key, a missing key, a duplicate name, a
duplicate or unsorted ``effective_from``, a value of the wrong type, a
citation that does not follow docs/architecture.md#citations. Floats are parsed as
``Decimal`` (``tomllib``'s ``parse_float``), so no binary rounding ever
reaches a threshold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import Final, TypeAlias, cast

from ..model.hs import HsVersion
from ..model.money import Money
from ._model import (
    PARAMETER_TYPES,
    DatedValue,
    Parameter,
    ParameterError,
    ParameterType,
    Value,
    override_problem,
)

#: A citation per docs/architecture.md#citations: ``AJCEP/IR/7``, ``AJCEP/IR/6(a)``, ``JIEPA/ART/41``, ``ID/MOTR-16-2024/9``.
CITATION: Final = re.compile(r"^(AJCEP/(IR|OCP|ART|FORM)|JIEPA/(ART|IP|ECO)|ID/MOTR-16-2024)/[0-9]+[A-Za-z]?(\([0-9A-Za-z]+\))*$")

#: A parameter name: dotted lower-case segments; a segment may be a Party code (``ajcep.entry_into_force.JP``).
NAME: Final = re.compile(r"^[a-z][a-z0-9_]*(\.([a-z0-9_]+|[A-Z]{2}))+$")

#: Builds the error for one fault of the parameter being parsed.
Fail: TypeAlias = Callable[[str], ParameterError]

_CURRENCY: Final = re.compile(r"^[A-Z]{3}$")
_INTEGER_TEXT: Final = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL_TEXT: Final = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
_DATE_TEXT: Final = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

_FILE_KEYS: Final = frozenset({"parameter"})
_PARAMETER_KEYS: Final = frozenset({"name", "description", "type", "unit", "reference", "verified", "note", "values"})
_VALUE_KEYS: Final = frozenset({"effective_from", "value", "ended", "reference", "verified", "note"})

_EXPECTED: Final[Mapping[str, str]] = {
    "int": "an integer",
    "days": "an integer number of days",
    "months": "an integer number of months",
    "decimal": "a number (an integer, a decimal number or a decimal string)",
    "money": "an amount (an integer, a decimal number or a decimal string)",
    "date": "a date (YYYY-MM-DD)",
    "string": "a string",
    "bool": "true or false",
}


def choices(name: str) -> tuple[str, ...] | None:
    """The only strings a parameter accepts, when its name fixes them (an ``hs_version`` takes an HS edition)."""
    if "hs_version" in name.split("."):
        return tuple(version.value for version in HsVersion)
    return None


def _describe(value: object) -> str:
    """A value and its type for an error message: ``3.5 (float)``."""
    kind = "date" if isinstance(value, date) and not isinstance(value, datetime) else type(value).__name__
    return f"{value!r} ({kind})"


def parse(text: str, file: str) -> tuple[Parameter, ...]:
    """Parse one TOML data file into parameters; ``file`` names it in errors.

    Raises:
        ParameterError: the text is not TOML, or breaks any rule of the format
            (see docs/parameters.md).
    """
    import tomllib  # here, not at import: the packaged data are read on first use (see roo.params)

    try:
        document = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise ParameterError(file, None, f"not valid TOML: {error}") from None
    unknown = sorted(set(document) - _FILE_KEYS)
    if unknown:
        raise ParameterError(file, None, f"unknown top-level key(s) {', '.join(map(repr, unknown))}; expected [[parameter]] tables")
    tables = document.get("parameter", [])
    if not isinstance(tables, list) or not tables:
        raise ParameterError(file, None, "expected at least one [[parameter]] table")
    parameters: list[Parameter] = []
    seen: set[str] = set()
    for index, table in enumerate(tables):
        parameter = _parameter(table, file, index)
        if parameter.name in seen:
            raise ParameterError(file, parameter.name, "duplicate parameter name in this file")
        seen.add(parameter.name)
        parameters.append(parameter)
    return tuple(parameters)


def merge(files: Iterable[tuple[str, str]]) -> tuple[Parameter, ...]:
    """Parse every ``(file, text)`` and join them, rejecting a name defined in two files."""
    by_name: dict[str, Parameter] = {}
    for file, text in files:
        for parameter in parse(text, file):
            earlier = by_name.get(parameter.name)
            if earlier is not None:
                raise ParameterError(file, parameter.name, f"duplicate parameter name; already defined in {earlier.file}")
            by_name[parameter.name] = parameter
    return tuple(by_name.values())


def _parameter(table: object, file: str, index: int) -> Parameter:
    if not isinstance(table, dict):
        raise ParameterError(file, None, f"parameter[{index}] is not a table")
    raw_name = table.get("name")
    if not isinstance(raw_name, str):
        raise ParameterError(file, None, f"parameter[{index}] has no string 'name'")
    name = raw_name

    def fail(detail: str) -> ParameterError:
        return ParameterError(file, name, detail)

    if not NAME.match(name):
        raise fail("a name is dotted lower-case words, e.g. 'ajcep.retroactive.grace_days'")
    unknown = sorted(set(table) - _PARAMETER_KEYS)
    if unknown:
        raise fail(f"unknown key(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(sorted(_PARAMETER_KEYS))}")
    for key in ("description", "type", "reference", "verified", "values"):
        if key not in table:
            raise fail(f"missing required key {key!r}")
    description = _text(table, "description", fail)
    kind = table["type"]
    if kind not in PARAMETER_TYPES:
        raise fail(f"type {kind!r} is not one of {', '.join(PARAMETER_TYPES)}")
    parameter_type = cast(ParameterType, kind)
    unit = table.get("unit")
    if unit is not None and not isinstance(unit, str):
        raise fail(f"'unit' must be a string, got {_describe(unit)}")
    if parameter_type == "money" and (unit is None or not _CURRENCY.match(unit)):
        raise fail(f"a money parameter needs 'unit' = an ISO 4217 currency code such as 'JPY', got {unit!r}")
    reference = _citation(table["reference"], "reference", fail)
    verified = _flag(table, "verified", fail)
    assert verified is not None
    note = _optional_text(table, "note", fail)
    raw_values = table["values"]
    if not isinstance(raw_values, list) or not raw_values:
        raise fail("'values' must hold at least one [[parameter.values]] table")
    values = tuple(
        _dated_value(name, entry, i, parameter_type, unit, reference, verified, fail) for i, entry in enumerate(raw_values)
    )
    _check_order(values, fail)
    return Parameter(name, description, parameter_type, unit, reference, verified, values, note, file)


def _dated_value(
    name: str,
    entry: object,
    index: int,
    kind: ParameterType,
    unit: str | None,
    reference: str,
    verified: bool,
    fail: Fail,
) -> DatedValue:
    where = f"values[{index}]"
    if not isinstance(entry, dict):
        raise fail(f"{where} is not a table")
    unknown = sorted(set(entry) - _VALUE_KEYS)
    if unknown:
        raise fail(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(sorted(_VALUE_KEYS))}")
    effective = entry.get("effective_from")
    if not isinstance(effective, date) or isinstance(effective, datetime):
        raise fail(f"{where}: 'effective_from' must be a TOML date such as 2008-12-01, got {_describe(effective)}")
    ended = entry.get("ended", False)
    if not isinstance(ended, bool):
        raise fail(f"{where}: 'ended' must be true or false, got {_describe(ended)}")
    value: Value | None
    if ended:
        if "value" in entry:
            raise fail(f"{where}: give either 'value' or 'ended = true', not both")
        if index == 0:
            raise fail(f"{where}: the first value cannot end the parameter")
        value = None
    else:
        if "value" not in entry:
            raise fail(f"{where}: missing 'value' (or 'ended = true' to end the parameter)")
        value = _typed(entry["value"], kind, unit)
        if value is None:
            raise fail(f"{where}: expected {_EXPECTED[kind]} for type {kind!r}, got {_describe(entry['value'])}")
        allowed = choices(name)
        if allowed is not None and value not in allowed:
            raise fail(f"{where}: expected one of {', '.join(allowed)}, got {_describe(value)}")
    own_reference = entry.get("reference")
    cited = reference if own_reference is None else _citation(own_reference, f"{where}.reference", fail)
    own_verified = _flag(entry, "verified", fail, where)
    note = _optional_text(entry, "note", fail, where)
    return DatedValue(effective, value, cited, verified if own_verified is None else own_verified, note)


def _check_order(values: tuple[DatedValue, ...], fail: Fail) -> None:
    for previous, current in pairwise(values):
        if current.effective_from == previous.effective_from:
            raise fail(f"duplicate effective_from {current.effective_from.isoformat()}")
        if current.effective_from < previous.effective_from:
            raise fail(
                f"values are not in ascending date order: {current.effective_from.isoformat()} "
                f"comes after {previous.effective_from.isoformat()}"
            )
        if current.ends and previous.ends:
            raise fail(f"the parameter already ended on {previous.effective_from.isoformat()}")


def _typed(raw: object, kind: ParameterType, unit: str | None) -> Value | None:
    """``raw`` as a value of ``kind`` as written in a data file, or ``None`` if it has the wrong type."""
    if kind in ("int", "days", "months"):
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if kind in ("decimal", "money"):
        # A decimal string ("40", "0.07") is exact too, as amounts are in the certificate JSON.
        amount = _decimal(raw)
        if amount is None:
            return None
        return Money(amount, cast(str, unit)) if kind == "money" else amount
    if kind == "date":
        return raw if isinstance(raw, date) and not isinstance(raw, datetime) else None
    if kind == "string":
        return raw if isinstance(raw, str) else None
    return raw if isinstance(raw, bool) else None


def _citation(raw: object, key: str, fail: Fail) -> str:
    if not isinstance(raw, str) or not CITATION.match(raw):
        raise fail(
            f"{key} {raw!r} is not a citation in the form of docs/architecture.md#citations "
            "(e.g. 'AJCEP/IR/7', 'AJCEP/IR/6(a)', 'JIEPA/ART/41', 'ID/MOTR-16-2024/9')"
        )
    return raw


def _text(table: Mapping[str, object], key: str, fail: Fail) -> str:
    value = table[key]
    if not isinstance(value, str) or not value.strip():
        raise fail(f"{key!r} must be a non-empty string, got {_describe(value)}")
    return value


def _optional_text(table: Mapping[str, object], key: str, fail: Fail, where: str = "") -> str | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, str):
        prefix = f"{where}: " if where else ""
        raise fail(f"{prefix}{key!r} must be a string, got {_describe(value)}")
    return value


def _flag(table: Mapping[str, object], key: str, fail: Fail, where: str = "") -> bool | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, bool):
        prefix = f"{where}: " if where else ""
        raise fail(f"{prefix}{key!r} must be true or false, got {_describe(value)}")
    return value


def coerce_override(parameter: Parameter, raw: object) -> Value:
    """An override from ``Context.parameters`` as a value of the parameter's declared type.

    JSON gives strings, numbers and booleans, so ``"250000"`` is read as an
    amount, ``"2024-01-01"`` as a date and ``"true"`` as a boolean where the
    parameter's type asks for one.

    Raises:
        InvalidParameterOverride: the override cannot be read as that type.
    """
    kind = parameter.type
    value = _coerce(raw, kind, parameter.unit)
    allowed = choices(parameter.name)
    if value is not None and allowed is not None and value not in allowed:
        raise override_problem(
            parameter.name, f"expected one of {', '.join(allowed)} for parameter {parameter.name!r}, got {_describe(raw)}", raw
        )
    if value is None:
        raise override_problem(
            parameter.name,
            f"expected {_EXPECTED[kind]} for parameter {parameter.name!r} (type {kind!r}"
            + (f", currency {parameter.unit}" if kind == "money" else "")
            + f"), got {_describe(raw)}",
            raw,
        )
    return value


def _coerce(raw: object, kind: ParameterType, unit: str | None) -> Value | None:
    if kind in ("int", "days", "months"):
        if isinstance(raw, bool):
            return None
        if isinstance(raw, int):
            return raw
        if isinstance(raw, Decimal) and raw.is_finite() and raw == raw.to_integral_value():
            return int(raw)
        if isinstance(raw, str) and _INTEGER_TEXT.match(raw.strip()):
            return int(raw.strip())
        return None
    if kind in ("decimal", "money"):
        if kind == "money" and isinstance(raw, Money):
            return raw if raw.currency == unit and raw.amount.is_finite() else None
        amount = _decimal(raw)
        if amount is None:
            return None
        return Money(amount, cast(str, unit)) if kind == "money" else amount
    if kind == "date":
        if isinstance(raw, date) and not isinstance(raw, datetime):
            return raw
        if isinstance(raw, str) and _DATE_TEXT.match(raw):
            try:
                return date.fromisoformat(raw)
            except ValueError:
                return None
        return None
    if kind == "string":
        return raw if isinstance(raw, str) else None
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
        return raw.strip().lower() == "true"
    return None


def _decimal(raw: object) -> Decimal | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, Decimal):
        return raw if raw.is_finite() else None
    if isinstance(raw, str) and _DECIMAL_TEXT.match(raw.strip()):
        try:
            return Decimal(raw.strip())
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
            return None
    return None
