"""JIEPA Art 41: the goods on the CO — HS subheading at six digits, description matching the declaration.

The CO's minimum data (Art 41(1), Annex 3) describe each good and give its HS
classification. roo checks them as it does for AJCEP (the checks are shared,
:mod:`roo.rules.shared.classification`): the HS code is a six-digit
subheading (national digits printed after it still show the subheading in
their first six, so they are noted and disregarded), and the description matches the description the importer
declares for the same item (the context's declaration, which follows the
invoice). Identical text passes; text substantially the same passes with an
``info`` note that the slight difference is disregarded; text that shares
little with the declared description is a warning on that item, for customs
to verify that the CO describes the goods declared.

Read against the Agreement: Art 41(1) requires the CO to include the minimum
data of Annex 3, and Art 45(1) lets customs deny preference to a good that
does not qualify or where the importer fails a requirement of the Chapter. A
CO whose description does not describe the goods declared would not cover
them (Art 40(1)), but nothing in the Agreement says how close two wordings
must be: where "shares little" begins is roo's own similarity figure
(:data:`roo.rules.shared.classification.SUBSTANTIALLY_IDENTICAL`), and the
declaration's wording is the importer's, not the CO's or the invoice's. A
figure no text gives may warn, never deny, so the item is not denied on it
(as under AJCEP). A CO item with no description at all describes no good: an
error on that item (Art 41(6): a CO applies to the importation of a good, and
an item without one covers nothing).

**The six-digit subheading is a warning, not a denial.** That the CO gives
each good's HS code, and at six digits, can only come from Annex 3 (the
minimum data Art 41(1) refers to) or from the format the Operational
Procedures set (Art 41(4), Art 50). Neither is in the texts roo reads: the
ToTA corpus holds the Agreement's body without its annexes, the seeds hold
AJCEP's Implementing Regulations and Form AJ notes (another Agreement's), and
the Implementing Agreement under Art 13 deals with customs cooperation, not
with the CO's particulars. No text roo can cite makes the six-digit code
mandatory, so a code that is not a six-digit subheading (or none at all) is a
warning naming that doubt, for customs to verify the goods' classification,
never a denial on its own (the severity rule: a requirement the text does not
give may warn, never deny).

Source: JIEPA Agreement Art 40(1), Art 41(1) (minimum data of Annex 3, not read), Art 41(4), (6), Art 45(1), Art 50.
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate, Item
from ...rule_kit import FindingSpec, ItemRule, Result
from ..shared import classification

RULE: Final = "JIEPA/ART/41(1)"

HS_NOT_SIX_DIGITS = FindingSpec(
    "jiepa-hs-code-not-six-digits",
    RULE,
    Severity.WARNING,
    "HS code '{hs_code}' is not a six-digit subheading. The CO's particulars are set by Annex 3 of the Agreement, "
    "which roo has not read, so this does not deny the item; customs may verify the goods' "
    "classification.",
)
# The wording is AJCEP IR 12's (the same msgid, so one translation serves both), written here so that this
# module reads and changes on its own.
HS_NATIONAL_DIGITS = FindingSpec(
    "jiepa-hs-code-national-digits",
    RULE,
    Severity.INFO,
    "HS code '{hs_code}' has more than six digits; its subheading {subheading} is read and the national digits "
    "are disregarded.",
)
DESCRIPTION_MISSING = FindingSpec(
    "jiepa-description-missing", RULE, Severity.ERROR, "The CO gives no description of the good."
)
DESCRIPTION_DIFFERS_SLIGHTLY = FindingSpec(
    "jiepa-description-differs-slightly",
    RULE,
    Severity.INFO,
    "Description '{certificate_description}' differs slightly from the declared '{declared_description}'; the "
    "discrepancy is disregarded.",
)
DESCRIPTION_NOT_IDENTICAL = FindingSpec(
    "jiepa-description-not-substantially-identical",
    RULE,
    Severity.WARNING,
    "Description '{certificate_description}' shares little with the declared '{declared_description}'; how alike "
    "the two must be is roo's own measure, which no text gives, so customs may verify that the CO describes the "
    "goods declared.",
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
