"""How the converters read and write single values (internal to :mod:`roo.codec`).

Structure hooks (JSON → value) and the unstructure helpers (value → JSON):

* ``Decimal``: a decimal string (``"52000.00"``) or a JSON number / a decimal string;
  ``NaN`` and infinities are refused, and so are magnitudes beyond :data:`DECIMAL_RANGE`.
* ``date``: ``YYYY-MM-DD`` only / ``YYYY-MM-DD``.
* ``str``, ``int``, ``bool``: the JSON type itself, never coerced (``1`` is not a string,
  ``true`` is not an int). Text is Unicode text: a lone surrogate (``"\\ud800"``, valid JSON
  but no character) and a control character other than tab, line feed and carriage return
  (NUL, ESC, DEL, C1) are refused, so that whatever roo writes back is valid UTF-8.
* enums: their value; the error lists the accepted values.
* ``OriginCriterion`` (box 8): the printed text, parsed without ever failing / the text.
* a parameter override: a JSON scalar, or a list of dated values.
* a table a document embeds (a product-specific rule table): its own ``structure_embedded`` / ``to_dict``.
"""

from __future__ import annotations

import enum
import functools
import re
import sys
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final, get_origin

from .._frozen import FrozenMap
from .._json import show
from ..model.certificate import AlterationMethod, Copy, Medium, Scheme
from ..model.criterion import OriginCriterion
from ..model.hs import HsVersion
from ..params import DatedOverride

if TYPE_CHECKING:
    from ..hs.correlation import CorrelationTable

_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
#: A number as text: ASCII digits only (``"１２３"`` in full-width digits is refused), matched whole.
NUMBER_TEXT: Final = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", re.ASCII)
#: What text cannot hold: C0 controls but tab, line feed and carriage return; DEL and C1; surrogates.
_NOT_TEXT: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def text_problem(value: str) -> str | None:
    """Why ``value`` is not text a document can hold (a lone surrogate, a control character), or ``None``."""
    if value.isprintable():
        return None
    found = _NOT_TEXT.search(value)
    if found is None:
        return None
    char = found.group()
    what = "a lone surrogate" if "\ud800" <= char <= "\udfff" else "a control character"
    return f"{what} (U+{ord(char):04X}) at position {found.start()}: not text"


def json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float, Decimal)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "an array"
    return type(value).__name__


def structure_decimal(value: object, _: object) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"expected a decimal number, got {json_type(value)}")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if not NUMBER_TEXT.fullmatch(text):
            raise ValueError(f"not a decimal number: {show(value)}")
        try:
            number = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
            raise ValueError(f"not a decimal number: {show(value)}") from None
    else:
        raise ValueError(f"expected a decimal number, got {json_type(value)}")
    if not number.is_finite():
        raise ValueError(f"not a finite number: {show(value)}")
    if number and not -DECIMAL_RANGE <= number.adjusted() <= DECIMAL_RANGE:
        raise ValueError(f"number out of range (10^-{DECIMAL_RANGE} to 10^{DECIMAL_RANGE}): {show(value)}")
    return number


#: No amount, quantity or rate on a trade document needs digits beyond 10^30 or below 10^-30;
#: refusing them at the boundary keeps every rule's arithmetic clear of Decimal overflow.
DECIMAL_RANGE: Final = 30


