"""JIEPA Art 50 (Operational Procedures): a CO issued after shipment is marked "Issued Retroactively".

The detailed procedures for issuing a JIEPA CO are in the Operational
Procedures for Rules of Origin that the Joint Committee adopted under Art 50.
roo has not read their text. Japan's EPAs of the same family let a CO be
issued retroactively, marked "ISSUED RETROACTIVELY", within twelve months of
shipment (Japan–Brunei), and AJCEP allows three days after shipment before a
CO counts as issued retroactively (IR 7; Indonesia's customs apply the same
three days). roo applies that reading with the periods as dated parameters marked unverified
(``jiepa.retroactive.grace_days``: 3, ``jiepa.retroactive.max_months``: 12;
a caller who knows the procedures' figures overrides them in the context).

Because the periods are not confirmed, nothing this rule finds denies
preference: a CO issued after the grace days but not marked retroactive, one
issued retroactively after the months, and one marked retroactive without a
date of shipment are warnings for customs to verify; a mark on a CO issued in
time, and a retroactive issuance within the months, are noted (``info``).
The timing logic is shared with AJCEP IR 7 (:mod:`roo.rules.shared.retroactive`):
calendar days with the shipment date as day 0, months to the same day of the
month. A CO issued retroactively after 5 February 2024 for goods shipped
before is also held to the HS2017 product-specific rules
(:mod:`roo.rules.jiepa.art29_psr_edition`).

Read against the Agreement: nothing in Chapter 3 speaks of retroactive
issuance. Art 41(8) lets the CO be issued only once the exporter has proved
that the good qualifies, and Art 41(6) makes it valid for twelve months from
issuance; the mark, the grace days and the months all belong to the
Operational Procedures (Art 50), which are not in the text roo reads. They
stay unverified: the parameters say so (``verified = false``) and every
finding is a warning or a note.

Source: JIEPA Agreement Art 41(6), (8), Art 50 (Operational Procedures for Rules of Origin; text not read);
Japan–Brunei EPA Operational Procedures (12 months, by analogy).
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...rule_kit import CertificateRule, FindingSpec, Result
from ..shared import retroactive

RULE: Final = "JIEPA/ART/50"

GRACE_DAYS: Final = "jiepa.retroactive.grace_days"
MAX_MONTHS: Final = "jiepa.retroactive.max_months"

NOT_TICKED = FindingSpec(
    "jiepa-retroactive-box-not-ticked",
    RULE,
    Severity.WARNING,
    "The CO was issued on {issue_date}, {days_after_shipment} days after shipment on {shipment_date} (later than "
    "{grace_days} days), but is not marked 'Issued Retroactively'; the JIEPA period is not confirmed, so customs "
    "may verify when and how the CO was issued.",
)
TOO_LATE = FindingSpec(
    "jiepa-retroactive-issuance-too-late",
    RULE,
    Severity.WARNING,
    "The CO was issued on {issue_date}, after {latest} ({max_months} months from shipment on {shipment_date}); "
    "the JIEPA period for retroactive issuance is not confirmed, so customs may verify that it was issued in time.",
)
SHIPMENT_DATE_MISSING = FindingSpec(
    "jiepa-retroactive-shipment-date-missing",
    RULE,
    Severity.WARNING,
    "The CO is marked 'Issued Retroactively' but does not show the date of shipment; customs may ask for it.",
)
# The wording of these two is AJCEP IR 7's (the same msgids), written here so that the module stands alone.
TICKED_ON_TIME = FindingSpec(
    "jiepa-retroactive-box-ticked-on-time",
    RULE,
    Severity.INFO,
    "The box 'Issued Retroactively' is ticked although the CO was issued on {issue_date}, within {grace_days} days "
    "of shipment on {shipment_date}; the tick is disregarded.",
)
ISSUED_RETROACTIVELY = FindingSpec(
    "jiepa-issued-retroactively",
    RULE,
    Severity.INFO,
    "The CO was issued retroactively on {issue_date}, {days_after_shipment} days after shipment on "
    "{shipment_date}, within {max_months} months; the importing Party's laws govern its acceptance.",
)

#: What the timing check shared with AJCEP (:mod:`roo.rules.shared.retroactive`) reads and reports under JIEPA.
TERMS: Final = retroactive.RetroactiveTerms(
    grace_days_parameter=GRACE_DAYS,
    max_months_parameter=MAX_MONTHS,
    not_ticked=NOT_TICKED,
    too_late=TOO_LATE,
    shipment_date_missing=SHIPMENT_DATE_MISSING,
    ticked_on_time=TICKED_ON_TIME,
    issued_retroactively=ISSUED_RETROACTIVELY,
)


def check_issuance_timing(co: Certificate, ctx: Context) -> Result:
    """Issued by shipment or within the grace days; otherwise marked retroactive and within the months."""
    return retroactive.check_issuance_timing(TERMS, co, ctx)


RULES: Final = (
    CertificateRule(
        RULE,
        "issued by shipment or within the grace days, otherwise retroactively within the months",
        check_issuance_timing,
        (NOT_TICKED, TOO_LATE, SHIPMENT_DATE_MISSING, TICKED_ON_TIME, ISSUED_RETROACTIVELY),
    ),
)
