"""The one converter between roo's value objects and JSON-ready data (internal).

Hooks it installs (structure / unstructure):

* ``Decimal``: a decimal string (``"52000.00"``) or a JSON number / a decimal string;
  ``NaN`` and infinities are refused.
* ``date``: ``YYYY-MM-DD`` only / ``YYYY-MM-DD``.
* ``str``, ``int``, ``bool``: the JSON type itself, never coerced (``1`` is not a string,
  ``true`` is not an int). Text is Unicode text: a lone surrogate (``"\\ud800"``, valid JSON
  but no character) and a control character other than tab, line feed and carriage return
  (NUL, ESC, DEL, C1) are refused, so that whatever roo writes back is valid UTF-8.
* enums: their value; the error lists the accepted values.
* ``OriginCriterion`` (box 8): the printed text, parsed without ever failing / the text.
* ``tuple[X, ...]``: a JSON array / a list.
* ``FrozenMap``: a JSON object / a dict.
* attrs classes: a JSON object with no unknown keys / a dict in field order.

Loading runs a fast converter first; only when that fails does a second,
detailed converter run to collect every problem with its JSON path
(``items[1].invoice.date: not a date: '2024-13-45'``). A final pass checks
what types cannot say (ISO codes, item numbers, amounts that must be positive, HS code
lengths). A document that does not load is first checked against the nesting limit, so
that listing its problems never recurses without bound; the problems listed are capped
(:data:`roo.errors.MAX_PROBLEMS`) and every value echoed in them is cut short.
"""

from __future__ import annotations

import decimal
import difflib
import enum
import functools
import keyword
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError

from ._frozen import FrozenMap
from ._json import DEFAULT_LIMITS, Limits, depth_problem, show
from .errors import MAX_PROBLEMS, InvalidCertificate, InvalidInput, Problem
from .hs.correlation import CorrelationTable
from .model.certificate import AlterationMethod, Certificate, Copy, Item, Medium, Scheme
from .model.codes import country_hint, currency_hint, is_country, is_currency
from .model.criterion import OriginCriterion
from .model.hs import MAX_HS_DIGITS, HsVersion, hs_code_problem
from .params import DatedOverride, check_overrides

if TYPE_CHECKING:
    # Named in signatures only: the converter sits below the context and the tables a document embeds.
    from .context import Context

T = TypeVar("T")

_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
#: A number as text: ASCII digits only (``"１２３"`` in full-width digits is refused), matched whole.
_NUMBER_TEXT: Final = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", re.ASCII)
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


def _json_type(value: object) -> str:
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


def _show(value: object) -> str:
    return show(value)


def _structure_decimal(value: object, _: object) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"expected a decimal number, got {_json_type(value)}")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if not _NUMBER_TEXT.fullmatch(text):
            raise ValueError(f"not a decimal number: {_show(value)}")
        try:
            number = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
            raise ValueError(f"not a decimal number: {_show(value)}") from None
    else:
        raise ValueError(f"expected a decimal number, got {_json_type(value)}")
    if not number.is_finite():
        raise ValueError(f"not a finite number: {_show(value)}")
    if number and not -DECIMAL_RANGE <= number.adjusted() <= DECIMAL_RANGE:
        raise ValueError(f"number out of range (10^-{DECIMAL_RANGE} to 10^{DECIMAL_RANGE}): {_show(value)}")
    return number


#: No amount, quantity or rate on a trade document needs digits beyond 10^30 or below 10^-30;
#: refusing them at the boundary keeps every rule's arithmetic clear of Decimal overflow.
DECIMAL_RANGE: Final = 30


def _structure_date(value: object, _: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date (YYYY-MM-DD), got {_json_type(value)}")
    if not _DATE.fullmatch(value):
        raise ValueError(f"not a date (YYYY-MM-DD): {_show(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date: {_show(value)}") from None


def _structure_str(value: object, cls: object) -> str:
    if cls is not str and isinstance(cls, type) and issubclass(cls, enum.Enum):
        return _structure_enum(value, cls)  # type: ignore[return-value]  # a (str, Enum) mix-in
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {_json_type(value)}")
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _structure_int(value: object, cls: object) -> int:
    if cls is not int and isinstance(cls, type) and issubclass(cls, enum.Enum):
        return _structure_enum(value, cls)  # type: ignore[return-value]  # an IntEnum
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {_json_type(value)}: {_show(value)}")
    return value


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_json_type(value)}: {_show(value)}")
    return value


#: ``OriginCriterion.parse`` memoised: it is a pure function of the printed text, the result is an
#: immutable value, and a certificate repeats a handful of texts (``WO``, ``CTH``, ``RVC 40%``) on
#: every item. Bounded, so arbitrary input cannot grow it; it holds parsed box 8 texts and nothing else.
_parse_criterion: Final = functools.lru_cache(maxsize=512)(OriginCriterion.parse)


def _structure_criterion(value: object, _: object) -> OriginCriterion:
    if isinstance(value, OriginCriterion):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected the text of box 8 as a string, got {_json_type(value)}")
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return _parse_criterion(value) if value.__class__ is str else OriginCriterion.parse(value)


def _structure_correlation(value: object, _: object) -> CorrelationTable:
    if isinstance(value, CorrelationTable):
        return value
    raise ValueError(
        "an HS correlation table is not given in JSON: pass one loaded with roo.hs.load_correlation, "
        "or the table's file with roo evaluate --hs-table"
    )


def _embeds_itself(cls: Any) -> bool:
    """Whether ``cls`` is a table that a document embeds and that reads and writes its own JSON.

    Such a class (a product-specific rule table) lives above the converter, which therefore cannot name
    it: it offers ``structure_embedded(value)`` and ``to_dict()`` instead.
    """
    return isinstance(cls, type) and callable(getattr(cls, "structure_embedded", None))


