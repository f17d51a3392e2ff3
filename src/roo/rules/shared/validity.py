"""Validity of the CO: presented within a number of months from its issuance.

A CO is valid for a period counted from its date of issuance and must be
presented to the importing customs within it; presented later, it is rejected
as a whole (a certificate-level finding). roo counts the period as
:mod:`roo.dates` does: a CO issued on 5 March 2024 with twelve months'
validity is accepted on 5 March 2025 and not on 6 March 2025; one issued on
29 February 2024 is accepted until 28 February 2025. The period is the dated
parameter the terms name, read as in force on the date it counts from.

A scheme whose replacement COs and certified true copies keep the original's
validity (AJCEP IR 5) sets ``follows_original``: a replacement is then valid
from the issue date of the CO it replaces (``replaces.issue_date``), and a
certified true copy, which bears the original's issue date, from that date.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Final, final

import attrs

from roo.context import Context
from roo.dates import add_months
from roo.model.certificate import Certificate
from roo.params import ParameterNotInForce
from roo.rules.base import PASSED, FindingSpec, Result, judged, not_evaluated

#: :func:`roo.dates.add_months`, remembered: the same issue dates and periods come back CO after CO.
_add_months: Final = functools.lru_cache(maxsize=1024)(add_months)


@final
@attrs.frozen
class ValidityTerms:
    """A scheme's validity period (a dated parameter in months) and its finding for a CO presented too late."""

    months_parameter: str
    presented_after_validity: FindingSpec
    follows_original: bool = False


def counted_from(terms: ValidityTerms, co: Certificate) -> tuple[date, str] | Result:
    """The date validity counts from and what it is the issue date of, or the not-evaluated result."""
    if terms.follows_original and co.replaces is not None:
        if co.replaces.issue_date is None:
            return not_evaluated("certificate.replaces.issue_date")  # the replacement rule reports the missing date
        return co.replaces.issue_date, "the CO it replaces"
    if terms.follows_original and co.certified_true_copy:
        return co.issue_date, "the original CO (borne by the certified true copy)"
    return co.issue_date, "this CO"


def check_validity(terms: ValidityTerms, co: Certificate, ctx: Context) -> Result:
    """The CO is presented within its validity."""
    if ctx.on is None:
        return not_evaluated("context.on")
    start = counted_from(terms, co)
    if isinstance(start, Result):
        return start
    since, basis = start
    try:
        months = int(ctx.parameter(terms.months_parameter, since))
    except ParameterNotInForce:
        return not_evaluated(f"context.parameters[{terms.months_parameter}]")
    last_day = _add_months(since, months)
    if ctx.on <= last_day:
        return PASSED
    return judged(
        terms.presented_after_validity(
            None,
            presented=ctx.on,
            valid_until=last_day,
            validity_months=months,
            counted_from=since,
            basis=basis,
        )
    )
