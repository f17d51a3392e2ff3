"""Tamper evidence: a canonical form of a certificate and its SHA-256 digest.

Two certificates that mean the same thing have the same canonical form, and
any change of meaning changes it. The canonical form is the certificate's JSON
interchange form (``roo.dump``) with:

* object keys sorted, no insignificant whitespace, UTF-8, non-ASCII kept;
* numbers (amounts, quantities) written without exponent or trailing zeros
  (``"52000.00"`` and ``"52000"`` are the same amount);
* dates as ``YYYY-MM-DD``; text in Unicode NFC;
* every field present (``null`` when empty), so a removed field is a change.

The digest is the lowercase hex SHA-256 of those bytes. Only the standard
library is used; roo needs no crypto dependency.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from decimal import Decimal
from typing import Any, Final

from .. import codec
from .._exact import exact
from ..model.certificate import Certificate

#: Fields whose strings are decimal numbers in the interchange format.
_DECIMAL_KEYS: Final = frozenset({"amount", "value"})


@exact
def canonical(co: Certificate) -> bytes:
    """The canonical bytes of ``co``."""
    data = _normalise(codec.unstructure(co), None)
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@exact
def digest(co: Certificate) -> str:
    """SHA-256 (hex) of :func:`canonical`."""
    return hashlib.sha256(canonical(co)).hexdigest()


def _normalise(value: Any, key: str | None) -> Any:
    if isinstance(value, dict):
        return {k: _normalise(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v, None) for v in value]
    if isinstance(value, str):
        if key in _DECIMAL_KEYS:
            return _number(value)
        return unicodedata.normalize("NFC", value)
    return value


def _number(text: str) -> str:
    number = Decimal(text)
    if number == 0:
        return "0"
    normal = number.normalize()
    formatted = format(normal, "f")
    return formatted
