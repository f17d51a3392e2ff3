"""AJCEP IR 7: a CO is issued by shipment or within 3 days; later only retroactively, within 12 months.

In principle the CO is issued by the time of shipment or no later than three
days from the date of shipment (``ajcep.retroactive.grace_days``). In
exceptional cases it may be issued later, retroactively, within twelve months
from the date of shipment (``ajcep.retroactive.max_months``); the box "Issued
Retroactively" (box 13) must then be ticked, and box 3 must show the date of
shipment.

roo takes the date of shipment from box 3 (``transport.departure_date``) and
counts periods as :mod:`roo.dates` does: days are calendar days (AJCEP Art
1(c)), the shipment date is day 0, so after a shipment on 4 March a CO issued
on 7 March is on time and one issued on 8 March is retroactive; twelve months
from 4 March 2024 end on 4 March 2025 inclusive, and twelve months from
29 February 2024 end on 28 February 2025. The periods are read as in force on
the date of shipment; for goods shipped before the Agreement first entered
into force (2008-12-01: goods in transit admitted by IR 15 with a
retroactive CO), the periods the Rules set from the start apply.

* Issued on time, box not ticked: the rule holds.
* Issued on time, box ticked: harmless, an ``info`` finding. The tick claims
  less than the CO could, the CO is valid either way, and importing customs
  accept it in practice (e.g. Viet Nam's customs, letter 4960/TCHQ-GSQL of
  2014, for a CO issued within 3 days with the box ticked).
* Issued late: the box must be ticked (certificate error otherwise), and
  issuance after the twelve months is a certificate error.
* Box ticked but box 3 gives no date of shipment: certificate error (the
  retroactive CO must indicate it).
* No date of shipment and the box not ticked: not evaluated.

**Why the missing tick denies here, but warns for a back-to-back CO or a
third-country invoice.** IR 7 itself says that it is "necessary" to tick the
box "Issued Retroactively", and that the retroactive CO "will" show the date
of shipment in box 3: the Rule's own words, which form note 9 repeats.
The "Back-to-Back CO" tick, by contrast, is asked for only by form note 8
("should"; OCP Rule 3(4) and IR 9 say nothing of a tick), and the "Third
Country Invoicing" tick only by form note 7 ("should"; IR 3(d) asks that the
third-country invoice be indicated, which the invoicer's name in box 7
already does): those warn (``back-to-back-box-not-ticked``,
``third-country-invoicing-not-indicated``), and the substantive checks run
whether ticked or not. Under JIEPA the same defects warn because the
Operational Procedures that would require the mark are not read
(:mod:`roo.rules.jiepa.art50_retroactive_issuance`). Doubt left for a legal
reviewer: the CO's own dates (issue and shipment) show that it was issued
late, so a reader could hold the missing tick a minor omission under IR 4(a);
roo keeps the denial because IR 7 calls the tick necessary, a word no
"should" of the form notes carries, and a customs officer applying IR 7 would
not accept a late CO that does not say it was issued late.

A replacement CO (IR 5(a)) is issued after the original was lost, not at
shipment; it is valid only during the original's validity, so it keeps the
original's life and the original's timing is what this rule judges: the
original's issue date (the original's own, when ``related_certificates``
holds it, else the date the replacement shows; for a replacement of a
replacement, the first CO's, as far back as the context holds the chain),
its date of shipment, and
the 'Issued Retroactively' tick of the original or of the replacement (a new
CO may correct the original's form, IR 4(b)(ii)). An original issued more
than twelve months after shipment does not become good by being replaced
(``replaced-original-issued-too-late``). A certified true copy bears the
original's issue date and is checked like the original. The check is
implemented once for AJCEP and JIEPA in :mod:`roo.rules.shared.retroactive`.

Source: AJCEP Implementing Regulations, Rule 7; Agreement Art 1(c) ("days" are calendar days);
notes to the AJCEP CO form, note 9.
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...rule_kit import CertificateRule, FindingSpec, Result
from ..shared import retroactive

RULE: Final = "AJCEP/IR/7"

GRACE_DAYS: Final = "ajcep.retroactive.grace_days"
MAX_MONTHS: Final = "ajcep.retroactive.max_months"

NOT_TICKED = FindingSpec(
    "retroactive-box-not-ticked",
    RULE,
    Severity.ERROR,
    "The CO was issued on {issue_date}, {days_after_shipment} days after shipment on {shipment_date} "
    "(later than {grace_days} days), but the box 'Issued Retroactively' is not ticked.",
)
TOO_LATE = FindingSpec(
    "retroactive-issuance-too-late",
    RULE,
    Severity.ERROR,
    "The CO was issued on {issue_date}, after {latest} ({max_months} months from shipment on "
    "{shipment_date}); a CO can be issued retroactively only within that period.",
)
SHIPMENT_DATE_MISSING = FindingSpec(
    "retroactive-shipment-date-missing",
    RULE,
    Severity.ERROR,
    "The CO is ticked 'Issued Retroactively' but box 3 does not show the date of shipment.",
)
TICKED_ON_TIME = FindingSpec(
    "retroactive-box-ticked-on-time",
    RULE,
    Severity.INFO,
    "The box 'Issued Retroactively' is ticked although the CO was issued on {issue_date}, within "
    "{grace_days} days of shipment on {shipment_date}; the tick is disregarded.",
)
ISSUED_RETROACTIVELY = FindingSpec(
    "issued-retroactively",
    RULE,
    Severity.INFO,
    "The CO was issued retroactively on {issue_date}, {days_after_shipment} days after shipment on "
    "{shipment_date}, within {max_months} months; the importing Party's laws govern its acceptance.",
)

REPLACED_NOT_TICKED = FindingSpec(
    "replaced-original-retroactive-box-not-ticked",
    RULE,
    Severity.ERROR,
    "The CO this one replaces ('{original_reference}') was issued on {issue_date}, {days_after_shipment} days after "
    "shipment on {shipment_date} (later than {grace_days} days), and neither it nor this replacement is ticked "
    "'Issued Retroactively'; a replacement takes the original's timing.",
)
REPLACED_TOO_LATE = FindingSpec(
    "replaced-original-issued-too-late",
    RULE,
    Severity.ERROR,
    "The CO this one replaces ('{original_reference}') was issued on {issue_date}, after {latest} ({max_months} "
    "months from shipment on {shipment_date}); a CO issued too late does not become good by being replaced.",
)
REPLACED_TICKED_ON_TIME = FindingSpec(
    "replaced-original-retroactive-box-ticked-on-time",
    RULE,
    Severity.INFO,
    "The box 'Issued Retroactively' is ticked although the CO this one replaces ('{original_reference}') was issued "
    "on {issue_date}, within {grace_days} days of shipment on {shipment_date}; the tick is disregarded.",
)
REPLACED_ISSUED_RETROACTIVELY = FindingSpec(
    "replaced-original-issued-retroactively",
    RULE,
    Severity.INFO,
    "The CO this one replaces ('{original_reference}') was issued retroactively on {issue_date}, "
    "{days_after_shipment} days after shipment on {shipment_date}, within {max_months} months; the importing "
    "Party's laws govern its acceptance, and the replacement's.",
)

#: How the timing of the CO a replacement replaces is reported (IR 5(a): the replacement keeps its life).
REPLACEMENT_TERMS: Final = retroactive.RetroactiveTerms(
    grace_days_parameter=GRACE_DAYS,
    max_months_parameter=MAX_MONTHS,
    not_ticked=REPLACED_NOT_TICKED,
    too_late=REPLACED_TOO_LATE,
    shipment_date_missing=SHIPMENT_DATE_MISSING,
    ticked_on_time=REPLACED_TICKED_ON_TIME,
    issued_retroactively=REPLACED_ISSUED_RETROACTIVELY,
)

#: What the timing check shared with JIEPA (:mod:`roo.rules.shared.retroactive`) reads and reports under AJCEP.
TERMS: Final = retroactive.RetroactiveTerms(
    grace_days_parameter=GRACE_DAYS,
    max_months_parameter=MAX_MONTHS,
    not_ticked=NOT_TICKED,
    too_late=TOO_LATE,
    shipment_date_missing=SHIPMENT_DATE_MISSING,
    ticked_on_time=TICKED_ON_TIME,
    issued_retroactively=ISSUED_RETROACTIVELY,
    for_replacement=REPLACEMENT_TERMS,
)


def check_issuance_timing(co: Certificate, ctx: Context) -> Result:
    """Issued by shipment or within the grace days; otherwise ticked retroactive and within the months."""
    return retroactive.check_issuance_timing(TERMS, co, ctx)


RULES: Final = (
    CertificateRule(
        RULE,
        "issued by shipment or within the grace days, otherwise retroactively within the months",
        check_issuance_timing,
        (
            NOT_TICKED,
            TOO_LATE,
            SHIPMENT_DATE_MISSING,
            TICKED_ON_TIME,
            ISSUED_RETROACTIVELY,
            REPLACED_NOT_TICKED,
            REPLACED_TOO_LATE,
            REPLACED_TICKED_ON_TIME,
            REPLACED_ISSUED_RETROACTIVELY,
        ),
    ),
)
