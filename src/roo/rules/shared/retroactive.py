"""Issuance of the CO: by shipment or within a few days; later only retroactively, within some months.

In principle a CO is issued by the time of shipment or within a number of
days after it (the *grace days*); in exceptional cases it may be issued later,
retroactively, within a number of months from shipment, and then says so
("Issued Retroactively") and shows the date of shipment. Both periods are
dated parameters the terms name, read as in force on the date of shipment
(box 3, ``transport.departure_date``). Goods shipped before the parameter's
first value (before the Agreement's entry into force: goods in transit that
AJCEP IR 15 still admits with a retroactive CO) are held to that first value,
since the periods are those the Rules set from the start.

Periods are counted as :mod:`roo.dates` does: calendar days, the shipment
date being day 0 (after a shipment on 4 March, a CO issued on 7 March is
within 3 days and one issued on 8 March is not); months end on the same day
of the month (12 months from 29 February 2024 end on 28 February 2025).

* Issued in time, not marked retroactive: the rule holds.
* Issued in time, marked retroactive: the mark is disregarded (a note).
* Issued later: it must be marked retroactive, and issued within the months.
* Marked retroactive without a date of shipment: the CO must show it.
* No date of shipment and not marked: not evaluated.

The terms give each outcome's finding; a scheme whose periods are not
confirmed reports them as warnings, which never deny. A replacement CO is
issued after the loss of the original, not at shipment, so the rule does not
apply to it.
"""

from __future__ import annotations

from typing import final

import attrs

from roo.context import Context
from roo.dates import add_days, add_months, days_between
from roo.evaluation import Finding
from roo.model.certificate import Certificate
from roo.params import ParameterNotInForce
from roo.rules.base import NOT_APPLICABLE, PASSED, FindingSpec, Result, judged, not_evaluated
from roo.rules.shared.dated import parameter_from_first


@final
@attrs.frozen
class RetroactiveTerms:
    """A scheme's grace days and retroactive months (dated parameters) and its findings."""

    grace_days_parameter: str
    max_months_parameter: str
    not_ticked: FindingSpec
    too_late: FindingSpec
    shipment_date_missing: FindingSpec
    ticked_on_time: FindingSpec
    issued_retroactively: FindingSpec


def check_issuance_timing(terms: RetroactiveTerms, co: Certificate, ctx: Context) -> Result:
    """Issued by shipment or within the grace days; otherwise marked retroactive and within the months."""
    if co.replaces is not None:
        return NOT_APPLICABLE  # a replacement is issued after the loss, not at shipment
    shipped = co.transport.departure_date if co.transport is not None else None
    if shipped is None:
        if co.issued_retroactively:
            return judged(terms.shipment_date_missing(None))
        return not_evaluated("certificate.transport.departure_date")
    try:
        grace_days = int(parameter_from_first(ctx, terms.grace_days_parameter, shipped)[0])
        max_months = int(parameter_from_first(ctx, terms.max_months_parameter, shipped)[0])
    except ParameterNotInForce as error:
        return not_evaluated(f"context.parameters[{error.name}]")
    issued = co.issue_date
    on_time = issued <= add_days(shipped, grace_days)
    if on_time and not co.issued_retroactively:
        return PASSED  # the common case: nothing to report, so no facts are gathered
    facts = {
        "issue_date": issued,
        "shipment_date": shipped,
        "days_after_shipment": days_between(shipped, issued),
        "grace_days": grace_days,
        "max_months": max_months,
    }
    if on_time:
        return judged(terms.ticked_on_time(None, **facts))
    findings: list[Finding] = []
    if not co.issued_retroactively:
        findings.append(terms.not_ticked(None, **facts))
    latest = add_months(shipped, max_months)
    if co.issue_date > latest:
        findings.append(terms.too_late(None, latest=latest, **facts))
    if not findings:
        findings.append(terms.issued_retroactively(None, **facts))
    return judged(*findings)
