"""The decimal contexts origin arithmetic runs in, whatever the caller's (internal).

A caller may set its thread's decimal context to anything (``prec=3``, other
traps). Origin verdicts must not depend on it, so :func:`roo.determine` and
the box 8 reading run every operation in these contexts of their own.
"""

from __future__ import annotations

import decimal
from decimal import Decimal, localcontext
from typing import Final


def _context(precision: int) -> decimal.Context:
    """A context with ``precision`` significant digits, half-even rounding, the widest exponents and the
    traps that make an invalid operation, a division by zero or an overflow an error."""
    return decimal.Context(
        prec=precision,
        rounding=decimal.ROUND_HALF_EVEN,
        Emin=decimal.MIN_EMIN,
        Emax=decimal.MAX_EMAX,
        capitals=1,
        clamp=0,
        flags=[],
        traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
    )


#: The decimal context every determination runs in, whatever the caller's: sums, differences, products and
#: comparisons of the values a good can carry are exact (no digit limit), so a caller's ``prec`` or traps
#: cannot change a verdict. Division, which may not terminate, is done only for display, in :data:`SHARE`.
EXACT: Final = _context(decimal.MAX_PREC)

#: The context of a displayed share: 60 significant digits before it is rounded to two decimals.
SHARE: Final = _context(60)


def plain(number: Decimal) -> str:
    """A threshold or share as people write it, without exponent or trailing zeros: ``40``, ``52.5``.

    >>> plain(Decimal("40.00")), plain(Decimal("52.50")), plain(Decimal("1E+2"))
    ('40', '52.5', '100')
    """
    with localcontext(EXACT):
        return format(number.normalize(), "f")
