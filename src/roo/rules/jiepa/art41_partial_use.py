"""JIEPA Art 41(6): one CO, the quantities it certifies, drawn on by several import declarations.

A JIEPA CO applies to a single importation of the goods it lists (Art 41(6)).
When that importation is declared in parts — Japan's NACCS registers the
portion of each e-CO item each declaration uses — the parts together may not
exceed what the CO certifies for the item. roo checks the present
declaration's lines (``context.declaration``) against what the earlier
declarations drew (``context.eco_drawdowns``), item by item, with the ledger
of :mod:`roo.eco.ledger`:

* the present declaration is known by its number and date
  (``declaration.number``, ``declaration.declared_on``); a draw-down that
  names the same number is its own registration and is not counted again,
  and one dated after it came later and does not count against it;
* units are compared by what they mean (UN/ECE Recommendation 20 and a table
  of equivalents, :mod:`roo.eco.units`): NACCS's ``NO`` and a CO's ``PCS``
  are the same count.

A line under an item number the CO does not have draws on nothing the CO
certifies: it is an error reported against that absent number
(``eco-drawdown-unknown-item``, as the ledger reports it), so it denies the
line's claim and none of the CO's own items. A line that would exceed its
item's remaining quantity denies that item only.
When the remaining quantity cannot be computed (the e-CO item shows no
quantity, or a quantity is in a unit that does not measure what the item's
does), the warning says so and the check is not evaluated, naming the fact
that would let it be made: no grant rests on a comparison roo could not make.
Whether the Operational Procedures let one CO serve several declarations, and
how, roo has not read; the draw-downs are NACCS's registration, given by the
caller.

Source: JIEPA Agreement Art 41(6) (a CO applies to a single importation); Japan Customs' NACCS registration of
the portion of an e-CO each declaration uses.
"""

from __future__ import annotations

from typing import Final

from ...context import Context, Drawdown
from ...eco import ledger
from ...evaluation import Finding, Outcome, Severity
from ...model.certificate import Certificate, Item
from ...rule_kit import (
    NOT_APPLICABLE,
    WITHOUT_DECLARATION,
    CertificateRule,
    ItemRule,
    Result,
    judged,
    not_evaluated,
    without_declaration,
)
from ..shared.declaration import lines_under_absent_items


def check_declared_items(co: Certificate, ctx: Context) -> Result:
    """Every line of the present declaration draws on an item the CO has.

    A line under an absent item is reported against that item number: it can deny none of the CO's own items.
    """
    declaration = ctx.declaration
    if declaration is None:
        return WITHOUT_DECLARATION
    if not declaration.items:
        return NOT_APPLICABLE
    named = {"declaration": declaration.number} if declaration.number else {}
    return judged(
        *(
            ledger.UNKNOWN_ITEM(number, item_number=number, **named)
            for number in lines_under_absent_items(declaration, co)
        )
    )


def check_partial_use(item: Item, co: Certificate, ctx: Context) -> Result:
    """The present declaration draws no more than what remains of the item."""
    declaration = ctx.declaration
    if declaration is None:
        return not_evaluated("context.declaration")
    number = declaration.number or ""
    new = [
        Drawdown(number, item.number, line.quantity, declaration.declared_on)
        for line in declaration.for_item(item.number)
        if line.quantity is not None
    ]
    if not new:
        return NOT_APPLICABLE
    findings = ledger.check_item_drawdowns(item, _by_item(ctx.eco_drawdowns).get(item.number, ()), new)
    needed = _not_comparable(findings, new)
    if needed and not any(finding.severity is Severity.ERROR for finding in findings):
        # The remaining quantity could not be computed: the warnings say why, and no grant rests on the check.
        return Result(Outcome.NOT_EVALUATED, findings, needed)
    return judged(*findings)


def _not_comparable(findings: tuple[Finding, ...], new: list[Drawdown]) -> tuple[str, ...]:
    """The facts that would let the ledger compare quantities it could not: the item's, or a comparable unit."""
    needed: dict[str, None] = {}
    declared_units = {drawdown.quantity.unit for drawdown in new}
    for finding in findings:
        if finding.code == ledger.NO_CERTIFIED_QUANTITY.code:
            needed["certificate.items.quantity"] = None
        elif finding.code == ledger.UNIT_MISMATCH.code:
            unit = finding.facts.get("unit")
            where = "context.declaration.items.quantity" if unit in declared_units else "context.eco_drawdowns.quantity"
            needed[where] = None
    return tuple(needed)


#: The last context's draw-downs grouped by item: each item looks up its own, so cost stays linear in items
#: and draw-downs. Keyed by the identity of the tuple it holds; one entry, so bounded.
_grouped: list[tuple[tuple[Drawdown, ...], dict[int, list[Drawdown]]]] = []


def _by_item(drawdowns: tuple[Drawdown, ...]) -> dict[int, list[Drawdown]]:
    last = _grouped[0] if _grouped else None
    if last is not None and last[0] is drawdowns:
        return last[1]
    grouped: dict[int, list[Drawdown]] = {}
    for drawdown in drawdowns:
        grouped.setdefault(drawdown.item, []).append(drawdown)
    _grouped[:] = [(drawdowns, grouped)]
    return grouped


CERTIFICATE_RULES: Final = (
    CertificateRule(
        ledger.RULE,
        "each declaration line draws on an item the CO has",
        check_declared_items,
        (ledger.UNKNOWN_ITEM,),
        ("context.declaration",),
    ),
)

#: The item rules (this module's certificate rule runs with the other certificate rules).
RULES: Final = (
    ItemRule(
        ledger.RULE,
        "declared quantity within what the CO item has left",
        check_partial_use,
        (ledger.QUANTITY_EXCEEDED, ledger.UNIT_MISMATCH, ledger.NO_CERTIFIED_QUANTITY),
        ("context.declaration", "context.eco_drawdowns"),
        precheck=without_declaration,
    ),
)
