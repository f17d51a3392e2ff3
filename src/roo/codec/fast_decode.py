"""Certificates read from JSON text by msgspec's typed decoder, when the ``fast`` extra is installed (internal).

``pip install roo-origin[fast]`` adds msgspec. Text entry points (:func:`roo.loads`, :func:`roo.load_case`
given text, ``roo evaluate``, ``--jsonl``) then try this reader first; without msgspec it is absent and
they read as before. It never decides anything on its own: it reads a document only when that document is
one the standard path accepts, and gives the same objects the standard path gives. On any problem at all
it returns ``None`` and the caller reads the text the standard way, so that every error, its JSON path and
its wording are the same with and without the extra.

How it reads: msgspec decodes the text into typed structures that mirror the certificate's classes field
by field, built from those classes when the first text is read. msgspec checks in C what the converter
checks in Python: the JSON types (a string is a string, ``1`` is no boolean), required fields, unknown
keys, enum values and ``YYYY-MM-DD`` dates. What msgspec does not check, or checks differently, is done
here as the converter does it, with the converter's own functions: amounts (a JSON number arrives as the
exact ``Decimal`` of its text, a string as text, and both go through roo's decimal reader, which refuses
``"1_57"`` and full-width digits that Python's ``Decimal`` would take), text that is no text (control
characters, lone surrogates), box 8, the certificate's own checks (ISO codes, item numbers, amounts) and
the item limit. A key given twice, which msgspec would read as its last value, is detected by counting:
every key of the document is followed by a colon, so a document whose colons are as many as the keys read
(or whose ``":`` pairs are, when no key has space before its colon) repeats none.

Two things make the conversion cheaper without changing what it gives. A document that is ASCII, without a
backslash and without DEL holds printable ASCII in every string (JSON holds no raw control character in a
string, and only an escape could write another character), so it is converted by a second generated
function that tests no string for control characters or lone surrogates; any other document is converted
testing every string. And each object is built as an instance of a subclass that takes plain attribute
stores and is then given its class (see :func:`roo.codec.fast_path.builder_of`): the same object the slot setters would build,
for a fraction of their calls.

A case's context is not mirrored: msgspec hands over its text, which the standard parser reads (and checks),
and the caller reads the parsed context as it reads any.
"""

from __future__ import annotations

import enum
import functools
import importlib
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final, get_args, get_origin

import attrs

from .._json import BOM, DEFAULT_LIMITS, Limits, decode, keys_once, plain
from ..model.certificate import Certificate
from ..model.criterion import OriginCriterion
from .checks import FIELD_TEST_NAMES, FIELD_TESTS, check_certificate, numbered_once
from .fast_path import _EXACT, FastStructure, builder_of, decimal_lines, suspect_lines
from .hooks import parse_criterion, structure_decimal, text_problem

#: The msgspec module, imported with the reader on first use (``import roo`` does not pay for it).
msgspec: Any = None

_BYTE_ORDER_MARK: Final = BOM.encode("utf-8")


class _Unsupported(TypeError):
    """A field type the mirror does not handle: the class is then read the standard way only."""


class _Refused(ValueError):
    """A value the standard path would refuse or read otherwise: the document goes to it."""


def _refuse() -> typing.NoReturn:
    raise _Refused


def _optional_inner(kind: Any) -> Any | None:
    """``X`` for ``X | None``, else None."""
    if get_origin(kind) in (typing.Union, types.UnionType):
        args = get_args(kind)
        if len(args) == 2 and type(None) in args:
            return next(arg for arg in args if arg is not type(None))
    return None