def structure_date(value: object, _: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date (YYYY-MM-DD), got {json_type(value)}")
    if not _DATE.fullmatch(value):
        raise ValueError(f"not a date (YYYY-MM-DD): {show(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date: {show(value)}") from None


def structure_str(value: object, cls: object) -> str:
    if cls is not str and isinstance(cls, type) and issubclass(cls, enum.Enum):
        return structure_enum(value, cls)  # type: ignore[return-value]  # a (str, Enum) mix-in
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {json_type(value)}")
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def structure_int(value: object, cls: object) -> int:
    if cls is not int and isinstance(cls, type) and issubclass(cls, enum.Enum):
        return structure_enum(value, cls)  # type: ignore[return-value]  # an IntEnum
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {json_type(value)}: {show(value)}")
    return value


def structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {json_type(value)}: {show(value)}")
    return value


#: ``OriginCriterion.parse`` memoised: it is a pure function of the printed text, the result is an
#: immutable value, and a certificate repeats a handful of texts (``WO``, ``CTH``, ``RVC 40%``) on
#: every item. Bounded, so arbitrary input cannot grow it; it holds parsed box 8 texts and nothing else.
parse_criterion: Final = functools.lru_cache(maxsize=512)(OriginCriterion.parse)


def structure_criterion(value: object, _: object) -> OriginCriterion:
    if isinstance(value, OriginCriterion):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected the text of box 8 as a string, got {json_type(value)}")
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return parse_criterion(value) if value.__class__ is str else OriginCriterion.parse(value)


def is_correlation_table(cls: object) -> bool:
    """Whether ``cls`` is roo's HS correlation table class; its module is loaded only once a table is used
    (a class can only be asked about once its module is loaded)."""
    module = sys.modules.get(_CORRELATION_MODULE)
    return module is not None and cls is module.CorrelationTable


#: The module of the HS correlation table class (of the package's own name when vendored).
_CORRELATION_MODULE: Final = __name__.rsplit(".", 2)[0] + ".hs.correlation"


def structure_correlation(value: object, cls: type[CorrelationTable]) -> CorrelationTable:
    if isinstance(value, cls):
        return value
    raise ValueError(
        "an HS correlation table is not given in JSON: pass one loaded with roo.hs.load_correlation, "
        "or the table's file with roo evaluate --hs-table"
    )


def embeds_itself(cls: Any) -> bool:
    """Whether ``cls`` is a table that a document embeds and that reads and writes its own JSON.

    Such a class (a product-specific rule table) lives above the converter, which therefore cannot name
    it: it offers ``structure_embedded(value)`` and ``to_dict()`` instead.
    """
    return isinstance(cls, type) and callable(getattr(cls, "structure_embedded", None))


def structure_embedded(value: object, cls: Any) -> Any:
    return cls.structure_embedded(value)


def structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except (ValueError, TypeError):
        pass
    # A word in another letter case means the member whose value it spells, when only one does ("jiepa").
    if isinstance(value, str):
        folded = [member for member in cls if isinstance(member.value, str) and member.value.casefold() == value.casefold()]
        if len(folded) == 1:
            return folded[0]
    allowed = ", ".join(repr(m.value) for m in cls)
    raise ValueError(f"not one of {allowed}: {show(value)}") from None


#: Enums of the certificate format (every enum is handled by the generic hook; kept for reference).
ENUMS: Final[tuple[type[enum.Enum], ...]] = (Scheme, Medium, Copy, AlterationMethod, HsVersion)


def is_tuple(cls: Any) -> bool:
    return get_origin(cls) is tuple


def is_frozen_map(cls: Any) -> bool:
    return cls is FrozenMap or get_origin(cls) is FrozenMap


def is_union(cls: Any) -> bool:
    return get_origin(cls) in (typing.Union, types.UnionType)


def structure_override(value: object, _: object) -> object:
    """A parameter override: a JSON scalar (numbers kept exact), or a list of dated values."""
    if isinstance(value, str):
        return structure_str(value, str)
    if value is None or isinstance(value, (bool, int, Decimal, date)):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, (list, tuple)):
        return structure_dated_overrides(value)
    raise ValueError(f"expected a string, number, boolean, null or a list of dated values, got {json_type(value)}")


def structure_dated_overrides(entries: list[Any] | tuple[Any, ...]) -> tuple[DatedOverride, ...]:
    out: list[DatedOverride] = []
    for index, entry in enumerate(entries):
        if isinstance(entry, DatedOverride):
            out.append(entry)
            continue
        if not isinstance(entry, Mapping) or set(entry) != {"effective_from", "value"}:
            raise ValueError(f"entry {index}: expected {{\"effective_from\": \"YYYY-MM-DD\", \"value\": ...}}")
        effective = structure_date(entry["effective_from"], date)
        value = entry["value"]
        if isinstance(value, (list, tuple, Mapping)):
            raise ValueError(f"entry {index}: a dated value is a string, number, boolean or null")
        out.append(DatedOverride(effective, structure_override(value, None)))  # type: ignore[arg-type]
    if [e.effective_from for e in out] != sorted({e.effective_from for e in out}):
        raise ValueError("dated values must have distinct effective_from dates in ascending order")
    return tuple(out)


def not_an_object(value: object) -> typing.NoReturn:
    raise ValueError(f"expected an object, got {json_type(value)}")


def unknown_fields(value: Mapping[Any, Any], known: frozenset[str]) -> typing.NoReturn:
    raise ValueError(f"unknown fields: {sorted(show(k) for k in value if k not in known)}")


def enum_value(member: enum.Enum) -> Any:
    return member.value


def unstructure_override(value: object) -> object:
    if isinstance(value, tuple):
        return [{"effective_from": e.effective_from.isoformat(), "value": unstructure_override(e.value)} for e in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
