"""JIEPA Art 41: one CO, the quantities it certifies, drawn on by several import declarations.

A JIEPA CO certifies the origin of the goods it lists for a single
importation. When that importation is declared in parts — Japan's NACCS
registers the portion of each e-CO item each declaration uses — the parts
together may not exceed what the CO certifies for the item. roo checks the
present declaration's lines (``context.declaration``) against what the
earlier declarations already drew (``context.eco_drawdowns``), item by item,
with the ledger of :mod:`roo.eco.ledger`. A line that would exceed its item's
remaining quantity denies that item only.

Source: JIEPA Agreement Art 41 (a CO serves a single importation); Japan Customs'
NACCS registration of the portion of an e-CO each declaration uses.
"""

from __future__ import annotations

from typing import Final

from roo.context import Context, Drawdown
from roo.eco import ledger
from roo.model.certificate import Certificate, Item
from roo.rules.base import NOT_APPLICABLE, ItemRule, Result, judged, not_evaluated, without_declaration

PRESENT_DECLARATION: Final = "this declaration"


def check_partial_use(item: Item, co: Certificate, ctx: Context) -> Result:
    """The present declaration draws no more than what remains of the item."""
    if ctx.declaration is None:
        return not_evaluated("context.declaration")
    lines = [line for line in ctx.declaration.for_item(item.number) if line.quantity is not None]
    if not lines:
        return NOT_APPLICABLE
    new = [Drawdown(PRESENT_DECLARATION, item.number, line.quantity) for line in lines if line.quantity is not None]
    earlier = [d for d in ctx.eco_drawdowns if d.item == item.number]
    return judged(*ledger.check_drawdowns(co, earlier, new))


RULES: Final = (
    ItemRule(
        ledger.RULE,
        "declared quantity within what the CO item has left",
        check_partial_use,
        (ledger.QUANTITY_EXCEEDED, ledger.UNIT_MISMATCH, ledger.NO_CERTIFIED_QUANTITY, ledger.UNKNOWN_ITEM),
        ("context.declaration", "context.eco_drawdowns"),
        precheck=without_declaration,
    ),
)
