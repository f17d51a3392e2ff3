"""JIEPA Art 41: the goods on the CO — HS subheading at six digits, description matching the declaration.

The CO's minimum data (Art 41(1), Annex 3) describe each good and give its HS
classification. roo checks them as it does for AJCEP (the checks are shared,
:mod:`roo.rules.shared.classification`): the HS code is a six-digit
subheading (national digits printed after it still show the subheading in
their first six, so they are noted and disregarded), and the description matches the description the importer
declares for the same item (the context's declaration, which follows the
invoice). Identical text passes; text substantially the same passes with an
``info`` note that the slight difference is disregarded; text that shares
little does not describe the goods declared, and that item is denied.

Source: JIEPA Agreement Art 41(1) (minimum data of Annex 3); Art 45(1) (denial where the importer fails a
requirement of the Chapter).
"""

from __future__ import annotations

from typing import Final

from roo.context import Context
from roo.evaluation import Severity
from roo.model.certificate import Certificate, Item
from roo.rules.ajcep import ir12_tariff_classification as ir12
from roo.rules.base import FindingSpec, ItemRule, Result
from roo.rules.shared import classification

RULE: Final = "JIEPA/ART/41(1)"

HS_NOT_SIX_DIGITS = FindingSpec("jiepa-hs-code-not-six-digits", RULE, Severity.ERROR, ir12.HS_NOT_SIX_DIGITS.template)
HS_NATIONAL_DIGITS = FindingSpec("jiepa-hs-code-national-digits", RULE, Severity.INFO, ir12.HS_NATIONAL_DIGITS.template)
DESCRIPTION_MISSING = FindingSpec("jiepa-description-missing", RULE, Severity.ERROR, ir12.DESCRIPTION_MISSING.template)
DESCRIPTION_DIFFERS_SLIGHTLY = FindingSpec(
    "jiepa-description-differs-slightly", RULE, Severity.INFO, ir12.DESCRIPTION_DIFFERS_SLIGHTLY.template
)
DESCRIPTION_NOT_IDENTICAL = FindingSpec(
    "jiepa-description-not-substantially-identical", RULE, Severity.ERROR, ir12.DESCRIPTION_NOT_IDENTICAL.template
)

#: What the checks shared with AJCEP (:mod:`roo.rules.shared.classification`) report under JIEPA.
TERMS: Final = classification.ClassificationTerms(
    hs_not_six_digits=HS_NOT_SIX_DIGITS,
    description_missing=DESCRIPTION_MISSING,
    description_differs_slightly=DESCRIPTION_DIFFERS_SLIGHTLY,
    description_not_identical=DESCRIPTION_NOT_IDENTICAL,
    hs_national_digits=HS_NATIONAL_DIGITS,
)


def check_hs_code(item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's HS code is a six-digit subheading."""
    return classification.check_hs_code(TERMS, item, co, ctx)


def check_description(item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's description is substantially identical to the declared one."""
    return classification.check_description(TERMS, item, co, ctx)


RULES: Final = (
    ItemRule(
        RULE,
        "HS subheading at six digits",
        check_hs_code,
        (HS_NOT_SIX_DIGITS, HS_NATIONAL_DIGITS),
        precheck=classification.every_code_six_digits,
    ),
    ItemRule(
        RULE,
        "description substantially identical to the invoice",
        check_description,
        (DESCRIPTION_MISSING, DESCRIPTION_DIFFERS_SLIGHTLY, DESCRIPTION_NOT_IDENTICAL),
        needs=("context.declaration",),
        precheck=classification.described_without_declaration,
    ),
)