class _Mirror:
    """The typed msgspec structures of one attrs class and its fields' classes, and the function that turns a
    decoded structure into the attrs object the converter would build.

    The function is generated as source once, as the converter's fast path is (see :mod:`roo.codec.fast_path`),
    with every nested class written inline. It also counts the keys it read, for the check of repeated keys,
    and tells whether a ``watched`` field failed its test: a mapping of (class, field name) to a Python
    expression of ``{value}``, the field's converted value, that is true when the value needs a closer look.
    """

    def __init__(
        self, root: type[Any], watched: Mapping[tuple[type[Any], str], str], names: Mapping[str, Any]
    ) -> None:
        self.watched = watched
        self.structs: dict[type[Any], Any] = {}
        self.building: set[type[Any]] = set()
        self.namespace: dict[str, Any] = {
            "UNSET": msgspec.UNSET,
            "new": object.__new__,
            "refuse": _refuse,
            "text_problem": text_problem,
            "parse_criterion": parse_criterion,
            "exact_decimal": _EXACT.create_decimal,
            "read_decimal": structure_decimal,
            "Decimal": Decimal,
            **names,
        }
        self.counter = 0
        self.plain = False
        self.struct = self.struct_of(root)
        self.convert = self.generate(root, plain=False)
        self.convert_plain = self.generate(root, plain=True)

    def generate(self, root: type[Any], *, plain: bool) -> Callable[[Any], tuple[Any, int, bool]]:
        """The conversion of ``root``'s structure. ``plain``: for a document whose every string is known to be
        printable ASCII (see :func:`roo._json.plain`), which therefore tests no string for text that is no text."""
        self.plain = plain
        name = "convert_plain" if plain else "convert"
        body = self.body(root, "s", "    ")
        lines = [f"def {name}(s):", "    keys = 0", "    suspect = False", *body, "    return s, keys, suspect"]
        code = compile("\n".join(lines), f"<roo fast decode {root.__qualname__}{' plain' if plain else ''}>", "exec")
        exec(code, self.namespace)  # noqa: S102 - our own generated source, built from field names and types
        function: Callable[[Any], tuple[Any, int, bool]] = self.namespace[name]
        return function

    def spec(self, kind: Any) -> Any:
        """The msgspec type that decodes a JSON value of roo's field type ``kind``."""
        inner = _optional_inner(kind)
        if inner is not None:
            return self.spec(inner) | None
        if kind in (str, int, bool, date):
            return kind
        if kind is Decimal:
            return Any  # a number as the Decimal of its text (float_hook), a string as text: roo reads both
        if kind is OriginCriterion:
            return str
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return kind
        if get_origin(kind) is tuple:
            args = get_args(kind)
            if len(args) == 2 and args[1] is Ellipsis:
                return tuple[self.spec(args[0]), ...]  # type: ignore[misc]
        if isinstance(kind, type) and attrs.has(kind):
            return self.struct_of(kind)
        raise _Unsupported(kind)

    def struct_of(self, cls: type[Any]) -> Any:
        if cls in self.structs:
            return self.structs[cls]
        if cls in self.building or not FastStructure.settable(cls):
            raise _Unsupported(cls)
        self.building.add(cls)
        hints = typing.get_type_hints(cls)
        fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        for field in attrs.fields(cls):
            kind = self.spec(hints[field.name])
            if field.default is attrs.NOTHING:
                fields.append((field.name, kind))
            else:  # absent is told from given: an absent key is not counted, and gets the attrs default
                fields.append((field.name, kind if kind is Any else kind | msgspec.UnsetType, msgspec.UNSET))
        self.building.discard(cls)
        struct = msgspec.defstruct(
            f"{cls.__name__}Json", fields, kw_only=True, forbid_unknown_fields=True, gc=False, module=__name__
        )
        self.structs[cls] = struct
        return struct

    def name(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}{self.counter}"

    def body(self, cls: type[Any], var: str, indent: str, *, counted: bool = False) -> list[str]:
        """Lines that turn the structure in ``var`` into an instance of ``cls``, left in ``var``.

        Its keys are counted as all of its fields, less one for each field left out (the rarer case);
        ``counted``: the caller has already added all of them (for every element of an array at once).
        """
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        lines = [] if counted else [f"{indent}keys += {len(fields)}"]
        names: list[str] = []
        for field in fields:
            value = self.name("v")
            names.append(value)
            lines.append(f"{indent}{value} = {var}.{field.name}")
            watch = self.watch(cls, field.name, value, hints[field.name])
            if field.default is attrs.NOTHING:
                lines.extend(self.convert_value(value, hints[field.name], indent))
                lines.extend(f"{indent}{line}" for line in watch)
                continue
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                self.namespace[f"{value}_factory"] = field.default.factory
                default = f"{value}_factory()"
            else:
                self.namespace[f"{value}_default"] = field.default
                default = f"{value}_default"
            lines.append(f"{indent}if {value} is UNSET:")
            lines.append(f"{indent}    {value} = {default}")
            lines.append(f"{indent}    keys -= 1")
            converted = self.convert_value(value, hints[field.name], indent + "    ")
            converted.extend(f"{indent}    {line}" for line in watch)  # an absent field's default is never suspect
            if converted:
                lines.append(f"{indent}else:")
                lines.extend(converted)
        # The slots set as __init__ would set them (the class is settable: no validators nor converters).
        made = self.name("cls")
        self.namespace[made] = cls
        builder = builder_of(cls)
        if builder is not None:
            self.namespace[f"{made}_builder"] = builder
            lines.append(f"{indent}{var} = {made}_builder()")
            lines.extend(f"{indent}{var}.{field.name} = {value}" for field, value in zip(fields, names, strict=True))
            lines.append(f"{indent}{var}.__class__ = {made}")
            return lines
        lines.append(f"{indent}{var} = new({made})")
        for field, value in zip(fields, names, strict=True):
            self.namespace[f"{value}_set"] = cls.__dict__[field.name].__set__
            lines.append(f"{indent}{value}_set({var}, {value})")
        return lines

    def watch(self, cls: type[Any], name: str, var: str, kind: Any) -> list[str]:
        """Lines that test the converted value ``var`` of ``cls``'s field ``name`` if it is watched (a null one
        is not tested), and mark the certificate suspect if it fails."""
        test = self.watched.get((cls, name))
        if test is None:
            return []
        return suspect_lines(test, var, optional=_optional_inner(kind) is not None)

    def convert_value(self, var: str, kind: Any, indent: str) -> list[str]:
        """Lines that check the decoded ``var`` as the converter would and turn it into roo's value of ``kind``."""
        inner = _optional_inner(kind)
        if inner is not None:
            converted = self.convert_value(var, inner, indent + "    ")
            return [f"{indent}if {var} is not None:", *converted] if converted else []
        # A string of a plain document is printable ASCII: it holds no control character nor lone surrogate.
        text_check = [] if self.plain else [
            f"{indent}if not {var}.isprintable() and text_problem({var}) is not None:",
            f"{indent}    refuse()",
        ]
        if kind is str:
            return text_check
        if kind is OriginCriterion:
            return [*text_check, f"{indent}{var} = parse_criterion({var})"]
        if kind is Decimal:
            # The converter's fast reading, then its hook (which raises for what roo refuses).
            return decimal_lines(var, indent, f"read_decimal({var}, Decimal)", ascii_text=self.plain)
        if get_origin(kind) is tuple:
            element = f"{var}_e"
            element_kind = get_args(kind)[0]
            if attrs.has(element_kind):
                out = f"{var}_out"
                return [
                    f"{indent}keys += {len(attrs.fields(element_kind))} * len({var})",
                    f"{indent}{out} = []",
                    f"{indent}for {element} in {var}:",
                    *self.body(element_kind, element, indent + "    ", counted=True),
                    f"{indent}    {out}.append({element})",
                    f"{indent}{var} = tuple({out})",
                ]
            # Checked in place (text): msgspec already gives the tuple.
            converted = self.convert_value(element, element_kind, indent + "    ")
            return [f"{indent}for {element} in {var}:", *converted] if converted else []
        if isinstance(kind, type) and attrs.has(kind):
            return self.body(kind, var, indent)
        return []  # int, bool, date and enums: msgspec gives exactly what the converter would


