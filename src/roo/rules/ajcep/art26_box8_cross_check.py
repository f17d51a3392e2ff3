"""AJCEP Art 26: box 8 compared with the origin determined from the good's bill of materials.

When the importer or customs holds the bill of materials behind a CO item
(the context's ``goods``, linked to items by number), roo determines the
good's origin under Chapter 3 and compares it with the criterion box 8
claims. Materials that show the good does not originate deny the item; a
good that originates under a criterion other than the one printed, or whose
criterion needs a ``DMI`` or ``ACU`` the box omits, is a warning; a flag no
claimed criterion needs is noted. A determination that lacks facts never
denies. The product-specific rules are those of the context's
``product_rules`` table, if any (otherwise the general rule of Art 26.1);
parameters are read as in force on the good's date, or on the CO's issue
date when the good has none, with the context's overrides.

Source: AJCEP Agreement, Arts 24-29; notes to the AJCEP CO form, note 3.
"""

from __future__ import annotations

from typing import Final

import attrs

from ...context import Context
from ...evaluation import Finding
from ...model.certificate import Certificate, Item, Scheme
from ...origin import specs
from ...origin.model import ItemGood
from ...rule_kit import NOT_APPLICABLE, ItemRule, Result, judged
from ..shared.declaration import context_grouping

RULE: Final = "AJCEP/ART/26"


def goods_of(ctx: Context) -> tuple[ItemGood, ...]:
    """The context's bills of materials, linked to CO items by number."""
    return ctx.goods


#: The context's bills of materials by CO item number, grouped once per context (linear in items + goods).
_goods_for: Final = context_grouping(goods_of, lambda entry: entry.certificate_item)


def check_box8_against_materials(item: Item, co: Certificate, ctx: Context) -> Result:
    """Box 8 agrees with the origin determined from the item's bill of materials."""
    # An optional cross-check: it applies when the context carries bills of materials, and only to
    # the items they are linked to, so its absence is not reported on every evaluation.
    goods = goods_of(ctx)
    if not goods:
        return NOT_APPLICABLE
    mine = [entry.good for entry in _goods_for(ctx, item.number)]
    if not mine:
        return NOT_APPLICABLE
    if item.origin_criterion.problem is not None:
        return NOT_APPLICABLE
    # Here, not at import: the determination is loaded by the first certificate whose context has goods.
    from ...origin.crosscheck import cross_check

    psr = ctx.product_rules
    findings: list[Finding] = []
    for good in mine:
        dated = good if good.on is not None else attrs.evolve(good, on=co.issue_date)
        findings.extend(cross_check(item, dated, psr, certificate=co, parameters=ctx.parameters))
    return judged(*findings)


SPECS: Final = tuple(
    kind.spec(Scheme.AJCEP)
    for kind in (
        specs.BOX8_NOT_ORIGINATING,
        specs.BOX8_CRITERION_NOT_SUPPORTED,
        specs.BOX8_FLAG_MISSING,
        specs.BOX8_FLAG_UNNEEDED,
        specs.BOX8_NOT_DETERMINABLE,
        specs.BOX8_GOOD_DIFFERS,
    )
)

RULES: Final = (
    ItemRule(
        RULE,
        "box 8 agrees with the origin determined from the bill of materials",
        check_box8_against_materials,
        SPECS,
        needs=("context.goods",),
        precheck=lambda co, ctx: None if ctx.goods else NOT_APPLICABLE,
    ),
)
