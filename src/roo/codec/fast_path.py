"""The fast path's code generator (internal to :mod:`roo.codec`): one specialised structure function per class.

``roo.load`` first structures a document with the converter this generator serves (``roo.codec.FAST``); only
when that fails does the detailed converter run to list every problem with its path. Whatever the generated
code accepts, the detailed converter accepts too, as the same value (``tests/test_codec_fast_path.py``).
"""

from __future__ import annotations

import decimal
import enum
import keyword
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, get_args

import attrs

from ..model.criterion import OriginCriterion
from .hooks import DECIMAL_RANGE, is_tuple, is_union, not_an_object, parse_criterion, unknown_fields

if TYPE_CHECKING:
    import cattrs

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


def decimal_lines(var: str, indent: str, fallback: str, *, ascii_text: bool = False) -> list[str]:
    """Generated lines that read ``var`` as an exact Decimal through :data:`_EXACT` (``exact_decimal`` in the
    namespace), and through ``fallback`` (the hook's reading, which refuses what roo refuses) for anything else:
    text that is not ASCII, a trapped value, NaN or an infinity. ``ascii_text``: every string ``var`` can hold
    is known to be ASCII (the caller has checked its whole document), so none is tested again."""
    number = f"{var}_number"
    text = f"{var}.__class__ is str" if ascii_text else f"({var}.__class__ is str and {var}.isascii())"
    return [
        f"{indent}if {text} or {var}.__class__ is int or {var}.__class__ is Decimal:",
        f"{indent}    try:",
        f"{indent}        {number} = exact_decimal({var})",
        f"{indent}    except ArithmeticError:",
        f"{indent}        {number} = {fallback}",
        f"{indent}    if not {number}.is_finite():",
        f"{indent}        {number} = {fallback}",
        f"{indent}    {var} = {number}",
        f"{indent}else:",
        f"{indent}    {var} = {fallback}",
    ]


def suspect_lines(test: str, var: str, *, optional: bool, indent: str = "") -> list[str]:
    """Generated lines that mark the certificate ``suspect`` when ``var`` fails ``test``, a watched field's test
    of ``{value}`` (:data:`roo.codec.checks.FIELD_TESTS`); an ``optional`` field's null is not tested."""
    test = test.format(value=var)
    if optional:
        test = f"{var} is not None and ({test})"
    return [f"{indent}if {test}:", f"{indent}    suspect = True"]


def _namespace() -> dict[str, Any]:
    """The names every generated structure function calls, in a fresh namespace for one function."""
    return {
        "Mapping": Mapping,
        "MISSING": _MISSING,
        "new": object.__new__,
        "not_an_object": not_an_object,
        "unknown_fields": unknown_fields,
    }


def builder_of(cls: type[Any]) -> type[Any] | None:
    """A subclass of the settable ``cls`` whose instances take plain attribute stores, or None.

    An instance of it gets its slots by plain stores, which the interpreter specialises to a fraction of a
    call of each slot's ``__set__`` (a frozen class's own ``__setattr__`` and ``__delattr__`` are replaced by
    ``object``'s, both, or Python keeps its slow path), and then becomes an instance of ``cls`` by assignment
    to ``__class__``, which Python allows between classes of one layout: the object is the one the slot
    setters build. Only for a class whose subclassing runs no code (plain ``type``, no ``__init_subclass__``)
    and whose fields are plain names; otherwise None, and the setters are used.
    """
    if type(cls) is not type or any("__init_subclass__" in vars(base) for base in cls.__mro__[:-1]):
        return None
    if not all(field.name.isidentifier() and not keyword.iskeyword(field.name) for field in attrs.fields(cls)):
        return None
    builder: type[Any] = type(
        f"{cls.__name__}Builder",
        (cls,),
        {
            "__slots__": (),
            "__init__": object.__init__,  # called bare, to make an empty instance (cheaper than object.__new__)
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__module__": __name__,
        },
    )
    try:
        probe: Any = builder()
        probe.__class__ = cls
    except TypeError:  # pragma: no cover - a layout Python will not convert: the slots are set one by one
        return None
    return builder