@typing.final
@attrs.frozen
class Decoded:
    """A document the reader read: its certificate, whether it is a case, and the case's context as parsed JSON
    (read by the standard parser; None when the case has none, or the document is a bare certificate)."""

    certificate: Certificate
    is_case: bool
    context: Any = None


@typing.final
class _Reader:
    """The decoders of a certificate and of a case, with the conversion of their certificate."""

    def __init__(self) -> None:
        # check_certificate's tests, made field by field as the certificate is built.
        self.certificate = _Mirror(Certificate, FIELD_TESTS, FIELD_TEST_NAMES)
        self.certificate_decoder = msgspec.json.Decoder(self.certificate.struct, float_hook=Decimal)
        case = msgspec.defstruct(
            "CaseJson",
            [("certificate", self.certificate.struct), ("context", msgspec.Raw | msgspec.UnsetType, msgspec.UNSET)],
            kw_only=True,
            forbid_unknown_fields=True,
            gc=False,
            module=__name__,
        )
        self.case_decoder = msgspec.json.Decoder(case, float_hook=Decimal)

    def read(self, text: str | bytes | bytearray, limits: Limits) -> Decoded:
        """The certificate of ``text`` and whether ``text`` is a case; raises for anything else."""
        text = _prepared(text, limits)
        try:
            certificate = self.certificate_decoder.decode(text)
        except msgspec.ValidationError:
            return self.read_case(text, limits)
        return Decoded(self.convert(text, certificate, limits, 0, b""), is_case=False)

    def read_certificate(self, text: str | bytes | bytearray, limits: Limits) -> Certificate:
        """The certificate of ``text``; raises for anything else (a case too)."""
        text = _prepared(text, limits)
        return self.convert(text, self.certificate_decoder.decode(text), limits, 0, b"")

    def read_case(self, text: str | bytes, limits: Limits) -> Decoded:
        decoded: Any = self.case_decoder.decode(text)
        raw = b"" if decoded.context is msgspec.UNSET else bytes(decoded.context)
        # The context is parsed, and so checked, by the standard parser: its keys are its own to count.
        context = decode(raw, lines=False, limits=limits) if raw else None
        co = self.convert(text, decoded.certificate, limits, 1 + bool(raw), raw)
        return Decoded(co, is_case=True, context=context)

    def convert(self, text: str | bytes, decoded: Any, limits: Limits, keys: int, inner: bytes) -> Certificate:
        """The certificate of its ``decoded`` structure, checked; ``keys`` were read outside the certificate, and
        ``inner`` is a part of ``text`` whose keys the standard parser has counted."""
        if len(decoded.items) > limits.max_items:
            _refuse()
        co, read, suspect = (self.certificate.convert_plain if plain(text) else self.certificate.convert)(decoded)
        if not keys_once(text, keys + read, inner):
            _refuse()
        if (suspect or not numbered_once(co)) and check_certificate(co):
            _refuse()
        result: Certificate = co
        return result


