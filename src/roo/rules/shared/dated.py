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

from datetime import date
from typing import Any

from ...context import Context
from ...params import ParameterNotInForce


def parameter_from_first(ctx: Context, name: str, on: date) -> tuple[Any, date]:
    """The value of ``name`` in force on ``on``, or its first value when ``on`` is earlier; and the date read.

    Raises:
        roo.params.ParameterNotInForce: the parameter has ended, or an override switched it off.
        roo.params.UnknownParameter: no data file defines ``name``.
    """
    try:
        return ctx.parameter(name, on), on
    except ParameterNotInForce as early:
        if early.first_effective is None or early.first_effective <= on:
            raise
        return ctx.parameter(name, early.first_effective), early.first_effective
