"""Roo's own decimal context: every public entry point computes in it, whatever the caller's settings (internal).

Decimal arithmetic reads its precision, rounding and traps from the calling
thread's context. A caller who set ``decimal.getcontext().prec = 8`` (or a
thread started after someone changed ``decimal.DefaultContext``) would
otherwise get different sums, ratios and roundings, and so different
verdicts. :func:`exact` runs a function in a fresh copy of :data:`CONTEXT`
and restores the caller's context afterwards, so nothing leaks either way.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from typing import Final, ParamSpec, TypeVar

#: The context roo computes in: the standard library's documented defaults, written out (never read from
#: ``decimal.DefaultContext``, which a program may change): 28 significant digits, half-even rounding,
#: and the traps that turn an invalid operation, a division by zero and an overflow into errors.
CONTEXT: Final = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999999,
    Emax=999999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

P = ParamSpec("P")
R = TypeVar("R")


def exact(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run in roo's own decimal context (not for generators: their context would leak)."""

    # What ``with decimal.localcontext(CONTEXT)`` does (a fresh copy, set, then the caller's restored), without
    # its context-manager object: the entry points run once per certificate, and that object cost more than a
    # small certificate's whole decimal arithmetic.
    fresh = CONTEXT.copy

    @functools.wraps(function)
    def in_roo_context(*args: P.args, **kwargs: P.kwargs) -> R:
        caller = _getcontext()
        _setcontext(fresh())
        try:
            return function(*args, **kwargs)
        finally:
            _setcontext(caller)

    return in_roo_context


_getcontext: Final = decimal.getcontext
_setcontext: Final = decimal.setcontext