class FastStructure:
    """Generates the fast path's structure function of each attrs class, once, as specialised source.

    For every field the common case (an exact ``str``, ``int``, ``bool``; a
    decimal or date string; a known enum value; ``None`` for an optional
    field) is tested inline, and anything else goes to the converter's own hook
    for that type, which accepts or refuses exactly as the detailed converter
    does. Nested attrs classes (``Item.quantity``, ``Item.invoice``) and the
    loop over an array (``Certificate.items``) are written inline into their
    parent's function; a dict that has every field is read by plain
    subscripts. Classes with neither validators nor converters get their slots
    set directly rather than through ``__init__``: by plain stores into an
    instance of a subclass that is then given the class (:func:`builder_of`),
    else by each slot's setter; the result is the same value ``__init__`` would
    build (docs/architecture.md has the figures).
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
        #: The classes being written inline into a counting function (see :meth:`counting`).
        self.inlining: set[type[Any]] = set()
        self.counters: dict[tuple[type[Any], bool, bool], Callable[[object], tuple[Any, int, bool]]] = {}
        #: While a counting function for plain documents is written: every string is known to be printable
        #: ASCII, so none is tested (see :meth:`counting`).
        self.printable_known = False
        #: While a counting function is written: the tests of :meth:`counting`'s ``watched``, by (class, field).
        self.watched: Mapping[tuple[type[Any], str], str] = {}

    def __call__(self, cls: type[Any]) -> Callable[[object, object], Any]:
        """The structure function of ``cls`` (the converter calls this once per class and keeps it)."""
        if cls in self.building:  # reached again through a container field (tuple[Material, ...]): defer the lookup
            return lambda value, t: self.converter.get_structure_hook(cls)(value, t)
        if not self.eligible(cls):
            from cattrs.gen import make_dict_structure_fn  # imported by then: the converter calling this is cattrs'

            generated = make_dict_structure_fn(cls, self.converter, _cattrs_forbid_extra_keys=True)
            return lambda value, _: generated(value, cls) if isinstance(value, Mapping) else not_an_object(value)
        self.building.add(cls)
        # A class first met while a plain counting function is written gets the function for every document.
        printable_known, self.printable_known = self.printable_known, False
        try:
            namespace = _namespace()
            lines = ["def structure(d, _):", *self.body(cls, "d", "x", "    ", namespace, 0), "    return d"]
            source = "\n".join(lines)
            code = compile(source, f"<roo fast structure {cls.__module__}.{cls.__qualname__}>", "exec")
            exec(code, namespace)  # noqa: S102 - our own generated source, built from field names and types
        finally:
            self.building.discard(cls)
            self.printable_known = printable_known
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

    def body(
        self,
        cls: type[Any],
        var: str,
        prefix: str,
        indent: str,
        namespace: dict[str, Any],
        depth: int,
        *,
        counted: bool = False,
    ) -> list[str]:
        """Lines that read the mapping in ``var`` as ``cls`` and leave the instance in ``var``; ``counted``: they
        also add the mapping's keys to ``keys``."""
        fields = [f for f in attrs.fields(cls) if f.init]
        namespace[f"{prefix}cls"] = cls
        namespace[f"{prefix}keys"] = frozenset(f.name for f in fields)
        names = [f"{prefix}{index}" for index in range(len(fields))]
        # A dict with as many keys as there are fields either has every field (read by plain subscripts, and no
        # unknown key is possible) or an unknown key in place of a field, which the subscript refuses.
        lines = [f"{indent}if {var}.__class__ is dict and len({var}) == {len(fields)}:"]
        lines.extend(f"{indent}    {name} = {var}[{field.name!r}]" for field, name in zip(fields, names, strict=True))
        if counted:
            lines.append(f"{indent}    keys += {len(fields)}")
        lines.extend(
            [
                f"{indent}else:",
                f"{indent}    if {var}.__class__ is not dict and not isinstance({var}, Mapping):",
                f"{indent}        not_an_object({var})",
                *([f"{indent}    keys += len({var})"] if counted else []),
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
                lines.extend(self.convert(name, field.type, indent, namespace, depth, counted=counted))
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
                lines.extend(self.convert(name, field.type, indent + "    ", namespace, depth, counted=counted))
                continue
            # A present value of the exact type is the common case: one test, and the rarer cases after it.
            lines.append(f"{indent}if {inexact}:")
            lines.append(f"{indent}    if {name} is MISSING:")
            lines.append(f"{indent}        {name} = {default}")
            if is_union(field.type):
                lines.append(f"{indent}    elif {name} is not None:")
            else:
                lines.append(f"{indent}    else:")
            lines.append(f"{indent}        {name} = {name}_hook({name}, {name}_type)")
        if counted and self.watched:
            lines.extend(self.watch_lines(cls, fields, names, indent))
        builder = builder_of(cls) if self.settable(cls) else None
        if builder is not None:
            namespace[f"{prefix}builder"] = builder
            lines.append(f"{indent}{var} = {prefix}builder()")
            lines.extend(f"{indent}{var}.{field.name} = {name}" for field, name in zip(fields, names, strict=True))
            lines.append(f"{indent}{var}.__class__ = {prefix}cls")
        elif self.settable(cls):
            lines.append(f"{indent}{var} = new({prefix}cls)")
            for field, name in zip(fields, names, strict=True):
                namespace[f"{name}_set"] = cls.__dict__[field.name].__set__
                lines.append(f"{indent}{name}_set({var}, {name})")
        else:
            lines.append(f"{indent}{var} = {prefix}cls({', '.join(names)})")
        return lines

    def watch_lines(self, cls: type[Any], fields: list[Any], names: list[str], indent: str) -> list[str]:
        """Lines that mark the certificate ``suspect`` when a read field of ``cls`` fails its test in
        :attr:`watched` (a field left out holds its default, which passes every test; None is not tested)."""
        lines: list[str] = []
        for field, name in zip(fields, names, strict=True):
            test = self.watched.get((cls, field.name))
            if test is not None:
                lines.extend(suspect_lines(test, name, optional=is_union(field.type), indent=indent))
        return lines

    def inexact_test(self, var: str, cls: Any, namespace: dict[str, Any]) -> str | None:
        """For ``str``, ``int``, ``bool`` or one of them or ``None``: the test that ``var`` is not of that exact type.

        The names of the converter's hook and of the type are bound as :meth:`convert` binds them; any other
        type gives ``None``.
        """
        if is_union(cls) and type(None) in get_args(cls) and len(get_args(cls)) == 2:
            (cls,) = (arg for arg in get_args(cls) if arg is not type(None))
        if not (cls is str or cls is int or cls is bool):
            return None
        namespace[f"{var}_type"] = cls
        namespace[f"{var}_hook"] = self.converter.get_structure_hook(cls)
        if cls is bool:
            return f"{var} is not True and {var} is not False"
        if cls is str and self.printable_known:
            return f"{var}.__class__ is not {var}_type"
        if cls is str:  # printable text is the common case; the hook checks the rest (tabs, lone surrogates)
            return f"{var}.__class__ is not {var}_type or not {var}.isprintable()"
        return f"{var}.__class__ is not {var}_type"

    def convert(
        self, var: str, cls: Any, indent: str, namespace: dict[str, Any], depth: int, *, counted: bool = False
    ) -> list[str]:
        """Lines that turn ``var`` into a value of ``cls``, inline for the common cases; ``counted``: every class
        that can be is written inline, at any depth, and counts the keys it reads (see :meth:`counting`)."""
        if is_union(cls) and type(None) in get_args(cls) and len(get_args(cls)) == 2:
            (inner,) = (arg for arg in get_args(cls) if arg is not type(None))
            return [
                f"{indent}if {var} is not None:",
                *self.convert(var, inner, indent + "    ", namespace, depth, counted=counted),
            ]
        hook, kind = f"{var}_hook", f"{var}_type"
        namespace[kind] = cls
        if isinstance(cls, type) and cls in self.building:  # a class that contains itself: look it up when called
            namespace[hook] = lambda value, t: self.converter.get_structure_hook(t)(value, t)
            return [f"{indent}{var} = {hook}({var}, {kind})"]
        namespace[hook] = self.converter.get_structure_hook(cls)
        if cls is str:
            printable = "" if self.printable_known else f" or not {var}.isprintable()"
            return [
                f"{indent}if {var}.__class__ is not {kind}{printable}:",
                f"{indent}    {var} = {hook}({var}, {kind})",
            ]
        if cls is int:
            return [f"{indent}if {var}.__class__ is not {kind}:", f"{indent}    {var} = {hook}({var}, {kind})"]
        if cls is bool:
            return [f"{indent}if {var} is not True and {var} is not False:", f"{indent}    {var} = {hook}({var}, {kind})"]
        if cls is Decimal:
            namespace["exact_decimal"] = _EXACT.create_decimal
            namespace["Decimal"] = Decimal
            return decimal_lines(var, indent, f"{hook}({var}, {kind})", ascii_text=self.printable_known)
        if cls is date:
            # Ten characters with '-' at 4 and 7 are YYYY-MM-DD or nothing date.fromisoformat accepts, and it
            # reads ASCII digits only: what it accepts of them the hook's pattern admits (and cheaper to test).
            namespace["from_iso"] = date.fromisoformat
            return [
                f"{indent}{var} = from_iso({var}) if {var}.__class__ is str and len({var}) == 10 and {var}[4] == '-' "
                f"and {var}[7] == '-' else {hook}({var}, {kind})"
            ]
        if cls is OriginCriterion:
            namespace["parse_criterion"] = parse_criterion
            printable = "" if self.printable_known else f" and {var}.isprintable()"
            return [
                f"{indent}{var} = parse_criterion({var}) if {var}.__class__ is str{printable} else {hook}({var}, {kind})"
            ]
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            namespace[f"{var}_members"] = {member.value: member for member in cls.__members__.values()}
            return [
                f"{indent}{var}_member = {var}_members.get({var}, MISSING)",
                f"{indent}{var} = {var}_member if {var}_member is not MISSING else {hook}({var}, {kind})",
            ]
        if counted and attrs.has(cls) and cls not in self.inlining and self.eligible(cls) and self.generated(cls):
            self.inlining.add(cls)
            try:
                return self.body(cls, var, f"{var}_", indent, namespace, depth + 1, counted=True)
            finally:
                self.inlining.discard(cls)
        if attrs.has(cls) and depth < self.INLINE_DEPTH and self.eligible(cls) and self.generated(cls):
            return self.body(cls, var, f"{var}_", indent, namespace, depth + 1)
        if is_tuple(cls) and (get_args(cls) or (Any,))[0] is not Any:
            # The converter's tuple hook, written out for a JSON array: each element converted as a value of the
            # first argument's type (which is how the hook reads every tuple type). A class of the elements is
            # called rather than written out again: that would gain nothing measurable for a longer source.
            element, out = get_args(cls)[0], f"{var}_out"
            return [
                f"{indent}if {var}.__class__ is list:",
                f"{indent}    {out} = []",
                f"{indent}    for {var}_e in {var}:",
                *self.convert(f"{var}_e", element, indent + "        ", namespace, self.INLINE_DEPTH, counted=counted),
                f"{indent}        {out}.append({var}_e)",
                f"{indent}    {var} = tuple({out})",
                f"{indent}else:",
                f"{indent}    {var} = {hook}({var}, {kind})",
            ]
        return [f"{indent}{var} = {hook}({var}, {kind})"]

    def counting(
        self,
        cls: type[Any],
        *,
        plain: bool = False,
        watched: Mapping[tuple[type[Any], str], str] | None = None,
        watched_names: Mapping[str, Any] | None = None,
    ) -> Callable[[object], tuple[Any, int, bool]] | None:
        """A function that structures a mapping as ``cls`` as the converter's does, and also says how many keys
        the objects it read hold, in all, and whether a field failed its test in ``watched``; it raises what the
        converter's function raises.

        ``watched`` maps (class, field name) to a Python expression of the field's value ``{value}``, true when
        the value is suspect (:data:`roo.codec.checks.FIELD_TESTS`, with the functions it names in
        ``watched_names``); the same ``watched`` must be given on every call for one class.

        Every attrs class below ``cls`` that this generator handles is written inline, however deep, so that
        each object of a document is counted where it is read. An object read by any other hook (a class that
        contains itself, a class with a hook of its own, a free-form mapping) is not counted, so the count is
        never more than the keys of the objects read, and falls short whenever such an object is present:
        the caller compares it with the keys of the text (:func:`roo._json.keys_once`), and a count that
        falls short only sends it the standard way. None for a class the converter does not structure with
        this generator.

        ``plain``: the function for a document whose every string is known to be printable ASCII (text that is
        ASCII, without a backslash and without DEL, parsed by a strict JSON parser, which refuses a raw control
        character in a string), which tests no string for control characters or lone surrogates, and reads
        decimal text without testing it for ASCII.
        """
        made = self.counters.get((cls, plain, watched is not None))
        if made is not None:
            return made
        self.converter.get_structure_hook(cls)  # the classes below are generated (and so known) first
        if not (attrs.has(cls) and self.eligible(cls) and self.generated(cls)):
            return None
        namespace = {**_namespace(), **(watched_names or {})}
        self.inlining.add(cls)
        self.printable_known = plain
        self.watched = watched or {}
        try:
            body = self.body(cls, "d", "x", "    ", namespace, 0, counted=True)
        finally:
            self.inlining.discard(cls)
            self.printable_known = False
            self.watched = {}
        source = "\n".join(["def count_structure(d):", "    keys = 0", "    suspect = False", *body, "    return d, keys, suspect"])
        code = compile(source, f"<roo counting structure {cls.__module__}.{cls.__qualname__}{' plain' * plain}>", "exec")
        exec(code, namespace)  # noqa: S102 - our own generated source, built from field names and types
        function: Callable[[object], tuple[Any, int, bool]] = namespace["count_structure"]
        self.counters[cls, plain, watched is not None] = function
        return function

    def generated(self, cls: type[Any]) -> bool:
        """Whether the converter structures ``cls`` with this generator (and not with a hook of its own)."""
        return self.converter.get_structure_hook(cls) is self.made.get(cls)
