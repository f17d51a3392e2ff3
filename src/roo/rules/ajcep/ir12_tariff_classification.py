"""AJCEP IR 12: HS subheading at six digits, description substantially identical to the invoice.

Each item shows the HS classification of the good at the six-digit
(subheading) level. Its description should be substantially identical to the
description on the invoice and, where possible, to the HS description. roo
compares the CO description with the description the importer declared for
the same item (the context's declaration, which follows the invoice): text
identical after normalising case and punctuation passes; text that is
substantially the same (see :func:`roo.text.similarity`) passes with an
``info`` note that the slight discrepancy is disregarded (IR 4(a)); text that
shares little passes no more and is an error on that item.

Source: AJCEP Implementing Regulations, Rule 12; notes to the AJCEP CO form, note 5.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from roo.context import Context
from roo.evaluation import Severity
from roo.model.certificate import Certificate, Item
from roo.model.hs import is_six_digit_subheading
from roo.rules.base import NOT_APPLICABLE, PASSED, FindingSpec, ItemRule, Result, failed, not_evaluated, passed
from roo.text import similarity

RULE: Final = "AJCEP/IR/12"

#: Below this similarity (0-1) a description is not "substantially identical".
SUBSTANTIALLY_IDENTICAL: Final = Decimal("0.6")

HS_NOT_SIX_DIGITS = FindingSpec(
    "hs-code-not-six-digits",
    RULE,
    Severity.ERROR,
    "HS code '{hs_code}' is not a six-digit subheading.",
)
DESCRIPTION_MISSING = FindingSpec(
    "description-missing",
    RULE,
    Severity.ERROR,
    "The CO gives no description of the good.",
)
DESCRIPTION_DIFFERS_SLIGHTLY = FindingSpec(
    "description-differs-slightly",
    "AJCEP/IR/4(a)",
    Severity.INFO,
    "Description '{certificate_description}' differs slightly from the declared '{declared_description}'; "
    "the discrepancy is disregarded.",
)
DESCRIPTION_NOT_IDENTICAL = FindingSpec(
    "description-not-substantially-identical",
    RULE,
    Severity.ERROR,
    "Description '{certificate_description}' is not substantially identical to the declared "
    "'{declared_description}'.",
)


def check_hs_code(item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's HS code is a six-digit subheading."""
    if is_six_digit_subheading(item.hs_code):
        return PASSED
    return failed(HS_NOT_SIX_DIGITS(item.number, hs_code=item.hs_code))


def check_description(item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's description is substantially identical to the declared one."""
    if not item.description.strip():
        return failed(DESCRIPTION_MISSING(item.number))
    if ctx.declaration is None:
        return not_evaluated("context.declaration")
    lines = ctx.declaration.for_item(item.number)
    declared = list(dict.fromkeys(line.description for line in lines if line.description and line.description.strip()))
    if not declared:
        if lines:
            return not_evaluated("context.declaration.items.description")
        return NOT_APPLICABLE if ctx.declaration.items else not_evaluated("context.declaration.items")
    findings = []
    for description in declared:
        score = similarity(item.description, description)
        facts = {"certificate_description": item.description, "declared_description": description}
        if score == 1.0:
            continue
        if Decimal(str(round(score, 4))) >= SUBSTANTIALLY_IDENTICAL:
            findings.append(DESCRIPTION_DIFFERS_SLIGHTLY(item.number, similarity=f"{score:.2f}", **facts))
        else:
            findings.append(DESCRIPTION_NOT_IDENTICAL(item.number, similarity=f"{score:.2f}", **facts))
    if any(f.denies for f in findings):
        return failed(*findings)
    return passed(*findings)


RULES: Final = (
    ItemRule(RULE, "HS subheading at six digits", check_hs_code, (HS_NOT_SIX_DIGITS,)),
    ItemRule(
        RULE,
        "description substantially identical to the invoice",
        check_description,
        (DESCRIPTION_MISSING, DESCRIPTION_DIFFERS_SLIGHTLY, DESCRIPTION_NOT_IDENTICAL),
        needs=("context.declaration",),
    ),
)
