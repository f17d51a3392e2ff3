"""Partial use of one e-CO across several import declarations.

Japan's NACCS registers, for each e-CO item, the quantity each import
declaration draws on it. The CO certifies the origin of the quantities it
shows for a single importation (JIEPA Art 41), so together the declarations
may not draw more than an item's certified quantity. This module is that
ledger as a pure computation: given the e-CO and the earlier drawdowns, what
remains per item, and which new drawdowns would exceed it.

Quantities are compared only in the same unit; roo never converts units, so a
drawdown in another unit is reported, not guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Final, final

import attrs

from roo.context import Drawdown
from roo.evaluation import Finding, Severity
from roo.model.certificate import Certificate
from roo.model.money import Quantity
from roo.rules.base import FindingSpec

RULE: Final = "JIEPA/ART/41"

QUANTITY_EXCEEDED = FindingSpec(
    "eco-quantity-exceeded",
    RULE,
    Severity.ERROR,
    "Declaration {declaration} draws {requested} {unit}, but only {remaining} {unit} of the {certified} {unit} "
    "certified remain after earlier declarations.",
)
UNIT_MISMATCH = FindingSpec(
    "eco-drawdown-unit-mismatch",
    RULE,
    Severity.WARNING,
    "Declaration {declaration} draws a quantity in {unit}, but the e-CO item is certified in {certified_unit}; "
    "the remaining quantity cannot be checked.",
)
NO_CERTIFIED_QUANTITY = FindingSpec(
    "eco-item-without-quantity",
    RULE,
    Severity.WARNING,
    "The e-CO item shows no quantity, so what declarations draw on it cannot be checked.",
)
UNKNOWN_ITEM = FindingSpec(
    "eco-drawdown-unknown-item",
    RULE,
    Severity.ERROR,
    "Declaration {declaration} draws on item {item_number}, which the e-CO does not have.",
)


@final
@attrs.frozen
class ItemBalance:
    """Certified, used and remaining quantity of one e-CO item (``remaining`` None when it cannot be known)."""

    item: int
    certified: Quantity | None
    used: Decimal
    remaining: Decimal | None
    unmatched: tuple[Drawdown, ...] = ()


def balances(eco: Certificate, earlier: Iterable[Drawdown]) -> tuple[ItemBalance, ...]:
    """What each item of ``eco`` has left after the ``earlier`` drawdowns."""
    drawn: dict[int, list[Drawdown]] = {item.number: [] for item in eco.items}
    for drawdown in earlier:
        if drawdown.item in drawn:
            drawn[drawdown.item].append(drawdown)
    out = []
    for item in eco.items:
        certified = item.quantity
        same_unit = [d for d in drawn[item.number] if certified is not None and d.quantity.unit == certified.unit]
        other_unit = tuple(d for d in drawn[item.number] if d not in same_unit)
        used = sum((d.quantity.value for d in same_unit), Decimal(0))
        remaining = certified.value - used if certified is not None and not other_unit else None
        out.append(ItemBalance(item.number, certified, used, remaining, other_unit))
    return tuple(out)


def check_drawdowns(eco: Certificate, earlier: Iterable[Drawdown], new: Iterable[Drawdown]) -> tuple[Finding, ...]:
    """Findings for ``new`` drawdowns that exceed what remains, per item, after ``earlier`` ones.

    New drawdowns are applied in order, so two lines of one declaration on the
    same item add up.
    """
    by_item = {b.item: b for b in balances(eco, earlier)}
    remaining = {number: balance.remaining for number, balance in by_item.items()}
    findings: list[Finding] = []
    for drawdown in new:
        balance = by_item.get(drawdown.item)
        if balance is None:
            # Reported against the (absent) item number: it must never deny the CO's real items.
            findings.append(UNKNOWN_ITEM(drawdown.item, declaration=drawdown.declaration, item_number=drawdown.item))
            continue
        certified = balance.certified
        if certified is None:
            findings.append(NO_CERTIFIED_QUANTITY(drawdown.item))
            continue
        if drawdown.quantity.unit != certified.unit or balance.unmatched:
            findings.append(
                UNIT_MISMATCH(
                    drawdown.item,
                    declaration=drawdown.declaration,
                    unit=drawdown.quantity.unit if drawdown.quantity.unit != certified.unit else balance.unmatched[0].quantity.unit,
                    certified_unit=certified.unit,
                )
            )
            remaining[drawdown.item] = None
            continue
        left = remaining[drawdown.item]
        if left is None:
            continue
        if drawdown.quantity.value > left:
            findings.append(
                QUANTITY_EXCEEDED(
                    drawdown.item,
                    declaration=drawdown.declaration,
                    requested=drawdown.quantity.value,
                    remaining=left,
                    certified=certified.value,
                    unit=certified.unit,
                )
            )
        remaining[drawdown.item] = left - drawdown.quantity.value
    return tuple(findings)
