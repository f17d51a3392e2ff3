"""The value objects and exceptions of the parameter store (internal; use ``roo.params``)."""

from __future__ import annotations

import bisect
import operator
from datetime import date
from decimal import Decimal
from typing import Final, Literal, final

import attrs

from ..errors import InvalidParameterOverride as InvalidParameterOverride
from ..errors import ParameterError as ParameterError
from ..errors import ParameterNotInForce as ParameterNotInForce
from ..errors import Problem
from ..errors import UnknownParameter as UnknownParameter
from ..model.money import Money

#: The types a parameter can declare. ``days`` and ``months`` are integers that count a period.
ParameterType = Literal["int", "decimal", "money", "date", "string", "bool", "days", "months"]

#: Every declared type, in the order the documentation lists them.
PARAMETER_TYPES: Final[tuple[ParameterType, ...]] = ("int", "decimal", "money", "date", "string", "bool", "days", "months")

#: The Python value a parameter holds on a given day.
Value = Decimal | int | str | bool | date | Money


#: A single override value as JSON gives it in a context (read as the parameter's declared type).
ScalarOverride = Decimal | int | str | bool | date | None


@final
@attrs.frozen
class DatedOverride:
    """One value of a dated override: ``value`` applies from ``effective_from`` until the next entry."""

    effective_from: date
    value: ScalarOverride


#: A parameter override in ``Context.parameters``: one value for every date, or values by date.
ParameterValue = ScalarOverride | tuple[DatedOverride, ...]


def override_problem(name: str, message: str, value: object) -> InvalidParameterOverride:
    """The exception for one bad override, with its path in the context JSON."""
    return InvalidParameterOverride((Problem(f"parameters[{name!r}]", message, value),))


@final
@attrs.frozen
class DatedValue:
    """The value a parameter takes from ``effective_from`` until the next value (``None``: the parameter ended).

    ``reference`` is the citation for this value (the parameter's own
    citation when the data gives none); ``verified`` is false when roo's legal
    source for it is unconfirmed.
    """

    effective_from: date
    value: Value | None
    reference: str
    verified: bool = True
    note: str | None = None

    @property
    def ends(self) -> bool:
        """Whether this entry ends the parameter rather than giving it a value."""
        return self.value is None


#: The date an entry takes effect (the key :meth:`Parameter.entry_on` bisects on).
_EFFECTIVE_FROM: Final = operator.attrgetter("effective_from")


@final
@attrs.frozen
class Parameter:
    """A named, typed, cited value that changes over time, e.g. the AJCEP waiver amount for Japan.

    ``values`` are in strictly ascending ``effective_from`` order; the value
    in force on a day is the latest one that took effect on or before it.
    """

    name: str
    description: str
    type: ParameterType
    unit: str | None
    reference: str
    verified: bool
    values: tuple[DatedValue, ...]
    note: str | None = None
    file: str = ""

    def entry_on(self, on: date) -> DatedValue:
        """The entry in force on ``on``.

        Raises:
            ParameterNotInForce: ``on`` is before the first value, or the entry
                in force ends the parameter.
        """
        index = bisect.bisect_right(self.values, on, key=_EFFECTIVE_FROM) - 1
        if index < 0:
            raise ParameterNotInForce(self.name, on, first_effective=self.values[0].effective_from)
        entry = self.values[index]
        if entry.ends:
            raise ParameterNotInForce(self.name, on, ended_on=entry.effective_from)
        return entry

    def value_on(self, on: date) -> Value:
        """The value in force on ``on`` (see :meth:`entry_on` for the errors)."""
        value = self.entry_on(on).value
        assert value is not None  # entry_on never returns an ending entry
        return value
