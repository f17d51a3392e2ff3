"""AJCEP OCP: validity of the CO and its presentation.

A CO is valid for a period from its date of issuance
(``ajcep.co.validity_months``: twelve months) and must be presented to the
customs of the importing Party within that period. A CO presented after its
validity is rejected as a whole (a certificate error).

roo counts validity as :mod:`roo.dates` does: the CO can be presented up to
and including the same day of the month twelve months after issuance (the
last day of that month when it has no such day), so a CO issued on 5 March
2024 is accepted on 5 March 2025 and rejected on 6 March 2025. The period is
read as in force on the date of issuance it counts from.

Validity follows the original where the Implementing Regulations say so: a
replacement CO (IR 5(a)) is valid during the original's validity, counted from
the original's issue date shown on it (``replaces.issue_date``); a certified
true copy (IR 5(b)) bears the original's issue date (its ``issue_date``) and
is valid for the same period.

Two dates fall outside the rule and are certificate errors of their own. A
CO presented before its date of issuance was not valid when presented (its
validity runs from issuance). A certified true copy (IR 5(b)) bears the
original's issue date, but the copy is what is presented: one presented before
the date it was made (``certified_true_copy_date``) was presented before it
existed (``certified-true-copy-presented-before-made``). A CO whose validity would count from a date
before 1 December 2008, the Agreement's first entry into force and the first
value of the period, was not issued under the Agreement's rules: roo says so
rather than leaving the check unmade (the entry into force for the exporting
Party itself is Art 79's check).

The citation is OCP Rule 4(1): IR 17(b) makes the acceptance of a CO "subject to
paragraph 1 of Rule 4 of the OCP", which is where the OCP sets the CO's
validity; the Annex 4 text itself was not available to roo, and the period is
marked unverified in the parameter data. The check is implemented once for
AJCEP and JIEPA in :mod:`roo.rules.shared.validity`.

**Why a CO presented late is denied although the period is unverified.** That
a CO has a validity, and that it ends, is the texts' own: IR 5 speaks of a CO
lost "before the expiration of its validity" and makes a replacement and a
certified true copy valid only for the original's term, and IR 17(b) accepts a
CO only subject to the OCP rule that sets that term. What roo has not read is
the figure, not the rule. Twelve months from issuance is what Japan Customs,
the importing customs of every AJCEP consignment into Japan, publishes for EPA
certificates, and what JIEPA Art 41(6), Japan's parallel agreement with
Indonesia, states. A warning would let an expired CO through wherever it is
presented, a wrongful acceptance of the commonest kind; so the expired CO is
denied, the period stays marked unverified, and a caller whose customs apply
another period sets ``ajcep.co.validity_months`` in the context.

Source: AJCEP Annex 4 (OCP), Rule 4(1) (as referred to by IR 17(b)); Implementing Regulations, Rule 5.
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...rule_kit import CertificateRule, FindingSpec, Result
from ..shared import validity

RULE: Final = "AJCEP/OCP/4(1)"

VALIDITY_MONTHS: Final = "ajcep.co.validity_months"

PRESENTED_AFTER_VALIDITY = FindingSpec(
    "co-presented-after-validity",
    RULE,
    Severity.ERROR,
    validity.PRESENTED_AFTER_VALIDITY_TEMPLATE,
)

PRESENTED_BEFORE_ISSUE = FindingSpec(
    "co-presented-before-issue",
    RULE,
    Severity.ERROR,
    validity.PRESENTED_BEFORE_ISSUE_TEMPLATE,
)
COPY_PRESENTED_BEFORE_MADE = FindingSpec(
    "certified-true-copy-presented-before-made",
    RULE,
    Severity.ERROR,
    "The certified true copy was presented on {presented}, before it was made on {certified_true_copy_date}; the "
    "copy is what is presented, and it did not exist yet.",
)
ISSUED_BEFORE_RULES = FindingSpec(
    "co-issued-before-agreement",
    RULE,
    Severity.ERROR,
    "The CO's validity would count from {counted_from}, the date of issuance of {basis}, before {in_force_from}, "
    "when the Agreement's rules for a CO first applied; it is not a CO issued under the Agreement.",
)

#: What the validity check shared with JIEPA (:mod:`roo.rules.shared.validity`) reads and reports under AJCEP.
TERMS: Final = validity.ValidityTerms(
    VALIDITY_MONTHS,
    PRESENTED_AFTER_VALIDITY,
    follows_original=True,
    issued_before_rules=ISSUED_BEFORE_RULES,
    presented_before_issue=PRESENTED_BEFORE_ISSUE,
    copy_presented_before_made=COPY_PRESENTED_BEFORE_MADE,
)


def check_validity(co: Certificate, ctx: Context) -> Result:
    """The CO is presented within its validity, counted from the original's issuance where IR 5 says so."""
    return validity.check_validity(TERMS, co, ctx)


RULES: Final = (
    CertificateRule(
        RULE,
        "CO presented within its validity",
        check_validity,
        (PRESENTED_AFTER_VALIDITY, PRESENTED_BEFORE_ISSUE, COPY_PRESENTED_BEFORE_MADE, ISSUED_BEFORE_RULES),
        needs=("context.on",),
    ),
)