def _prepared(text: str | bytes | bytearray, limits: Limits) -> str | bytes:
    """``text`` without its byte order mark, as bytes if it was binary; raises if it is longer than the limit."""
    if len(text) > limits.max_document:
        _refuse()
    if isinstance(text, str):
        return text[1:] if text.startswith(BOM) else text
    text = bytes(text)
    return text[len(_BYTE_ORDER_MARK) :] if text.startswith(_BYTE_ORDER_MARK) else text


#: Whether JSON text is read with msgspec when it is installed. Tests and benchmarks turn it off to read
#: the standard way, as without the extra; nothing in roo changes it.
ENABLED = True


@functools.cache
def _reader() -> _Reader | None:
    """The reader, built on first use; None when msgspec is not installed."""
    global msgspec
    try:
        msgspec = importlib.import_module("msgspec")
    except ImportError:  # the extra is not installed: every text is read the standard way
        return None
    return _Reader()


def available() -> bool:
    """Whether the ``fast`` extra (msgspec) is installed."""
    return _reader() is not None


def read_certificate(text: str | bytes | bytearray, limits: Limits = DEFAULT_LIMITS) -> Certificate | None:
    """The certificate of JSON ``text`` read by msgspec, or None: read ``text`` the standard way."""
    reader = _reader() if ENABLED else None
    if reader is None:
        return None
    try:
        return reader.read_certificate(text, limits)
    except Exception:  # noqa: BLE001 - any problem at all: the standard path reads it and names it
        return None


def read_case(text: str | bytes | bytearray, limits: Limits = DEFAULT_LIMITS) -> Decoded | None:
    """JSON ``text`` (a certificate, or a case) read by msgspec, or None: read ``text`` the standard way."""
    reader = _reader() if ENABLED else None
    if reader is None:
        return None
    try:
        return reader.read(text, limits)
    except Exception:  # noqa: BLE001 - any problem at all: the standard path reads it and names it
        return None
