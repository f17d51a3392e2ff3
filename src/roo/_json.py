"""JSON text to parsed JSON, the way every roo reader parses it (internal).

Numbers with a fraction or an exponent become ``Decimal`` (never a binary
float, so ``"52000.10"`` and ``52000.10`` mean the same amount), and the
non-standard constants ``NaN``, ``Infinity`` and ``-Infinity`` that Python's
``json`` would accept are refused. An object that gives a key twice is
refused (``"signed": false, "signed": true`` would otherwise read as signed),
and so is a document larger than :class:`Limits` allow or nested deeper than
the parser can follow. (Nesting within what the parser follows is limited by
the loaders: a document that does not load is checked against
``Limits.max_depth`` before its problems are listed, so the list never
recurses; one that loads has the bounded shape of its model.)
A UTF-8 byte order mark at the start of a document is skipped, whether the
document comes as bytes, as text, as a file or as a line of a stream: it
carries no meaning, and editors on Windows write it.

One decoder is built at import and shared: it holds no state between calls.
"""

from __future__ import annotations

import json
import os
import re
import reprlib
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, final

import attrs

from .errors import Problem

#: The byte order mark, as text.
BOM: Final = "\ufeff"


@final
@attrs.frozen
class Limits:
    """How large a document roo reads; anything larger is an input error that names the limit.

    The defaults are generous: a certificate of 100,000 items fits easily. Lower them for a service that
    accepts documents from anyone.
    """

    #: The largest document, in characters of text (bytes of UTF-8, for ASCII).
    max_document: int = 256 * 1024 * 1024
    #: The longest line of a JSON Lines stream, in bytes.
    max_line: int = 64 * 1024 * 1024
    #: The most items a certificate lists (and elements any one array of a document holds).
    max_items: int = 1_000_000
    #: The deepest nesting of arrays and objects (a certificate needs 4 levels, a case 6).
    max_depth: int = 100


#: The limits every reader applies unless told otherwise.
DEFAULT_LIMITS: Final = Limits()


class JsonTextError(ValueError):
    """Text that is not a JSON document; ``problem`` says where and why."""

    def __init__(self, what: str, problem: Problem) -> None:
        self.what = what
        self.problem = problem
        super().__init__(f"{what}: {problem}")


class _DuplicateKey(ValueError):
    """Raised by the decoder's object hook for a key given twice (located in a second pass)."""


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's pairs as a dict; a key given twice raises (its path is found afterwards)."""
    built = dict(pairs)
    if len(built) != len(pairs):
        raise _DuplicateKey
    return built


class _Repeated(dict[str, Any]):
    """An object with a repeated key, as the locating pass builds it: ``repeated`` names the keys."""

    repeated: tuple[str, ...] = ()


