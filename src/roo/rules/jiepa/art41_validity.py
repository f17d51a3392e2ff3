"""JIEPA Art 41(6): a CO is valid for 12 months from issuance, for a single importation.

An issued CO applies to a single importation of an originating good into the
importing Party and is valid for twelve months from its date of issuance
(``jiepa.co.validity_months``). A CO presented after its validity is rejected
as a whole. roo counts the period as it does for AJCEP (the check is shared,
:mod:`roo.rules.shared.validity`): a CO issued on 10 May 2023 is accepted on
10 May 2024 and rejected on 11 May 2024; one issued on 29 February 2024 is
accepted until 28 February 2025.

**A replacement CO.** Art 41(6) counts validity from "the date of issuance"
of the CO, and the Agreement says nothing of a CO issued to replace one that
was lost, stolen or destroyed: that, like the CO's format, belongs to the
Operational Procedures (Art 50), which are not in the texts roo reads (nor in
the seeds, whose Implementing Regulations are AJCEP's: AJCEP IR 5(a) keeps a
replacement on its original's validity). The only text roo can cite counts
from the replacement's own issuance, so that is what can deny: a replacement
presented after its own twelve months is rejected. Within them but after the
twelve months of the CO it replaces (the first CO of a chain of replacements,
as far as the context holds it, else the date the replacement shows), the
replacement passes with a warning naming the doubt
(``jiepa-replacement-beyond-original-validity``): if the Operational
Procedures keep a replacement on its original's life, as Japan's other EPAs'
procedures and AJCEP's do, the replacement had expired. A figure (here, a
start date) no text roo reads gives may warn, never deny. When the original's
issue date is not known, there is nothing to compare and nothing is said.

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

Source: JIEPA Agreement Art 41(6), Art 50; NACCS registration of partial use of an e-CO.
"""

from __future__ import annotations

from typing import Final

import attrs

from ...context import Context
from ...dates import add_months
from ...evaluation import Outcome, Severity
from ...model.certificate import Certificate
from ...params import ParameterNotInForce
from ...rule_kit import NOT_APPLICABLE, CertificateRule, FindingSpec, Result, judged
from ..shared import validity
from ..shared.retroactive import first_issue_date

RULE: Final = "JIEPA/ART/41(6)"

VALIDITY_MONTHS: Final = "jiepa.co.validity_months"

PRESENTED_AFTER_VALIDITY = FindingSpec(
    "jiepa-co-presented-after-validity", RULE, Severity.ERROR, validity.PRESENTED_AFTER_VALIDITY_TEMPLATE
)
PRESENTED_BEFORE_ISSUE = FindingSpec(
    "jiepa-co-presented-before-issue", RULE, Severity.ERROR, validity.PRESENTED_BEFORE_ISSUE_TEMPLATE
)
REPLACEMENT_BEYOND_ORIGINAL_VALIDITY = FindingSpec(
    "jiepa-replacement-beyond-original-validity",
    RULE,
    Severity.WARNING,
    "This CO replaces one issued on {original_issue_date}, whose {validity_months} months ended on "
    "{original_valid_until}; it was presented on {presented}, within its own validity. Art 41(6) counts validity "
    "from a CO's issuance; whether a replacement keeps its original's validity is for the Operational Procedures "
    "(Art 50), which roo has not read, so customs may verify it.",
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
    """The CO is presented within 12 months of its issuance; a replacement past its original's is warned."""
    result = validity.check_validity(TERMS, co, ctx)
    if co.replaces is None or result.outcome is not Outcome.PASSED or ctx.on is None:
        return result
    original = first_issue_date(co, ctx)
    if original is None or original >= co.issue_date:
        return result
    try:
        months = int(ctx.parameter(VALIDITY_MONTHS, original))
    except ParameterNotInForce:
        return result  # an original from before the Agreement: nothing to count its validity by
    original_valid_until = add_months(original, months)
    if ctx.on <= original_valid_until:
        return result
    warning = REPLACEMENT_BEYOND_ORIGINAL_VALIDITY(
        None,
        original_issue_date=original,
        original_valid_until=original_valid_until,
        validity_months=months,
        presented=ctx.on,
    )
    return attrs.evolve(result, findings=(*result.findings, warning))


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
        (PRESENTED_AFTER_VALIDITY, PRESENTED_BEFORE_ISSUE, REPLACEMENT_BEYOND_ORIGINAL_VALIDITY),
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
