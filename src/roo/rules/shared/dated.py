"""Reading a dated parameter for a date before its first value, when the first value is the right answer.

Some parameters are facts that hold from the start: the date the Agreement
entered into force for a Party, the periods of IR 7 that the Implementing
Regulations set from the outset. A rule asking about an event before the data's
first entry (goods shipped before the Agreement's entry into force, which IR 15
still lets in with a retroactive CO) reads that first entry rather than finding
nothing. Parameters whose value changes with time (rates, amounts) are not read
this way.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from ... import params as _params
from ..._frozen import EMPTY
from ...context import Context
from ...params import ParameterNotInForce


def parameter_from_first(ctx: Context, name: str, on: date) -> tuple[Any, date]:
    """The value of ``name`` in force on ``on``, or its first value when ``on`` is earlier; and the date read.

    Raises:
        roo.params.ParameterNotInForce: the parameter has ended, or an override switched it off.
        roo.params.UnknownParameter: no data file defines ``name``.
    """
    overrides = ctx.parameters
    if overrides is EMPTY or not overrides:
        # Without an override the answer is ``roo.params.value``'s on the packaged data, which never change.
        return _packaged_from_first(_params.value, name, on)
    return _from_first(ctx.parameter, name, on)


@functools.lru_cache(maxsize=1024)
def _packaged_from_first(lookup: Callable[[str, date], Any], name: str, on: date) -> tuple[Any, date]:
    # Certificate after certificate asks for the same few parameters on the same dates (IR 7's periods and the
    # entry-into-force dates, on the shipment and issue dates): a pure function of its arguments on immutable
    # packaged values, so remembered. Keyed by the lookup itself (``roo.params.value``), so that a lookup
    # replaced in a test never sees another's values. A lookup that raises is not remembered.
    return _from_first(lookup, name, on)


def _from_first(lookup: Callable[[str, date], Any], name: str, on: date) -> tuple[Any, date]:
    """:func:`parameter_from_first` with ``lookup`` reading the value in force on a date."""
    try:
        return lookup(name, on), on
    except ParameterNotInForce as early:
        if early.first_effective is None or early.first_effective <= on:
            raise
        return lookup(name, early.first_effective), early.first_effective
