"""JIEPA Art 41(6): a CO is valid for 12 months from issuance, for a single importation.

An issued CO applies to a single importation of an originating good into the
importing Party and is valid for twelve months from its date of issuance
(``jiepa.co.validity_months``). A CO presented after its validity is rejected
as a whole. roo counts the period as it does for AJCEP (the check is shared,
:mod:`roo.rules.shared.validity`): a CO issued on 10 May 2023 is accepted on
10 May 2024 and rejected on 11 May 2024; one issued on 29 February 2024 is
accepted until 28 February 2025. Unlike AJCEP, JIEPA has no rule that keeps
a replacement CO on its original's validity, so validity always counts from
the CO's own issue date.

As for AJCEP, a CO presented before its date of issuance is a certificate
error of its own (validity runs from issuance). A CO issued before 1 July
2008, JIEPA's entry into force and the first value of the period, is the
in-force check's error (:mod:`roo.rules.jiepa.art29_parties`); its validity
is then not evaluated, which leaves no grant resting on it.

**Single importation: what roo can check.** Japan's NACCS lets one
importation covered by an e-CO be declared in parts, and registers the
portion of each item each declaration uses; the context gives the earlier
declarations drawn on the CO (``eco_drawdowns``). roo cannot tell from them
whether an earlier declaration belonged to the same importation: nothing in a
declaration line says which consignment it cleared. It therefore takes the
earlier declarations as parts of this importation and notes them (``info``);
what the parts may not do — draw more of an item than the CO certifies,
which only another importation could need — is checked item by item by the
partial-use ledger (:mod:`roo.rules.jiepa.art41_partial_use`, an error on
that item). The context's ``related_certificates`` are other COs, not records
of importations, and are not used here.

Source: JIEPA Agreement Art 41(6); NACCS registration of partial use of an e-CO.
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...rule_kit import NOT_APPLICABLE, CertificateRule, FindingSpec, Result, judged
from ..shared import validity

RULE: Final = "JIEPA/ART/41(6)"

VALIDITY_MONTHS: Final = "jiepa.co.validity_months"

PRESENTED_AFTER_VALIDITY = FindingSpec(
    "jiepa-co-presented-after-validity", RULE, Severity.ERROR, validity.PRESENTED_AFTER_VALIDITY_TEMPLATE
)
PRESENTED_BEFORE_ISSUE = FindingSpec(
    "jiepa-co-presented-before-issue", RULE, Severity.ERROR, validity.PRESENTED_BEFORE_ISSUE_TEMPLATE
)
DRAWN_BY_EARLIER_DECLARATIONS = FindingSpec(
    "jiepa-co-drawn-by-earlier-declarations",
    RULE,
    Severity.INFO,
    "The CO was already drawn on by {count} earlier declaration ({declarations}); a JIEPA CO applies to a "
    "single importation, so it is taken as part of this importation, and each item's quantities are checked "
    "against what the CO certifies.",
    plural="The CO was already drawn on by {count} earlier declarations ({declarations}); a JIEPA CO applies to a "
    "single importation, so they are taken as parts of this importation, and each item's quantities are checked "
    "against what the CO certifies.",
    count="count",
)

#: What the validity check shared with AJCEP (:mod:`roo.rules.shared.validity`) reads and reports under JIEPA.
TERMS: Final = validity.ValidityTerms(
    VALIDITY_MONTHS,
    PRESENTED_AFTER_VALIDITY,
    presented_before_issue=PRESENTED_BEFORE_ISSUE,
)


def check_validity(co: Certificate, ctx: Context) -> Result:
    """The CO is presented within 12 months of its issuance."""
    return validity.check_validity(TERMS, co, ctx)


def check_single_importation(co: Certificate, ctx: Context) -> Result:
    """Earlier declarations drawn on the CO are noted as parts of its single importation."""
    earlier = tuple(dict.fromkeys(drawdown.declaration for drawdown in ctx.eco_drawdowns))
    if not earlier:
        return NOT_APPLICABLE
    return judged(DRAWN_BY_EARLIER_DECLARATIONS(None, count=len(earlier), declarations=earlier))


RULES: Final = (
    CertificateRule(
        RULE,
        "CO presented within its validity",
        check_validity,
        (PRESENTED_AFTER_VALIDITY, PRESENTED_BEFORE_ISSUE),
        needs=("context.on",),
    ),
    CertificateRule(
        RULE,
        "CO applicable to a single importation",
        check_single_importation,
        (DRAWN_BY_EARLIER_DECLARATIONS,),
        needs=("context.eco_drawdowns",),
    ),
)
