"""Money and quantities: ``Decimal`` amounts that always carry their currency or unit."""

from __future__ import annotations

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
