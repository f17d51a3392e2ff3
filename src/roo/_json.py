"""JSON text to parsed JSON, the way every roo reader parses it (internal).

Numbers with a fraction or an exponent become ``Decimal`` (never a binary
float, so ``"52000.10"`` and ``52000.10`` mean the same amount), and the
non-standard constants ``NaN``, ``Infinity`` and ``-Infinity`` that Python's
``json`` would accept are refused. One decoder is built at import and
shared: it holds no state between calls.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Final

from roo.errors import Problem


class JsonTextError(ValueError):
    """Text that is not a JSON document; ``problem`` says where and why (path ``$``)."""

    def __init__(self, what: str, problem: Problem) -> None:
        self.what = what
        self.problem = problem
        super().__init__(f"{what}: {problem}")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_DECODER: Final = json.JSONDecoder(parse_float=Decimal, parse_constant=_refuse_constant)


def decode(text: str | bytes | bytearray, *, lines: bool = True) -> Any:
    """The parsed JSON of ``text`` (bytes: UTF-8, -16 or -32, as ``json.loads`` detects them; a UTF-8 BOM is skipped).

    ``lines=False`` leaves the line number out of a syntax error's position
    (for one-line documents, JSON Lines).

    Raises:
        JsonTextError: the bytes are not text, or the text is not one JSON document.
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode(json.detect_encoding(text))
        except UnicodeDecodeError as error:
            raise JsonTextError("unreadable", Problem("$", f"not UTF-8 text ({error.reason} at byte {error.start})")) from None
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}" if lines else f"column {error.colno}"
        raise JsonTextError("not valid JSON", Problem("$", f"{where}: {error.msg}")) from None
    except ValueError as error:
        raise JsonTextError("not valid JSON", Problem("$", str(error))) from None
    except RecursionError:
        raise JsonTextError("not valid JSON", Problem("$", "nested too deeply")) from None
