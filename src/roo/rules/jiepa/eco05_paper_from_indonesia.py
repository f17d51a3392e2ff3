"""JIEPA e-CO arrangement §5: paper COs from Indonesia after it issues e-COs only.

Importers who could not use e-COs could still ask for COs on paper after the
exchange went live. From 5 February 2024 Indonesia's issuing body issues JIEPA
COs electronically only; paper COs issued before that date stay usable
within their validity. A paper JIEPA CO exporting from Indonesia that bears
an issue date on or after that date is therefore not what the issuing body
produces any more: roo flags it for customs to verify, without denying it on
that ground alone. The date is a dated parameter
(``jiepa.paper_co_from_indonesia_ends``).

Read against the arrangement: §5 says importers who lack NACCS access or
prefer paper may still ask for COs on paper even after full implementation.
That Indonesia stopped issuing paper COs on 5 February 2024 comes from a
Japan Customs notice that roo has not read, so the parameter is marked
unverified and the finding stays a warning.

Source: the JIEPA e-CO pilot arrangement (2023) §5; Japan Customs' notice on
Indonesian e-COs (paper COs from Indonesia end on 5 February 2024; not read).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate, Medium
from ...params import ParameterNotInForce
from ...rule_kit import NOT_APPLICABLE, PASSED, CertificateRule, FindingSpec, Result, passed

RULE: Final = "JIEPA/ECO/5"
PAPER_ENDS: Final = "jiepa.paper_co_from_indonesia_ends"

PAPER_AFTER_ECO_ONLY = FindingSpec(
    "paper-co-after-eco-only",
    RULE,
    Severity.WARNING,
    "A paper CO from Indonesia dated {issue_date}: Indonesia issues JIEPA COs only electronically from {ends} "
    "(a date roo has not confirmed from the notice that set it); customs may verify this certificate's "
    "authenticity.",
)


def check_paper_from_indonesia(co: Certificate, ctx: Context) -> Result:
    """A paper JIEPA CO from Indonesia issued on or after the e-CO-only date is flagged."""
    if co.medium is not Medium.PAPER or co.exporting_party != "ID":
        return NOT_APPLICABLE
    try:
        ends: date = ctx.parameter(PAPER_ENDS, co.issue_date)
    except ParameterNotInForce:
        return PASSED  # issued before the parameter existed: long before the change
    if co.issue_date >= ends:
        return passed(PAPER_AFTER_ECO_ONLY(None, issue_date=co.issue_date, ends=ends))
    return PASSED


RULES: Final = (
    CertificateRule(
        RULE, "paper CO from Indonesia after e-CO-only issuance", check_paper_from_indonesia, (PAPER_AFTER_ECO_ONLY,)
    ),
)