def _structure_embedded(value: object, cls: Any) -> Any:
    return cls.structure_embedded(value)


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
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
    raise ValueError(f"not one of {allowed}: {_show(value)}") from None


#: Enums of the certificate format (every enum is handled by the generic hook; kept for reference).
ENUMS: Final[tuple[type[enum.Enum], ...]] = (Scheme, Medium, Copy, AlterationMethod, HsVersion)


def _is_tuple(cls: Any) -> bool:
    return get_origin(cls) is tuple


def _is_frozen_map(cls: Any) -> bool:
    return cls is FrozenMap or get_origin(cls) is FrozenMap


def _is_union(cls: Any) -> bool:
    return get_origin(cls) in (typing.Union, types.UnionType)


def _scalar(value: object, _: object) -> object:
    """A parameter override: a JSON scalar (numbers kept exact), or a list of dated values."""
    if isinstance(value, str):
        return _structure_str(value, str)
    if value is None or isinstance(value, (bool, int, Decimal, date)):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, (list, tuple)):
        return _dated_overrides(value)
    raise ValueError(f"expected a string, number, boolean, null or a list of dated values, got {_json_type(value)}")


def _dated_overrides(entries: list[Any] | tuple[Any, ...]) -> tuple[DatedOverride, ...]:
    out: list[DatedOverride] = []
    for index, entry in enumerate(entries):
        if isinstance(entry, DatedOverride):
            out.append(entry)
            continue
        if not isinstance(entry, Mapping) or set(entry) != {"effective_from", "value"}:
            raise ValueError(f"entry {index}: expected {{\"effective_from\": \"YYYY-MM-DD\", \"value\": ...}}")
        effective = _structure_date(entry["effective_from"], date)
        value = entry["value"]
        if isinstance(value, (list, tuple, Mapping)):
            raise ValueError(f"entry {index}: a dated value is a string, number, boolean or null")
        out.append(DatedOverride(effective, _scalar(value, None)))  # type: ignore[arg-type]
    if [e.effective_from for e in out] != sorted({e.effective_from for e in out}):
        raise ValueError("dated values must have distinct effective_from dates in ascending order")
    return tuple(out)


_MISSING: Final = object()

#: Reads the fast path's decimal texts, and JSON numbers read as int or Decimal, exactly as the hook's
#: ``Decimal(...)`` does, for less than that constructor costs. Its syntax is the hook's pattern (sign, decimal
#: digits, one point, exponent; the fast path hands it ASCII text only, as the pattern admits only ASCII digits) and its traps refuse what the hook refuses: a nonzero number outside
#: 10^-DECIMAL_RANGE to 10^DECIMAL_RANGE (Subnormal, Overflow), text that is not a number (InvalidOperation).
#: A trap only hands the value to the hook, which also takes what the context does not (padding, zeros it
#: would clamp); NaN and infinities, which pass, go to the hook after it. The flags a trap sets are never read.
_EXACT: Final = decimal.Context(
    prec=decimal.MAX_PREC,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-DECIMAL_RANGE,
    Emax=DECIMAL_RANGE,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[
        decimal.Clamped,
        decimal.DivisionByZero,
        decimal.FloatOperation,
        decimal.Inexact,
        decimal.InvalidOperation,
        decimal.Overflow,
        decimal.Rounded,
        decimal.Subnormal,
        decimal.Underflow,
    ],
)


