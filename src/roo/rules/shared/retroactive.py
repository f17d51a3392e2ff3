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
issued after the loss of the original, not at shipment: where the scheme's
replacements keep the original's life (AJCEP IR 5(a)), the rule judges the
original's issue date instead, so an original issued too late does not
become good by being replaced; otherwise the rule does not apply to it.
"""

from __future__ import annotations

from datetime import date
from typing import final

import attrs

from ...context import Context
from ...dates import add_days, add_months, days_between
from ...evaluation import Finding
from ...model.certificate import Certificate
from ...params import ParameterNotInForce
from ...rule_kit import NOT_APPLICABLE, PASSED, FindingSpec, Result, judged, not_evaluated
from .back_to_back import reference_key
from .dated import parameter_from_first


@final
@attrs.frozen
class RetroactiveTerms:
    """A scheme's grace days and retroactive months (dated parameters) and its findings.

    ``for_replacement``, when set, are the findings that judge the timing of
    the CO a replacement replaces (a scheme whose replacements keep the
    original's life, AJCEP IR 5(a)); without it a replacement is not checked.
    """

    grace_days_parameter: str
    max_months_parameter: str
    not_ticked: FindingSpec
    too_late: FindingSpec
    shipment_date_missing: FindingSpec
    ticked_on_time: FindingSpec
    issued_retroactively: FindingSpec
    for_replacement: RetroactiveTerms | None = None


def replaced_original(co: Certificate, ctx: Context) -> Certificate | None:
    """The CO that ``co`` replaces, when the context carries it: same reference number and exporting Party."""
    replaced = co.replaces
    wanted = reference_key(replaced.reference_number) if replaced is not None else None
    if wanted is None:
        return None
    own = reference_key(co.reference_number)
    for related in ctx.related_certificates:
        if (
            related is not co
            and related.exporting_party == co.exporting_party
            and reference_key(related.reference_number) == wanted
            and wanted != own
        ):
            return related
    return None


def first_issue_date(co: Certificate, ctx: Context) -> date | None:
    """The issue date of the first CO of a chain of replacements ending in ``co`` (IR 5(a): each new CO keeps
    the life of the CO it replaces), as far as the context's related certificates hold the chain.

    The CO replaced, when the context holds it, by its own issue date; when that CO is itself a replacement,
    the CO it replaces in turn. Where the context stops, the date the last replacement shows for the CO it
    replaces (``replaces.issue_date``, None when not shown). A CO that replaces none: its own issue date.
    """
    if co.replaces is None:
        return co.issue_date
    original = replaced_original(co, ctx)
    if original is None:
        return co.replaces.issue_date
    if original.replaces is None:
        return original.issue_date
    # A chain of replacements: the related COs indexed once, so the walk is linear in them.
    by_reference: dict[tuple[str, str], Certificate] = {}
    for related in ctx.related_certificates:
        key = reference_key(related.reference_number)
        if key is not None:
            by_reference.setdefault((related.exporting_party, key), related)
    seen = {id(co), id(original)}
    current: Certificate = original
    while True:
        replaces = current.replaces
        if replaces is None:
            return current.issue_date
        wanted = reference_key(replaces.reference_number)
        earlier = by_reference.get((current.exporting_party, wanted)) if wanted is not None else None
        if earlier is None or id(earlier) in seen:
            return replaces.issue_date
        seen.add(id(earlier))
        current = earlier


def check_issuance_timing(terms: RetroactiveTerms, co: Certificate, ctx: Context) -> Result:
    """Issued by shipment or within the grace days; otherwise marked retroactive and within the months.

    A replacement is judged by the CO it replaces, where the terms say so: the
    original's issue date (from the original in the context, else as the
    replacement shows it), its date of shipment (the original's box 3, else the
    replacement's) and the 'Issued Retroactively' mark of either (a replacement
    may correct the original's form, IR 4(b)(ii), but not its date).
    """
    if co.replaces is None:
        shipped = co.transport.departure_date if co.transport is not None else None
        return _judge(terms, ctx, co.issue_date, co.issued_retroactively, shipped, {})
    replacement_terms = terms.for_replacement
    if replacement_terms is None:
        return NOT_APPLICABLE  # a replacement is issued after the loss, not at shipment
    original = replaced_original(co, ctx)
    # The first CO of the chain, when the CO replaced is itself a replacement the context holds further back.
    issued = first_issue_date(co, ctx)
    if issued is None:
        return not_evaluated("certificate.replaces.issue_date")  # the replacement rule reports the missing date
    shipped = None
    if original is not None and original.transport is not None:
        shipped = original.transport.departure_date
    if shipped is None and co.transport is not None:
        shipped = co.transport.departure_date
    marks = (co.issued_retroactively, *((original.issued_retroactively,) if original is not None else ()))
    # Either mark ticked counts; a mark the data leave out (None) is not "not ticked".
    ticked = True if True in marks else None if None in marks else False
    facts: dict[str, object] = {"original_reference": co.replaces.reference_number}
    return _judge(replacement_terms, ctx, issued, ticked, shipped, facts)


def _judge(
    terms: RetroactiveTerms,
    ctx: Context,
    issued: date,
    ticked: bool | None,
    shipped: date | None,
    extra: dict[str, object],
) -> Result:
    """The timing of a CO issued on ``issued`` for goods shipped on ``shipped``, marked retroactive or not."""
    if shipped is None:
        if ticked:
            return judged(terms.shipment_date_missing(None))
        return not_evaluated("certificate.transport.departure_date")
    try:
        grace_days = int(parameter_from_first(ctx, terms.grace_days_parameter, shipped)[0])
        max_months = int(parameter_from_first(ctx, terms.max_months_parameter, shipped)[0])
    except ParameterNotInForce as error:
        return not_evaluated(f"context.parameters[{error.name}]")
    on_time = issued <= add_days(shipped, grace_days)
    if on_time and not ticked:
        return PASSED  # the common case: nothing to report, so no facts are gathered
    facts = {
        "issue_date": issued,
        "shipment_date": shipped,
        "days_after_shipment": days_between(shipped, issued),
        "grace_days": grace_days,
        "max_months": max_months,
        **extra,
    }
    if on_time:
        return judged(terms.ticked_on_time(None, **facts))
    findings: list[Finding] = []
    if ticked is False:
        findings.append(terms.not_ticked(None, **facts))
    latest = add_months(shipped, max_months)
    if issued > latest:
        findings.append(terms.too_late(None, latest=latest, **facts))
    if ticked is None and not findings:
        # Issued late but in time for retroactive issuance; whether the box is ticked the data do not say.
        return not_evaluated("certificate.issued_retroactively")
    if not findings:
        findings.append(terms.issued_retroactively(None, **facts))
    return judged(*findings)
