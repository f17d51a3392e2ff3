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

**Why a code that is not six digits denies, while a different subheading
warns.** IR 12 says the HS number "is to be" indicated at the six-digit
level: the Rules' mandatory wording, the same as for the reference number
(IR 3(c)), the exporter's declaration (IR 3(e)), the original's date and
number on a replacement (IR 5(a)) and the partial quantity and value on a
back-to-back CO (IR 9), all of which deny when the CO lacks them. The
description, by contrast, "should" be substantially identical, and form note
5's wish for the *importing* Party's classification is a "should" too: those
warn (``description-not-substantially-identical`` here, IR 4's
``declared-hs-subheading-differs``). A code that is not a six-digit
subheading is also not a minor omission that IR 4(a) disregards: its proviso
excludes a defect that affects the accuracy of what the CO says, and the
subheading is the level at which Annex 2 sets the product-specific rule the
origin criterion (box 8) is claimed under, so without it the claim cannot be
checked against its rule. A six-digit subheading that differs from the
declared one is still stated and verifiable. Doubt left for a legal reviewer:
IR 4(a) lists "omissions" among minor errors, and a reader could take a code
missing its last two digits as one; roo keeps the denial because no text
makes IR 12's level optional and the proviso's test is not met.

**Why JIEPA differs.** Under JIEPA the same defect is a warning
(``jiepa-hs-code-not-six-digits``, :mod:`roo.rules.jiepa.art41_goods`): there
the six-digit requirement could only come from Annex 3 or the Operational
Procedures, neither of which roo has read. Here IR 12's own sentence is read.

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
