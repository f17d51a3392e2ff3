"""AJCEP IR 12: HS subheading at six digits; description substantially identical to the invoice and the HS.

Each item shows the HS classification of the good at the six-digit
(subheading) level (IR 12; form note 5 asks for the importing Party's
classification). A code of fewer than six digits, or with anything but digits
and separators, does not show it: an error on that item. A code printed with
the national digits after the subheading (``0306.17.10``,
``030617.1000``) still shows it. The extra digits are information outside
what the box asks for: IR 4(a) has the officer disregard that as an error, but
the information itself is still read, so the finding (``info``) gives both the
subheading and the national digits, and IR 4's comparison with the
declaration reads the first six.

The description of the good *should* be substantially identical to the
description on the invoice and, where possible, to the HS description for the
good (IR 12, form note 5). roo holds neither text: the context carries the
import declaration, and the HS description is the WCO's. It compares the
description with the one the importer declares for the same item, as the
nearest evidence of the invoice:

* identical after normalising case and punctuation: passes;
* substantially the same (:func:`roo.text.similarity` at least
  :data:`SUBSTANTIALLY_IDENTICAL`): passes, with an ``info`` note that the
  slight discrepancy is disregarded (IR 4(a));
* sharing less: a ``warning``, never a denial. The declaration's wording is
  not the invoice's, so it is no basis for denying preference; a description
  worded as the HS text for the good is what IR 12 itself allows and is no
  discrepancy, yet it shares few words with a declaration worded after the
  invoice, and roo cannot tell the two apart; and the 0.6 cut-off is roo's own
  figure, which no text gives. Customs may compare the CO with the invoice
  and the HS.

A CO item with no description at all describes no good: an error on that item.
The checks are implemented once for AJCEP and JIEPA in
:mod:`roo.rules.shared.classification`.

Source: AJCEP Implementing Regulations, Rules 12 and 4(a); notes to the AJCEP CO form, note 5.
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate, Item
from ...rule_kit import FindingSpec, ItemRule, Result
from ..shared import classification

RULE: Final = "AJCEP/IR/12"

#: Below this similarity (0-1) a description is not "substantially identical" (roo's own figure: it warns only).
SUBSTANTIALLY_IDENTICAL: Final = classification.SUBSTANTIALLY_IDENTICAL

HS_NOT_SIX_DIGITS = FindingSpec(
    "hs-code-not-six-digits",
    RULE,
    Severity.ERROR,
    "HS code '{hs_code}' is not a six-digit subheading.",
)
HS_NATIONAL_DIGITS = FindingSpec(
    "hs-code-national-digits",
    "AJCEP/IR/4(a)",
    Severity.INFO,
    "HS code '{hs_code}' prints national digits after the six-digit subheading; read as subheading {subheading} "
    "with national digits {national_digits}, and the extra digits are disregarded as an error.",
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
    Severity.WARNING,
    "Description '{certificate_description}' shares little with the declared '{declared_description}'; the "
    "declaration is not the invoice and the CO may use the HS description, so customs may compare the CO with "
    "the invoice and the HS.",
)


#: What the checks shared with JIEPA (:mod:`roo.rules.shared.classification`) report under AJCEP.
TERMS: Final = classification.ClassificationTerms(
    hs_not_six_digits=HS_NOT_SIX_DIGITS,
    description_missing=DESCRIPTION_MISSING,
    description_differs_slightly=DESCRIPTION_DIFFERS_SLIGHTLY,
    description_not_identical=DESCRIPTION_NOT_IDENTICAL,
    hs_national_digits=HS_NATIONAL_DIGITS,
)


def check_hs_code(item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's HS code is a six-digit subheading (national digits after it are disregarded)."""
    return classification.check_hs_code(TERMS, item, co, ctx)


def check_description(item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's description is substantially identical to the declared one, or customs may compare it."""
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