def _marking(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    built = dict(pairs)
    if len(built) == len(pairs):
        return built
    marked = _Repeated(built)
    seen: set[str] = set()
    marked.repeated = tuple(dict.fromkeys(key for key, _ in pairs if key in seen or seen.add(key)))  # type: ignore[func-returns-value]
    return marked


_DECODER: Final = json.JSONDecoder(parse_float=Decimal, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)
_LOCATING_DECODER: Final = json.JSONDecoder(parse_float=Decimal, parse_constant=_refuse_constant, object_pairs_hook=_marking)
#: The decoder without the pairs hook (all in C), for :func:`decode_counted`: a key given twice reads as its
#: last value, so its caller must count the keys it reads.
_PLAIN_DECODER: Final = json.JSONDecoder(parse_float=Decimal, parse_constant=_refuse_constant)
#: A key written with space before its colon (``"name" : 1``), as text and as bytes.
_LOOSE_KEY: Final = re.compile(r'"[ \t\n\r]+:')
_LOOSE_KEY_BYTES: Final = re.compile(rb'"[ \t\n\r]+:')


def step(path: str, key: str | int) -> str:
    """The JSON path one key or index below ``path`` (``$`` is the root): ``items[0].fob_value``."""
    if isinstance(key, int):
        return f"{'' if path == '$' else path}[{key}]"
    if key.isidentifier() and key.isascii():
        return key if path == "$" else f"{path}.{key}"
    return f"{'' if path == '$' else path}[{show(key)}]"


def _short_repr() -> reprlib.Repr:
    """A ``repr`` that never recurses deeper than two levels nor echoes more than a few elements."""
    short = reprlib.Repr()
    short.maxlevel = 2
    short.maxstring = short.maxother = 60
    return short


_SHORT_REPR: Final = _short_repr()


def show(value: object, limit: int = 60) -> str:
    """``value`` as a short printable echo: its ``repr`` (which escapes every control character), cut at ``limit``."""
    if isinstance(value, str):
        text = repr(value[: limit + 1])
    elif isinstance(value, (int, float, Decimal, bool)) or value is None:
        text = repr(value)
    else:
        text = _SHORT_REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _repeated_keys(data: Any) -> list[Problem]:
    problems: list[Problem] = []
    stack: list[tuple[Any, str]] = [(data, "$")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            if isinstance(value, _Repeated):
                problems.extend(
                    Problem(step(path, key), "this key is given more than once in its object") for key in value.repeated
                )
            stack.extend((child, step(path, key)) for key, child in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((child, step(path, index)) for index, child in reversed(list(enumerate(value))))
    return problems


def depth_problem(data: Any, limits: Limits, path: str = "$") -> Problem | None:
    """A problem naming the limit if ``data`` nests deeper than ``limits.max_depth`` or holds a longer array.

    Walks containers only, without recursion, so it is safe on any parsed value.
    """
    stack: list[tuple[Any, int, str]] = [(data, 1, path)]
    while stack:
        value, depth, where = stack.pop()
        children: Any
        if value.__class__ is dict or isinstance(value, dict):
            children = value.items()
        elif value.__class__ is list or isinstance(value, (list, tuple)):
            if len(value) > limits.max_items:
                return Problem(where, f"an array of {len(value)} elements: the limit is {limits.max_items}")
            children = enumerate(value)
        else:
            continue
        if depth > limits.max_depth:
            return Problem(where, f"nested too deeply: more than {limits.max_depth} levels (the limit)")
        for key, child in children:
            kind = child.__class__
            if kind is dict or kind is list or isinstance(child, (dict, list, tuple)):
                stack.append((child, depth + 1, step(where, key)))
    return None


def decode(text: str | bytes | bytearray, *, lines: bool = True, limits: Limits = DEFAULT_LIMITS) -> Any:
    """The parsed JSON of ``text`` (bytes: UTF-8, -16 or -32, as ``json.loads`` detects them).

    ``lines=False`` leaves the line number out of a syntax error's position
    (for one-line documents, JSON Lines).

    Raises:
        JsonTextError: the bytes are not text, the text is not one JSON document, it repeats a key in an
            object, or it passes one of ``limits``.
    """
    if len(text) > limits.max_document:
        raise JsonTextError(
            "too large", Problem("$", f"a document of {len(text)} characters: the limit is {limits.max_document}")
        )
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode(json.detect_encoding(text))
        except UnicodeDecodeError as error:
            raise JsonTextError("unreadable", Problem("$", f"not UTF-8 text ({error.reason} at byte {error.start})")) from None
    if text.startswith(BOM):
        text = text[1:]
    try:
        data = _DECODER.decode(text)
    except _DuplicateKey:
        try:
            located = _LOCATING_DECODER.decode(text)
        except (ValueError, RecursionError) as error:  # a fault after the repeated key: the text is no JSON at all
            raise _text_error(error, lines, limits) from None
        raise JsonTextError("not valid JSON", _repeated_keys(located)[0]) from None
    except (ValueError, RecursionError) as error:
        raise _text_error(error, lines, limits) from None
    return data


def decode_counted(text: str | bytes | bytearray, limits: Limits = DEFAULT_LIMITS) -> tuple[Any, str] | None:
    """The parsed JSON of ``text`` as :func:`decode` parses it, but without refusing a repeated key, with the
    text it parsed; None for anything :func:`decode` would refuse or any doubt (the caller then calls it).

    A key given twice reads as its last value here: the caller must count the keys of every object it reads
    and check them with :func:`keys_once` against the text returned, and read ``text`` with :func:`decode`
    if they do not match. Checking by counting costs a fraction of the pairs hook :func:`decode` runs in
    Python for every object.
    """
    if len(text) > limits.max_document:
        return None
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode(json.detect_encoding(text))
        except UnicodeDecodeError:
            return None
    if text.startswith(BOM):
        text = text[1:]
    try:
        return _PLAIN_DECODER.decode(text), text
    except (ValueError, RecursionError):
        return None


def keys_once(text: str | bytes, keys: int, inner: bytes = b"") -> bool:
    """Whether the JSON document ``text``, whose objects hold ``keys`` keys in all once parsed, gives no key twice.

    Every key of the text has its own colon after it, so the colons are at least the keys of the text, and
    those at least the keys parsed (a repeated key is kept once): equal counts leave no room for a repeat.
    A colon within a string breaks the equality; the ``":`` pairs then count the keys, when no key has
    space before its colon (a string can end in ``":`` too, which only makes the count larger). False
    means "not known", never "repeated". The colons and ``":`` pairs of ``inner``, a part of ``text`` whose
    keys are counted apart (an object parsed on its own), are left out of both counts.
    """
    if isinstance(text, str):
        if text.count(":") == keys + inner.count(b":"):
            return True
        return text.count('":') == keys + inner.count(b'":') and _LOOSE_KEY.search(text) is None
    if text.count(b":") == keys + inner.count(b":"):
        return True
    return text.count(b'":') == keys + inner.count(b'":') and _LOOSE_KEY_BYTES.search(text) is None


def count_keys(value: Any) -> int:
    """The keys of every object in the parsed JSON ``value``, however deep (a repeated key counts once, as the
    parser kept it): what :func:`keys_once` compares with the text for a part read by no counting function."""
    keys = 0
    stack = [value]
    while stack:
        value = stack.pop()
        if value.__class__ is dict:
            keys += len(value)
            stack.extend(value.values())
        elif value.__class__ is list:
            stack.extend(value)
    return keys


def plain(text: str | bytes) -> bool:
    """Whether every string of the JSON document ``text`` is printable ASCII: text that is ASCII, without DEL and
    without a backslash (no escape can write another character). The decoder refuses a raw control character
    in a string, and the rest of ASCII is printable. ``str.isascii`` is free (a ``str`` knows its widest
    character); the two searches are memory scans."""
    if isinstance(text, str):
        return text.isascii() and "\\" not in text and "\x7f" not in text
    return text.isascii() and b"\\" not in text and b"\x7f" not in text


def _text_error(error: ValueError | RecursionError, lines: bool, limits: Limits) -> JsonTextError:
    """The error of text the decoder refused with ``error``."""
    if isinstance(error, json.JSONDecodeError):
        where = f"line {error.lineno} column {error.colno}" if lines else f"column {error.colno}"
        return JsonTextError("not valid JSON", Problem("$", f"{where}: {error.msg}"))
    if isinstance(error, RecursionError):
        return JsonTextError(
            "too deeply nested", Problem("$", f"nested too deeply: more than {limits.max_depth} levels (the limit)")
        )
    return JsonTextError("not valid JSON", Problem("$", str(error)))


def table_document(source: object, error: Callable[[list[Problem]], Exception]) -> object:
    """The parsed JSON of a caller-supplied table: parsed data as given, a path to a file, or an open file.

    Numbers are read as exact decimals. Text that is not JSON raises ``error`` with one problem at ``$``;
    anything else that is not a table is returned as it is, for the converter to refuse with its path.
    """
    if isinstance(source, Mapping):
        return source
    text: str | bytes
    if isinstance(source, (str, os.PathLike)):
        with open(source, encoding="utf-8") as handle:
            text = handle.read()
    elif hasattr(source, "read"):
        text = source.read()
    else:
        return source
    try:
        return json.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, UnicodeDecodeError) as problem:
        raise error([Problem("$", f"not JSON: {problem}")]) from None