class _FastStructure:
    """Generates the fast path's structure function of each attrs class, once, as specialised source.

    For every field the common case (an exact ``str``, ``int``, ``bool``; a
    decimal or date string; a known enum value; ``None`` for an optional
    field) is tested inline, and anything else goes to the converter's own hook
    for that type, which accepts or refuses exactly as the detailed converter
    does. Nested attrs classes (``Item.quantity``, ``Item.invoice``) and the
    loop over an array (``Certificate.items``) are written inline into their
    parent's function; a dict that has every field is read by plain
    subscripts. Classes with neither validators nor converters get their slots
    set directly rather than through ``__init__`` (by plain stores into an
    instance of a subclass that is then given the class, see
    :meth:`builder`). The result is the same value ``__init__`` would build.
    The fast path never accepts what the detailed converter refuses: any
    exception it raises only sends :func:`structure` to the detailed
    converter, which then reports every problem with its path.
    """

    #: How deep nested classes are written inline; deeper ones are called.
    INLINE_DEPTH: Final = 2

    def __init__(self, converter: cattrs.Converter) -> None:
        self.converter = converter
        self.building: set[type[Any]] = set()
        self.made: dict[type[Any], Callable[[object, object], Any]] = {}
        self.builders: dict[type[Any], type[Any] | None] = {}

    def __call__(self, cls: type[Any]) -> Callable[[object, object], Any]:
        """The structure function of ``cls`` (the converter calls this once per class and keeps it)."""
        if cls in self.building:  # reached again through a container field (tuple[Material, ...]): defer the lookup
            return lambda value, t: self.converter.get_structure_hook(cls)(value, t)
        if not self.eligible(cls):
            generated = cattrs.gen.make_dict_structure_fn(cls, self.converter, _cattrs_forbid_extra_keys=True)
            return lambda value, _: generated(value, cls) if isinstance(value, Mapping) else _not_an_object(value)
        self.building.add(cls)
        try:
            namespace: dict[str, Any] = {
                "Mapping": Mapping,
                "MISSING": _MISSING,
                "new": object.__new__,
                "not_an_object": _not_an_object,
                "unknown_fields": _unknown_fields,
            }
            lines = ["def structure(d, _):", *self.body(cls, "d", "x", "    ", namespace, 0), "    return d"]
            source = "\n".join(lines)
            code = compile(source, f"<roo fast structure {cls.__module__}.{cls.__qualname__}>", "exec")
            exec(code, namespace)  # noqa: S102 - our own generated source, built from field names and types
        finally:
            self.building.discard(cls)
        function: Callable[[object, object], Any] = namespace["structure"]
        self.made[cls] = function
        return function

    @staticmethod
    def eligible(cls: type[Any]) -> bool:
        """Whether the generator handles ``cls`` (every init field positional, with a type, plain defaults)."""
        attrs.resolve_types(cls)
        return all(
            not f.kw_only
            and f.type is not None
            and not (isinstance(f.default, attrs.Factory) and f.default.takes_self)  # type: ignore[arg-type]
            for f in attrs.fields(cls)
            if f.init
        )

    @staticmethod
    def settable(cls: type[Any]) -> bool:
        """Whether ``cls``'s slots can be set directly: what ``__init__`` does for it, and nothing more."""
        fields = attrs.fields(cls)
        slots = [name for name in getattr(cls, "__slots__", ()) if name != "__weakref__"]
        return (
            all(f.init and f.validator is None and f.converter is None for f in fields)
            and sorted(slots) == sorted(f.name for f in fields)
            and all(type(cls.__dict__.get(f.name)).__name__ == "member_descriptor" for f in fields)
            and not hasattr(cls, "__attrs_pre_init__")
            and not hasattr(cls, "__attrs_post_init__")
        )

    def builder(self, cls: type[Any]) -> type[Any] | None:
        """A subclass of the settable ``cls`` whose instances take plain attribute stores, or None.

        An instance of it gets its slots by plain stores, which the interpreter specialises to several times
        less than a call of each slot's ``__set__``, and then becomes an instance of ``cls`` by assignment to
        ``__class__``, which Python allows between classes of one layout: the object is the one the slot
        setters build. Only for a class whose subclassing runs no code (plain ``type``, no
        ``__init_subclass__``) and whose fields are plain names; otherwise None, and the setters are used.
        """
        if cls in self.builders:
            return self.builders[cls]
        made: type[Any] | None = None
        if (
            type(cls) is type
            and not any("__init_subclass__" in vars(base) for base in cls.__mro__[:-1])
            and all(f.name.isidentifier() and not keyword.iskeyword(f.name) for f in attrs.fields(cls))
        ):
            made = type(
                f"{cls.__name__}Builder",
                (cls,),
                {"__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__},
            )
            try:
                object.__new__(made).__class__ = cls
            except TypeError:  # pragma: no cover - a layout Python will not convert: set the slots one by one
                made = None
        self.builders[cls] = made
        return made

    def body(self, cls: type[Any], var: str, prefix: str, indent: str, namespace: dict[str, Any], depth: int) -> list[str]:
        """Lines that read the mapping in ``var`` as ``cls`` and leave the instance in ``var``."""
        fields = [f for f in attrs.fields(cls) if f.init]
        namespace[f"{prefix}cls"] = cls
        namespace[f"{prefix}keys"] = frozenset(f.name for f in fields)
        names = [f"{prefix}{index}" for index in range(len(fields))]
        # A dict with as many keys as there are fields either has every field (read by plain subscripts, and no
        # unknown key is possible) or an unknown key in place of a field, which the subscript refuses.
        lines = [f"{indent}if {var}.__class__ is dict and len({var}) == {len(fields)}:"]
        lines.extend(f"{indent}    {name} = {var}[{field.name!r}]" for field, name in zip(fields, names, strict=True))
        lines.extend(
            [
                f"{indent}else:",
                f"{indent}    if {var}.__class__ is not dict and not isinstance({var}, Mapping):",
                f"{indent}        not_an_object({var})",
                f"{indent}    if not {prefix}keys.issuperset({var}):",
                f"{indent}        unknown_fields({var}, {prefix}keys)",
            ]
        )
        lines.extend(
            f"{indent}    {name} = {var}[{field.name!r}]"
            if field.default is attrs.NOTHING
            else f"{indent}    {name} = {var}.get({field.name!r}, MISSING)"
            for field, name in zip(fields, names, strict=True)
        )
        for field, name in zip(fields, names, strict=True):
            if field.default is attrs.NOTHING:
                lines.extend(self.convert(name, field.type, indent, namespace, depth))
                continue
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                namespace[f"{name}_factory"] = field.default.factory
                default = f"{name}_factory()"
            else:
                namespace[f"{name}_default"] = field.default
                default = f"{name}_default"
            inexact = self.inexact_test(name, field.type, namespace)
            if inexact is None:
                lines.append(f"{indent}if {name} is MISSING:")
                lines.append(f"{indent}    {name} = {default}")
                lines.append(f"{indent}else:")
                lines.extend(self.convert(name, field.type, indent + "    ", namespace, depth))
                continue
            # A present value of the exact type is the common case: one test, and the rarer cases after it.
            lines.append(f"{indent}if {inexact}:")
            lines.append(f"{indent}    if {name} is MISSING:")
            lines.append(f"{indent}        {name} = {default}")
            if _is_union(field.type):
                lines.append(f"{indent}    elif {name} is not None:")
            else:
                lines.append(f"{indent}    else:")
            lines.append(f"{indent}        {name} = {name}_hook({name}, {name}_type)")
        settable = self.settable(cls)
        builder = self.builder(cls) if settable else None
        if builder is not None:
            namespace[f"{prefix}builder"] = builder
            lines.append(f"{indent}{var} = new({prefix}builder)")
            lines.extend(f"{indent}{var}.{field.name} = {name}" for field, name in zip(fields, names, strict=True))
            lines.append(f"{indent}{var}.__class__ = {prefix}cls")
        elif settable:
            lines.append(f"{indent}{var} = new({prefix}cls)")
            for field, name in zip(fields, names, strict=True):
                namespace[f"{name}_set"] = cls.__dict__[field.name].__set__
                lines.append(f"{indent}{name}_set({var}, {name})")
        else:
            lines.append(f"{indent}{var} = {prefix}cls({', '.join(names)})")
        return lines

    def inexact_test(self, var: str, cls: Any, namespace: dict[str, Any]) -> str | None:
        """For ``str``, ``int``, ``bool`` or one of them or ``None``: the test that ``var`` is not of that exact type.

        The names of the converter's hook and of the type are bound as :meth:`convert` binds them; any other
        type gives ``None``.
        """
        if _is_union(cls) and type(None) in get_args(cls) and len(get_args(cls)) == 2:
            (cls,) = (arg for arg in get_args(cls) if arg is not type(None))
        if not (cls is str or cls is int or cls is bool):
            return None
        namespace[f"{var}_type"] = cls
        namespace[f"{var}_hook"] = self.converter.get_structure_hook(cls)
        if cls is bool:
            return f"{var} is not True and {var} is not False"
        if cls is str:  # printable text is the common case; the hook checks the rest (tabs, lone surrogates)
            return f"{var}.__class__ is not {var}_type or not {var}.isprintable()"
        return f"{var}.__class__ is not {var}_type"

    def convert(self, var: str, cls: Any, indent: str, namespace: dict[str, Any], depth: int) -> list[str]:
        """Lines that turn ``var`` into a value of ``cls``, inline for the common cases."""
        if _is_union(cls) and type(None) in get_args(cls) and len(get_args(cls)) == 2:
            (inner,) = (arg for arg in get_args(cls) if arg is not type(None))
            return [f"{indent}if {var} is not None:", *self.convert(var, inner, indent + "    ", namespace, depth)]
        hook, kind = f"{var}_hook", f"{var}_type"
        namespace[kind] = cls
        if isinstance(cls, type) and cls in self.building:  # a class that contains itself: look it up when called
            namespace[hook] = lambda value, t: self.converter.get_structure_hook(t)(value, t)
            return [f"{indent}{var} = {hook}({var}, {kind})"]
        namespace[hook] = self.converter.get_structure_hook(cls)
        if cls is str:
            return [
                f"{indent}if {var}.__class__ is not {kind} or not {var}.isprintable():",
                f"{indent}    {var} = {hook}({var}, {kind})",
            ]
        if cls is int:
            return [f"{indent}if {var}.__class__ is not {kind}:", f"{indent}    {var} = {hook}({var}, {kind})"]
        if cls is bool:
            return [f"{indent}if {var} is not True and {var} is not False:", f"{indent}    {var} = {hook}({var}, {kind})"]
        if cls is Decimal:
            namespace["exact_decimal"] = _EXACT.create_decimal
            namespace["Decimal"] = Decimal
            number = f"{var}_number"
            return [
                f"{indent}if ({var}.__class__ is str and {var}.isascii()) or {var}.__class__ is int "
                f"or {var}.__class__ is Decimal:",
                f"{indent}    try:",
                f"{indent}        {number} = exact_decimal({var})",
                f"{indent}    except ArithmeticError:",
                f"{indent}        {number} = {hook}({var}, {kind})",
                f"{indent}    if not {number}.is_finite():",
                f"{indent}        {number} = {hook}({var}, {kind})",
                f"{indent}    {var} = {number}",
                f"{indent}else:",
                f"{indent}    {var} = {hook}({var}, {kind})",
            ]
        if cls is date:
            # Ten characters with '-' at 4 and 7 are YYYY-MM-DD or nothing date.fromisoformat accepts, and it
            # reads ASCII digits only: what it accepts of them the hook's pattern admits (and cheaper to test).
            namespace["from_iso"] = date.fromisoformat
            return [
                f"{indent}{var} = from_iso({var}) if {var}.__class__ is str and len({var}) == 10 and {var}[4] == '-' "
                f"and {var}[7] == '-' else {hook}({var}, {kind})"
            ]
        if cls is OriginCriterion:
            namespace["parse_criterion"] = _parse_criterion
            return [
                f"{indent}{var} = parse_criterion({var}) if {var}.__class__ is str and {var}.isprintable() "
                f"else {hook}({var}, {kind})"
            ]
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            namespace[f"{var}_members"] = {member.value: member for member in cls.__members__.values()}
            return [
                f"{indent}{var}_member = {var}_members.get({var}, MISSING)",
                f"{indent}{var} = {var}_member if {var}_member is not MISSING else {hook}({var}, {kind})",
            ]
        if attrs.has(cls) and depth < self.INLINE_DEPTH and self.eligible(cls) and self.generated(cls):
            return self.body(cls, var, f"{var}_", indent, namespace, depth + 1)
        if _is_tuple(cls) and (get_args(cls) or (Any,))[0] is not Any:
            # The converter's tuple hook, written out for a JSON array: each element converted as a value of the
            # first argument's type (which is how the hook reads every tuple type). A class of the elements is
            # called rather than written out again: that would gain nothing measurable for a longer source.
            element, out = get_args(cls)[0], f"{var}_out"
            return [
                f"{indent}if {var}.__class__ is list:",
                f"{indent}    {out} = []",
                f"{indent}    for {var}_e in {var}:",
                *self.convert(f"{var}_e", element, indent + "        ", namespace, self.INLINE_DEPTH),
                f"{indent}        {out}.append({var}_e)",
                f"{indent}    {var} = tuple({out})",
                f"{indent}else:",
                f"{indent}    {var} = {hook}({var}, {kind})",
            ]
        return [f"{indent}{var} = {hook}({var}, {kind})"]

    def generated(self, cls: type[Any]) -> bool:
        """Whether the converter structures ``cls`` with this generator (and not with a hook of its own)."""
        return self.converter.get_structure_hook(cls) is self.made.get(cls)


def _not_an_object(value: object) -> typing.NoReturn:
    raise ValueError(f"expected an object, got {_json_type(value)}")


def _unknown_fields(value: Mapping[Any, Any], known: frozenset[str]) -> typing.NoReturn:
    raise ValueError(f"unknown fields: {sorted(_show(k) for k in value if k not in known)}")


def _make_converter(detailed: bool) -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(date, _structure_date)
    # Registered by class: cattrs dispatches str and int by class before any predicate, so a
    # predicate hook would never run and "no" would become True, 123 the string "123".
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(OriginCriterion, _structure_criterion)
    converter.register_structure_hook(CorrelationTable, _structure_correlation)
    # Registered on the enum bases so that every enum (also those of roo.eco, roo.origin) gets
    # the clear message; StrEnum comes before str in a StrEnum's MRO, so this wins over the str hook.
    converter.register_structure_hook(enum.StrEnum, _structure_enum)
    converter.register_structure_hook(enum.Enum, _structure_enum)

    def tuple_hook(cls: Any) -> Callable[[object, object], tuple[Any, ...]]:
        (element, *_rest) = get_args(cls) or (Any,)
        inner = converter.get_structure_hook(element) if element is not Any else None

        def structure(value: object, _: object) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise ValueError(f"expected an array, got {_json_type(value)}")
            if inner is None:
                return tuple(value)
            if not detailed:
                return tuple([inner(v, element) for v in value])
            out: list[Any] = []
            errors: list[Exception] = []
            omitted = 0
            for index, v in enumerate(value):
                try:
                    out.append(inner(v, element))
                except Exception as error:  # noqa: BLE001 - collected and re-raised as a group
                    if len(errors) >= MAX_PROBLEMS:  # counted, not kept: a million bad items stay cheap
                        omitted += len(problems_of(error))
                        continue
                    error.__notes__ = [*getattr(error, "__notes__", []), _IndexNote(index)]
                    errors.append(error)
            if omitted:
                errors.append(_Omitted(omitted))
            if errors:
                raise cattrs.IterableValidationError("While structuring an array", errors, cls)
            return tuple(out)

        return structure

    converter.register_structure_hook_factory(_is_tuple, tuple_hook)

    def map_hook(cls: Any) -> Callable[[object, object], FrozenMap[Any]]:
        args = get_args(cls)
        value_type = args[0] if args else Any
        inner: Callable[[object, object], Any] = (
            _structure_decimal if value_type is Decimal else _scalar
        )

        def structure(value: object, _: object) -> FrozenMap[Any]:
            if not isinstance(value, Mapping):
                raise ValueError(f"expected an object, got {_json_type(value)}")
            out: dict[str, Any] = {}
            errors: list[Exception] = []
            for key, v in value.items():
                try:
                    if not isinstance(key, str):
                        raise ValueError(f"keys must be strings, got {_show(key)}")
                    if (problem := text_problem(key)) is not None:
                        raise ValueError(f"the key: {problem}")
                    out[key] = inner(v, value_type)
                except Exception as error:  # noqa: BLE001 - collected and re-raised as a group
                    error.__notes__ = [*getattr(error, "__notes__", []), _KeyNote(str(key))]
                    errors.append(error)
            if errors:
                raise cattrs.IterableValidationError("While structuring an object", errors, cls)
            return FrozenMap(out)

        return structure

    converter.register_structure_hook_factory(_is_frozen_map, map_hook)

    def attrs_hook(cls: type[Any]) -> Callable[[object, object], Any]:
        generated = cattrs.gen.make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
        )

        def structure(value: object, _: object) -> Any:
            if not isinstance(value, Mapping):
                raise ValueError(f"expected an object, got {_json_type(value)}")
            return generated(value, cls)

        return structure

    if detailed:
        converter.register_structure_hook_factory(attrs.has, attrs_hook)
    else:
        converter.register_structure_hook_factory(attrs.has, _FastStructure(converter))
    # After the attrs factories, which it must take precedence over: an embedded table is an attrs class too.
    converter.register_structure_hook_func(_embeds_itself, _structure_embedded)

    # Unstructuring: JSON types only.
    converter.register_unstructure_hook(Decimal, str)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(OriginCriterion, lambda c: c.text)
    converter.register_unstructure_hook_func(_embeds_itself, lambda table: table.to_dict())
    converter.register_unstructure_hook(CorrelationTable, lambda _: None)  # not JSON: see _structure_correlation
    # By class, StrEnum first: cattrs passes str (and so a StrEnum member) through by class before any
    # predicate, which would leave enum members, not plain strings, in the JSON-ready output.
    converter.register_unstructure_hook(enum.StrEnum, _enum_value)
    converter.register_unstructure_hook(enum.Enum, _enum_value)
    converter.register_unstructure_hook_factory(
        _is_frozen_map, lambda _: lambda m: {k: _unstructure_scalar(v) for k, v in m.items()}
    )

    def tuple_unhook(cls: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        (element, *_rest) = get_args(cls) or (Any,)
        inner = converter.get_unstructure_hook(element) if element is not Any else None
        if inner is None:
            return list
        return lambda t: [inner(v) for v in t]

    converter.register_unstructure_hook_factory(_is_tuple, tuple_unhook)
    return converter


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _unstructure_scalar(value: object) -> object:
    if isinstance(value, tuple):
        return [{"effective_from": e.effective_from.isoformat(), "value": _unstructure_scalar(e.value)} for e in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


class _IndexNote(str):
    position: int

    def __new__(cls, index: int) -> _IndexNote:
        note = super().__new__(cls, f"@ index {index}")
        note.position = index
        return note


class _KeyNote(str):
    key: str

    def __new__(cls, key: str) -> _KeyNote:
        note = super().__new__(cls, f"@ key {_show(key)}")
        note.key = key
        return note


class _Omitted(Exception):
    """Stands for ``count`` problems found in an array past the first :data:`MAX_PROBLEMS` of them."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(f"{count} more problems")


FAST: Final = _make_converter(detailed=False)
DETAILED: Final = _make_converter(detailed=True)


def problems_of(error: BaseException, path: str = "") -> list[Problem]:
    """Flatten a cattrs error tree into problems with JSON paths (``items[1].invoice.date``).

    Problems counted but not kept (past :data:`MAX_PROBLEMS` in one array) are one problem whose
    ``value`` is their number and whose message says ``omitted``; :func:`_split` takes them out.
    """
    step = path
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, cattrs.AttributeValidationNote):
            step = f"{path}.{note.name}" if path else note.name
        elif isinstance(note, cattrs.IterableValidationNote):
            step = f"{path}[{note.index}]"
        elif isinstance(note, _IndexNote):
            step = f"{path}[{note.position}]"
        elif isinstance(note, _KeyNote):
            step = f"{path}[{_show(note.key)}]"
    if isinstance(error, (cattrs.ClassValidationError, cattrs.IterableValidationError)):
        found: list[Problem] = []
        for sub in error.exceptions:
            found.extend(problems_of(sub, step))
        return found
    where = step or "$"
    if isinstance(error, InvalidInput):  # a model's own check (a validator), its problems at their paths
        return [Problem(f"{step}.{p.path}" if step else p.path, p.message, p.value) for p in error.problems]
    if isinstance(error, _Omitted):
        return [Problem(where, _OMITTED, _Count(error.count))]
    if isinstance(error, ForbiddenExtraKeysError):
        known = [field.alias or field.name for field in attrs.fields(error.cl)] if attrs.has(error.cl) else []
        keys = ", ".join(
            _show(key) + _nearest(key, known) for key in sorted(error.extra_fields, key=str)[:MAX_PROBLEMS]
        )
        return [Problem(where, f"unknown field{'s' if len(error.extra_fields) > 1 else ''} {keys}")]
    if isinstance(error, KeyError):
        return [Problem(where, "required field is missing")]
    if isinstance(error, RecursionError):
        return [Problem(where, "nested too deeply to read")]
    message = str(error) or type(error).__name__
    return [Problem(where, message)]


_OMITTED: Final = "problems omitted"
#: Unknown keys longer than this get no suggestion (a suggestion is for a typo, not for a pasted text).
_SUGGESTED_KEY_LENGTH: Final = 64


def _nearest(key: object, known: Sequence[str]) -> str:
    """`` (did you mean 'hs_code'?)`` for an unknown key close to a known one (a typo, another case), else ``""``."""
    if not isinstance(key, str) or len(key) > _SUGGESTED_KEY_LENGTH:
        return ""
    folded = {name.casefold(): name for name in known}
    match = folded.get(key.casefold().replace("-", "_").replace(" ", "_"))
    if match is None:
        close = difflib.get_close_matches(key.casefold(), list(folded), n=1, cutoff=0.75)
        match = folded[close[0]] if close else None
    return f" (did you mean {match!r}?)" if match is not None else ""


class _Count(int):
    """The number of problems a :func:`problems_of` entry stands for (never a value from the input)."""


def _split(problems: list[Problem]) -> tuple[list[Problem], int]:
    """The problems to list, and the number of those only counted."""
    listed = [p for p in problems if not isinstance(p.value, _Count)]
    return listed, sum(p.value for p in problems if isinstance(p.value, _Count))


def structure(data: object, cls: type[T], error: type[InvalidInput], limits: Limits = DEFAULT_LIMITS) -> T:
    """Structure ``data`` as ``cls``, or raise ``error`` listing every problem (at most MAX_PROBLEMS of them)."""
    if data.__class__ is not dict and not isinstance(data, Mapping):
        raise error([Problem("$", f"expected an object, got {_json_type(data)}")])
    try:
        return FAST.structure(data, cls)
    except Exception:  # noqa: BLE001 - re-run in detail to report every problem
        pass
    # Before listing problems: a document nested deeper than the limit gets that one problem, and the
    # detailed converter never walks it.
    too_deep = depth_problem(data, limits)
    if too_deep is not None:
        raise error([too_deep])
    try:
        result = DETAILED.structure(data, cls)
    except Exception as detailed_error:  # noqa: BLE001 - every failure becomes a Problem
        listed, omitted = _split(problems_of(detailed_error))
        raise error(listed or [Problem("$", _show(str(detailed_error)))], omitted) from None
    return result  # pragma: no cover - the fast path fails only when the detailed one does


def unstructure(value: object) -> Any:
    """The JSON-ready form of any roo value object."""
    return FAST.unstructure(value)


def _positive(money: Any, path: str, what: str, problems: list[Problem], *, zero: bool = False) -> None:
    """A problem at ``path`` unless ``money`` (Money or Quantity, or None) is above zero (or zero, if allowed)."""
    if money is None:
        return
    amount = money.amount if hasattr(money, "amount") else money.value
    if amount < 0 or (amount == 0 and not zero):
        problems.append(Problem(path, f"{what} must be {'zero or more' if zero else 'above zero'}, got {amount}"))


def _country_problem(code: str, path: str) -> Problem:
    return Problem(path, f"not an ISO 3166-1 alpha-2 country code: {_show(code)}{country_hint(code)}")


def _currency_problem(code: str, path: str) -> Problem:
    return Problem(path, f"not an ISO 4217 currency code: {_show(code)}{currency_hint(code)}")


def _check_party(party: Any, path: str, problems: list[Problem]) -> None:
    if party is not None and party.country is not None and not _country_any_case(party.country):
        problems.append(_country_problem(party.country, f"{path}.country"))


def check_certificate(co: Certificate, prefix: str = "") -> list[Problem]:
    """What the types cannot say: ISO codes, currencies, item numbering, amounts, HS code lengths.

    A certificate without a problem is recognised in one pass over its items
    (each distinct currency tested once); only a certificate with a problem
    is walked item by item to report each one with its path.
    """
    items = co.items
    numbers = {item.number for item in items}
    # Comprehensions and C-level min/max over the items: a clean certificate is the common case.
    moneys = [money for item in items if (money := item.fob_value) is not None]
    currencies = {money.currency for money in moneys}
    amounts = [money.amount for money in moneys]
    amounts += [quantity.value for item in items if (quantity := item.quantity) is not None]
    amounts += [weight.value for item in items if (weight := item.gross_weight) is not None]
    suspect = (bool(amounts) and min(amounts) < 0) or (
        bool(items) and max([len(item.hs_code) for item in items]) > MAX_HS_DIGITS
    )
    if (
        items
        and not suspect
        and is_country(co.exporting_party)
        and is_country(co.importing_party)
        and len(numbers) == len(items)
        and min(numbers) >= 1
        and all(map(is_currency, currencies))
        and _clean_header(co)
    ):
        return []
    fields = ((index, _FieldsOf(item)) for index, item in enumerate(co.items))
    return _certificate_problems(_FieldsOf(co), fields, prefix, listed_items=bool(co.items))


class _Fields(Protocol):
    """A certificate's or an item's fields by name (a field that could not be read gives None)."""

    def get(self, name: str, /) -> Any: ...


@typing.final
class _FieldsOf:
    """The fields of a certificate or item that was read: :class:`_Fields` without copying them."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def get(self, name: str, /) -> Any:
        return getattr(self.value, name)


def _certificate_problems(
    header: _Fields, items: Iterable[tuple[int, _Fields]], prefix: str, *, listed_items: bool
) -> list[Problem]:
    """The problems of :func:`check_certificate`, from the header fields that could be read and the item fields
    that could (each item with its index in the document), so that a document with faults of both kinds gets
    all of them in one round.
    """
    problems: list[Problem] = []
    for field in ("exporting_party", "importing_party"):
        code = header.get(field)
        if isinstance(code, str) and not is_country(code):
            problems.append(_country_problem(code, prefix + field))
    problems.extend(_header_problems(header, prefix))
    if not listed_items:
        problems.append(Problem(prefix + "items", "a certificate lists at least one item"))
    seen: set[int] = set()
    for index, item in items:
        where = f"{prefix}items[{index}]"
        number = item.get("number")
        if number is None:
            pass
        elif number < 1:
            problems.append(Problem(f"{where}.number", f"item numbers start at 1, got {number}"))
        elif number in seen:
            problems.append(Problem(f"{where}.number", f"item number {number} is used twice"))
        else:
            seen.add(number)
        hs_code = item.get("hs_code")
        if hs_code is not None and (hs_problem := hs_code_problem(hs_code)) is not None:
            problems.append(Problem(f"{where}.hs_code", hs_problem))
        fob_value = item.get("fob_value")
        if fob_value is not None and not is_currency(fob_value.currency):
            problems.append(_currency_problem(fob_value.currency, f"{where}.fob_value.currency"))
        # Zero is kept: it is a wrong figure the rules report (a quantity of 0 cannot cover a declaration).
        _positive(fob_value, f"{where}.fob_value.amount", "an FOB value", problems, zero=True)
        _positive(item.get("quantity"), f"{where}.quantity.value", "a quantity", problems, zero=True)
        _positive(item.get("gross_weight"), f"{where}.gross_weight.value", "a weight", problems, zero=True)
    return problems


def _readable_parts_problems(data: Mapping[str, Any], limits: Limits) -> list[Problem]:
    """:func:`check_certificate`'s problems in the parts of ``data`` that can be read, when the whole cannot.

    Each header field and each field of each item is read on its own: an amount written ``"1,200"`` on one
    item, or a misspelt key, no longer hides a currency ``"US$"`` on another, or a country named
    ``"Thailand"``, until the first is fixed.
    """
    raw_items = data.get("items")
    items: list[tuple[int, _Fields]] = []
    if isinstance(raw_items, (list, tuple)):
        item_types = _field_types(Item)
        items = [
            (index, _readable_fields(raw, item_types))
            for index, raw in enumerate(raw_items[: limits.max_items])
            if isinstance(raw, Mapping)
        ]
    header = _readable_fields(data, {k: v for k, v in _certificate_types().items() if k != "items"})
    return _certificate_problems(header, items, "", listed_items=raw_items != [])


def _readable_fields(data: Mapping[str, Any], types: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of ``data`` that can be read as their ``types`` say, each on its own."""
    fields: dict[str, Any] = {}
    for name, kind in types.items():
        if name in data:
            try:
                fields[name] = DETAILED.structure(data[name], kind)
            except Exception:  # noqa: BLE001 - already reported by the structuring of the whole
                continue
    return fields


@functools.cache
def _field_types(cls: type[Any]) -> dict[str, Any]:
    """The field types of attrs class ``cls``, resolved (roo's annotations are strings)."""
    return typing.get_type_hints(cls)


def _certificate_types() -> dict[str, Any]:
    """The certificate's field types, in the order of its fields."""
    return _field_types(Certificate)


def _in_document_order(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` ordered as their fields come in a certificate: header fields in model order, items by index."""
    order = {name: position for position, name in enumerate(_certificate_types())}

    def key(problem: Problem) -> tuple[int, int, str]:
        head, _, rest = problem.path.partition(".")
        name, _, index = head.partition("[")
        number = int(index.rstrip("]")) if index.rstrip("]").isdigit() else -1
        return order.get(name, -1), number, rest

    return sorted(problems, key=key)


def _header_problems(header: _Fields, prefix: str) -> list[Problem]:
    """Country codes outside boxes 5-10: the parties' countries, transit countries, referenced certificates.

    ``header`` maps a certificate's fields to their values (a field that could not be read is left out).
    These are read in any letter case (``"sg"`` is Singapore: the rules compare them case-blind); the
    exporting and importing Parties, which decide the scheme's rules, must be written as ISO writes them.
    """
    problems: list[Problem] = []
    for field in ("exporter", "consignee", "producer", "third_country_invoicer"):
        _check_party(header.get(field), prefix + field, problems)
    transport = header.get("transport")
    if transport is not None:
        for index, country in enumerate(transport.transit_countries):
            if not _country_any_case(country):
                problems.append(_country_problem(country, f"{prefix}transport.transit_countries[{index}]"))
    for field in ("original_certificate", "replaces"):
        reference = header.get(field)
        if reference is not None and reference.exporting_party is not None and not _country_any_case(reference.exporting_party):
            problems.append(_country_problem(reference.exporting_party, f"{prefix}{field}.exporting_party"))
    return problems


def _clean_header(co: Certificate) -> bool:
    """Whether :func:`_header_problems` finds nothing in ``co``: the same tests, read straight from its fields."""
    for party in (co.exporter, co.consignee, co.producer, co.third_country_invoicer):
        if party is not None and party.country is not None and not _country_any_case(party.country):
            return False
    if co.transport is not None and not all(map(_country_any_case, co.transport.transit_countries)):
        return False
    for reference in (co.original_certificate, co.replaces):
        if reference is not None and reference.exporting_party is not None and not _country_any_case(reference.exporting_party):
            return False
    return True


def _country_any_case(code: str) -> bool:
    return len(code) == 2 and is_country(code.upper())


def _items_problem(data: object, limits: Limits, path: str = "items") -> Problem | None:
    """A problem naming the limit when the parsed certificate ``data`` lists more items than it allows."""
    items = data.get("items") if data.__class__ is dict or isinstance(data, Mapping) else None
    if isinstance(items, (list, tuple)) and len(items) > limits.max_items:
        return Problem(path, f"{len(items)} items: the limit is {limits.max_items}")
    return None


def load_certificate(data: object, limits: Limits = DEFAULT_LIMITS) -> Certificate:
    """``data`` (parsed JSON) as a :class:`Certificate`, or :class:`InvalidCertificate`."""
    too_many = _items_problem(data, limits)
    if too_many is not None:
        raise InvalidCertificate([too_many])
    try:
        co = structure(data, Certificate, InvalidCertificate, limits)
    except InvalidCertificate as error:
        if not isinstance(data, Mapping) or len(error.problems) == 1 and error.problems[0].path == "$":
            raise  # not an object, or nested too deeply: nothing else can be read
        listed = {problem.path for problem in error.problems}
        more = [problem for problem in _readable_parts_problems(data, limits) if problem.path not in listed]
        if not more:
            raise
        raise InvalidCertificate(_in_document_order([*error.problems, *more]), error.omitted) from None
    problems = check_certificate(co)
    if problems:
        raise InvalidCertificate(problems)
    return co


def check_context(ctx: Context) -> list[Problem]:
    """What the types of a structured context cannot say, for :func:`roo.load_context`.

    Its related certificates and e-CO data copy are checked as certificates are, its amounts and codes by
    :func:`context_problems`, its parameter overrides by :func:`roo.params.check_overrides`.
    """
    problems: list[Problem] = []
    for index, related in enumerate(ctx.related_certificates):
        problems.extend(check_certificate(related, f"related_certificates[{index}]."))
    if ctx.eco_data_copy is not None:
        problems.extend(check_certificate(ctx.eco_data_copy, "eco_data_copy."))
    problems.extend(context_problems(ctx))
    problems.extend(check_overrides(ctx.parameters))
    return problems


_RATE_KEY: Final = re.compile(r"([A-Z]{3})/([A-Z]{3})")


def context_problems(ctx: Context) -> list[Problem]:
    """What the types of a context cannot say: its amounts are above zero, its codes are ISO codes.

    A customs value of -1 or an exchange rate of 0 is no fact of an import: read as one, it would put the
    consignment under the low-value waiver. Used by :func:`check_context`.
    """
    problems: list[Problem] = []
    for field in ("customs_value", "exporting_value"):
        money = getattr(ctx, field)
        if money is not None and not is_currency(money.currency):
            problems.append(_currency_problem(money.currency, f"{field}.currency"))
        _positive(money, f"{field}.amount", "a value", problems)
    for pair, rate in ctx.exchange_rates.items():
        where = f"exchange_rates[{_show(pair)}]"
        codes = _RATE_KEY.fullmatch(pair)
        if codes is None:
            problems.append(Problem(where, "a rate is keyed 'SOURCE/TARGET', e.g. 'USD/JPY'"))
        else:
            problems.extend(
                _currency_problem(code, where) for code in codes.groups() if not is_currency(code)
            )
        if rate <= 0:
            problems.append(Problem(where, f"an exchange rate must be above zero, got {rate}"))
    if ctx.declaration is not None:
        for index, line in enumerate(ctx.declaration.items):
            _positive(line.quantity, f"declaration.items[{index}].quantity.value", "a quantity", problems, zero=True)
    if ctx.consignment is not None:
        for index, stop in enumerate(ctx.consignment.transit):
            if not is_country(stop.country):
                problems.append(_country_problem(stop.country, f"consignment.transit[{index}].country"))
    for index, drawdown in enumerate(ctx.eco_drawdowns):
        _positive(drawdown.quantity, f"eco_drawdowns[{index}].quantity.value", "a quantity", problems, zero=True)
    for index, document in enumerate(ctx.accumulation_documents):
        if document.exporting_party is not None and not is_country(document.exporting_party):
            problems.append(_country_problem(document.exporting_party, f"accumulation_documents[{index}].exporting_party"))
    return problems
