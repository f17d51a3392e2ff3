"""Partial use of one e-CO across several import declarations.

Japan's NACCS registers, for each e-CO item, the quantity each import
declaration draws on it. A JIEPA CO serves a single importation (Art 41(6)),
so together the declarations of that importation may not draw more than an
item's certified quantity. This module is that ledger as a pure computation:
given the e-CO and the draw-downs registered so far, what remains per item,
and which new draw-downs would exceed it.

Each draw-down names its declaration by number and, where known, its date.
The new draw-downs passed to :func:`check_drawdowns` are the lines of one
declaration, the *present* one. Of the earlier draw-downs, one of the present
declaration itself (same number) is not counted again, and one dated after
the present declaration is not counted against it: it came later. A
draw-down without a date is counted, since it is listed as earlier.

Quantities are compared by what their units mean, not by their spelling
(:mod:`roo.eco.units`: UN/ECE Recommendation 20 codes and a table of
equivalents): NACCS's ``NO`` and a CO's ``PCS`` are the same count, and
kilograms compare with tonnes. A draw-down whose unit measures something
else, or that roo does not know, is reported, not guessed.

Messages name no declaration: its number is a fact of the finding
(``declaration``), so every language renders the same template.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Final, final

import attrs

from .._exact import exact
from ..context import Drawdown
from ..evaluation import Finding, Severity
from ..model.certificate import Certificate, Item, Scheme
from ..model.money import Quantity
from ..rule_kit import FindingSpec
from . import units

RULE: Final = "JIEPA/ART/41"  # paragraph 6 (single importation); art41_validity cites 41(6) for its own note

QUANTITY_EXCEEDED = FindingSpec(
    "eco-quantity-exceeded",
    RULE,
    Severity.ERROR,
    "The declaration draws {requested} {requested_unit} on this item, but only {remaining} {unit} of the {certified} {unit} "
    "certified remain after the declarations before it.",
)
UNIT_MISMATCH = FindingSpec(
    "eco-drawdown-unit-mismatch",
    RULE,
    Severity.WARNING,
    "A declaration draws a quantity in {unit}, which does not measure what the {certified_unit} of the e-CO item "
    "measure (or is a unit roo does not know); the remaining quantity cannot be checked.",
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
    "The declaration draws on item {item_number}, which the e-CO does not have.",
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


def _counts(drawdown: Drawdown, present: str | None, declared_on: date | None) -> bool:
    """Whether an earlier ``drawdown`` counts against the present declaration."""
    if present is not None and drawdown.declaration == present:
        return False  # the present declaration's own registration: not an earlier one
    return declared_on is None or drawdown.declared_on is None or drawdown.declared_on <= declared_on


@final
@attrs.frozen
class _Drawn:
    """One item's certified quantity and what counts against it, in the base unit of what it measures."""

    certified: Quantity | None
    measures: str
    certified_base: Decimal
    used_base: Decimal
    unmatched: tuple[Drawdown, ...]

    def in_certified_unit(self, base: Decimal) -> Decimal:
        """``base`` in the unit the item is certified in (exact unless that unit is not a power of ten of the base)."""
        if self.certified is None or not self.certified.value or self.certified_base == self.certified.value:
            return base
        return base * self.certified.value / self.certified_base


def _drawn(
    items: Iterable[Item], earlier: Iterable[Drawdown], present: str | None, declared_on: date | None
) -> dict[int, _Drawn]:
    items = tuple(items)
    counted: dict[int, list[Drawdown]] = {item.number: [] for item in items}
    for drawdown in earlier:
        if drawdown.item in counted and _counts(drawdown, present, declared_on):
            counted[drawdown.item].append(drawdown)
    out: dict[int, _Drawn] = {}
    for item in items:
        certified = item.quantity
        if certified is None:
            out[item.number] = _Drawn(None, "", Decimal(0), Decimal(0), tuple(counted[item.number]))
            continue
        measures, certified_base = units.measure(certified.value, certified.unit)
        used_base = Decimal(0)
        unmatched: list[Drawdown] = []
        for drawdown in counted[item.number]:
            kind, amount = units.measure(drawdown.quantity.value, drawdown.quantity.unit)
            if kind == measures:
                used_base += amount
            else:
                unmatched.append(drawdown)
        out[item.number] = _Drawn(certified, measures, certified_base, used_base, tuple(unmatched))
    return out


