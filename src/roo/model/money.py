"""Money and quantities: ``Decimal`` amounts that always carry their currency or unit."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import final

import attrs


@final
@attrs.frozen
class Money:
    """An amount of money in an ISO 4217 currency, e.g. ``Money(Decimal("52000.00"), "USD")``."""

    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


@final
@attrs.frozen
class Quantity:
    """A quantity with its unit as printed on the CO (UN/ECE Rec. 20 codes such as ``KGM`` preferred)."""

    value: Decimal
    unit: str

    def __str__(self) -> str:
        return f"{self.value} {self.unit}"


def require_positive(instance: object, attribute: attrs.Attribute[Money | None], value: Money | None) -> None:
    """attrs validator of a value the form means to be above zero (a customs value): else an input error.

    A customs value of -1 or 0 is no fact of an import; taken as one, it would put the consignment under
    the low-value waiver. Raises :class:`roo.InvalidContext` with the field's path, from JSON or from Python.
    """
    if value is not None and isinstance(value, Money) and not value.amount > 0:
        from ..errors import InvalidContext, Problem

        raise InvalidContext([Problem(f"{attribute.name}.amount", f"a value must be above zero, got {value.amount}")])


def require_positive_rates(rates: Mapping[str, Decimal]) -> Mapping[str, Decimal]:
    """``rates`` if every exchange rate is above zero; else :class:`roo.InvalidContext` naming each other one."""
    bad = [(pair, rate) for pair, rate in rates.items() if isinstance(rate, Decimal) and not rate > 0]
    if bad:
        from .._json import show
        from ..errors import InvalidContext, Problem

        raise InvalidContext(
            [Problem(f"exchange_rates[{show(pair)}]", f"an exchange rate must be above zero, got {rate}") for pair, rate in bad]
        )
    return rates
