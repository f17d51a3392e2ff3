"""AJCEP IR 12: HS subheading at six digits, description substantially identical to the invoice.

Each item shows the HS classification of the good at the six-digit
(subheading) level. A code printed with the importing Party's national digits
after the subheading (``0306.17.10``, ``030617.1000``) still shows it: the
extra digits are information outside what the box asks for, which IR 4(a)
disregards, so the code passes with an ``info`` note; IR 4's comparison with
the declaration reads its first six digits too. A code of fewer than six
digits, or with anything but digits and separators, is an error on that item.
Its description should be substantially identical to the
description on the invoice and, where possible, to the HS description. roo
compares the CO description with the description the importer declared for
the same item (the context's declaration, which follows the invoice): text
identical after normalising case and punctuation passes; text that is
substantially the same (see :func:`roo.text.similarity`) passes with an
``info`` note that the slight discrepancy is disregarded (IR 4(a)); text that
shares little passes no more and is an error on that item. The checks are
implemented once for AJCEP and JIEPA in :mod:`roo.rules.shared.classification`.

Source: AJCEP Implementing Regulations, Rules 12 and 4(a); notes to the AJCEP CO form, note 5.
"""

from __future__ import annotations

from typing import Final

from roo.context import Context
from roo.evaluation import Severity
from roo.model.certificate import Certificate, Item
from roo.rules.base import FindingSpec, ItemRule, Result
from roo.rules.shared import classification

RULE: Final = "AJCEP/IR/12"

#: Below this similarity (0-1) a description is not "substantially identical".
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
    "HS code '{hs_code}' has more than six digits; its subheading {subheading} is read and the national digits "
    "are disregarded.",
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