@exact
def balances(
    eco: Certificate,
    earlier: Iterable[Drawdown],
    *,
    present: str | None = None,
    declared_on: date | None = None,
) -> tuple[ItemBalance, ...]:
    """What each item of ``eco`` has left, for declaration ``present`` of ``declared_on``, after ``earlier`` ones.

    Without ``present`` and ``declared_on`` every earlier draw-down counts. Used
    and remaining quantities are in the unit the item is certified in.
    """
    out = []
    for number, drawn in _drawn(eco.items, earlier, present, declared_on).items():
        if drawn.certified is None:
            out.append(ItemBalance(number, None, Decimal(0), None, drawn.unmatched))
            continue
        used = drawn.in_certified_unit(drawn.used_base)
        remaining = None if drawn.unmatched else drawn.in_certified_unit(drawn.certified_base - drawn.used_base)
        out.append(ItemBalance(number, drawn.certified, used, remaining, drawn.unmatched))
    return tuple(out)


@exact
def check_drawdowns(eco: Certificate, earlier: Iterable[Drawdown], new: Sequence[Drawdown]) -> tuple[Finding, ...]:
    """Findings for ``new`` draw-downs, the lines of one declaration, that exceed what remains of their items.

    The present declaration is the one the first new draw-down names, with its
    date. Lines on the same item add up, in order. Findings cite JIEPA Art
    41 (its paragraph 6: a single importation); partial use of one CO is what JIEPA's exchange with NACCS
    registers, so ``eco`` must be a JIEPA certificate (``ValueError``
    otherwise: roo knows no such rule in another instrument).
    """
    if eco.scheme is not Scheme.JIEPA:
        raise ValueError(f"partial use of one CO is checked under JIEPA Art 41(6); this is a {eco.scheme.value} CO")
    return _check(eco.items, earlier, new)


def check_item_drawdowns(item: Item, earlier: Iterable[Drawdown], new: Sequence[Drawdown]) -> tuple[Finding, ...]:
    """:func:`check_drawdowns` for the ``new`` draw-downs on one item of a JIEPA CO (cost: that item's only)."""
    return _check((item,), earlier, new)


def _check(items: Iterable[Item], earlier: Iterable[Drawdown], new: Sequence[Drawdown]) -> tuple[Finding, ...]:
    present = (new[0].declaration or None) if new else None
    declared_on = new[0].declared_on if new else None
    by_item = _drawn(items, earlier, present, declared_on)
    left_base: dict[int, Decimal | None] = {}
    findings: list[Finding] = []
    for drawdown in new:
        named: dict[str, Any] = {"declaration": drawdown.declaration} if drawdown.declaration else {}
        drawn = by_item.get(drawdown.item)
        if drawn is None:
            # Reported against the (absent) item number: it must never deny the CO's real items.
            findings.append(UNKNOWN_ITEM(drawdown.item, item_number=drawdown.item, **named))
            continue
        certified = drawn.certified
        if certified is None:
            findings.append(NO_CERTIFIED_QUANTITY(drawdown.item, **named))
            continue
        kind, requested_base = units.measure(drawdown.quantity.value, drawdown.quantity.unit)
        if kind != drawn.measures or drawn.unmatched:
            other = drawdown.quantity.unit if kind != drawn.measures else drawn.unmatched[0].quantity.unit
            findings.append(UNIT_MISMATCH(drawdown.item, unit=other, certified_unit=certified.unit, **named))
            left_base[drawdown.item] = None
            continue
        left = left_base.get(drawdown.item, drawn.certified_base - drawn.used_base)
        if left is None:
            continue
        if requested_base > left:
            findings.append(
                QUANTITY_EXCEEDED(
                    drawdown.item,
                    requested=drawdown.quantity.value,
                    requested_unit=drawdown.quantity.unit,
                    remaining=drawn.in_certified_unit(left),
                    certified=certified.value,
                    unit=certified.unit,
                    **named,
                )
            )
        left_base[drawdown.item] = left - requested_base
    return tuple(findings)
