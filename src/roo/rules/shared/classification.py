"""The goods on the CO: HS subheading at six digits, description compared with the declared one.

Each item shows the HS classification of the good at the six-digit
(subheading) level. A code printed with more digits (a national tariff line
such as ``0306.17.10`` or ``030617.1000``) still shows the subheading in its
first six: it passes, with a note (the terms' ``hs_national_digits``) that
reads both the subheading and the national digits; fewer than six digits, or
anything but digits and separators, is an error on the item.

Each item also shows a description of the good. The texts compare it with the
description on the invoice and, where possible, with the HS description of
the good; roo has neither (the context carries the import declaration, and
the HS text is the WCO's), so it compares with what the importer declares for
the item, as the nearest evidence of the invoice. Descriptions identical
after normalising case and punctuation pass; descriptions substantially the
same (:func:`roo.text.similarity` at least :data:`SUBSTANTIALLY_IDENTICAL`)
pass with a note that the slight discrepancy is disregarded. Descriptions
that share less get the scheme's ``description_not_identical`` finding at its
own severity. Under AJCEP that is a ``warning`` for customs to compare the CO
with the invoice, never a denial (see
:mod:`roo.rules.ajcep.ir12_tariff_classification`): the declaration's wording
is not the invoice's, a description worded as the HS text for the good is no
discrepancy and roo cannot tell it from one, and the cut-off is roo's own
figure, which no text gives.

The terms give each scheme's findings (citation, severity, template).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Final, final

import attrs

from ...context import Context
from ...evaluation import Finding
from ...model.certificate import Certificate, Item
from ...model.hs import is_six_digit_subheading
from ...rule_kit import NOT_APPLICABLE, PASSED, WITHOUT_DECLARATION, FindingSpec, Result, judged, not_evaluated
from ...text import similarity
from .declaration import lines_for

#: :func:`roo.model.hs.is_six_digit_subheading`, remembered: the same printed codes come back item after item.
_six_digits: Final = functools.lru_cache(maxsize=4096)(is_six_digit_subheading)

#: Below this similarity (0-1) a description is not "substantially identical". roo's own figure: no text gives
#: one, so falling below it warns and never denies.
SUBSTANTIALLY_IDENTICAL: Final = Decimal("0.6")


@final
@attrs.frozen
class ClassificationTerms:
    """A scheme's findings for the HS code and description checks."""

    hs_not_six_digits: FindingSpec
    description_missing: FindingSpec
    description_differs_slightly: FindingSpec
    description_not_identical: FindingSpec
    hs_national_digits: FindingSpec | None = None


def check_hs_code(terms: ClassificationTerms, item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's HS code is a six-digit subheading, possibly followed by national digits."""
    if _six_digits(item.hs_code):
        return PASSED
    digits = item.hs_digits
    if terms.hs_national_digits is not None and len(digits) > 6 and digits.isascii() and digits.isdigit():
        # The national digits are information outside what the box asks for: read, not thrown away.
        finding = terms.hs_national_digits(
            item.number, hs_code=item.hs_code, subheading=digits[:6], national_digits=digits[6:]
        )
        return judged(finding)
    return judged(terms.hs_not_six_digits(item.number, hs_code=item.hs_code))


def every_code_six_digits(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_hs_code`: ``PASSED`` when every item's code is a six-digit subheading as printed."""
    for item in co.items:
        if not _six_digits(item.hs_code):
            return None
    return PASSED


def described_without_declaration(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_description`: without a declaration every item is not evaluated, if described."""
    if ctx.declaration is not None:
        return None
    for item in co.items:
        if not item.description.strip():
            return None  # that item's missing description is reported
    return WITHOUT_DECLARATION


def check_description(terms: ClassificationTerms, item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's description is substantially identical to the declared one, or customs may compare it."""
    if not item.description.strip():
        return judged(terms.description_missing(item.number))
    if ctx.declaration is None:
        return WITHOUT_DECLARATION
    lines = lines_for(ctx.declaration, item.number)
    declared = list(dict.fromkeys(line.description for line in lines if line.description and line.description.strip()))
    if not declared:
        if lines:
            return not_evaluated("context.declaration.items.description")
        return NOT_APPLICABLE if ctx.declaration.items else not_evaluated("context.declaration.items")
    findings: list[Finding] = []
    for description in declared:
        score = similarity(item.description, description)
        facts = {"certificate_description": item.description, "declared_description": description}
        if score == 1.0:
            continue
        if Decimal(str(round(score, 4))) >= SUBSTANTIALLY_IDENTICAL:
            findings.append(terms.description_differs_slightly(item.number, similarity=f"{score:.2f}", **facts))
        else:
            findings.append(terms.description_not_identical(item.number, similarity=f"{score:.2f}", **facts))
    return judged(*findings)
