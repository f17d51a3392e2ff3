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
from the issue date of the CO it replaces, and a certified true copy, which
bears the original's issue date, from that date. The original's validity is
the original's own: when the context's ``related_certificates`` hold the CO
replaced (same exporting Party and reference number), its own issue date
counts, whatever date the replacement shows for it (a replacement of a
replacement goes back to the first CO); otherwise the date the replacement
shows (``replaces.issue_date``).

**Dates outside the rules.** Validity runs *from* issuance, so a CO presented
before the date it was issued was not valid when presented: a certificate
error of its own; so is a certified true copy presented before the date it
was made (``certified_true_copy_date``), where the scheme checks it: the copy
is what is presented, and it bears the original's issue date, not its own.
And the period is a dated parameter whose first value takes
effect when the Agreement's rules for a CO first applied (its first entry into
force). A CO whose validity would count from an earlier date (issued in 2005,
or in year 1) was not issued under those rules: a certificate error, never a
check silently skipped because no period was in force on that date. A
parameter that ended, or that the context switched off, still leaves the
check not evaluated (and the evaluation incomplete).
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Final, final

import attrs

from ...context import Context
from ...dates import add_months
from ...locale import N_
from ...model.certificate import Certificate
from ...params import ParameterNotInForce
from ...rule_kit import PASSED, FindingSpec, Result, judged, not_evaluated
from .retroactive import first_issue_date

#: The message templates both schemes' validity rules use (each scheme's spec keeps its own code and citation).
PRESENTED_AFTER_VALIDITY_TEMPLATE: Final = N_(
    "The CO was presented on {presented}, after its validity ended on {valid_until} ({validity_months} months "
    "from {counted_from}, the date of issuance of {basis})."
)
PRESENTED_BEFORE_ISSUE_TEMPLATE: Final = N_(
    "The CO was presented on {presented}, before its date of issuance {issue_date}; a CO is valid only from its "
    "issuance."
)

#: :func:`roo.dates.add_months`, remembered: the same issue dates and periods come back CO after CO.
_add_months: Final = functools.lru_cache(maxsize=1024)(add_months)


@final
@attrs.frozen
class ValidityTerms:
    """A scheme's validity period (a dated parameter in months) and its finding for a CO presented too late."""

    months_parameter: str
    presented_after_validity: FindingSpec
    follows_original: bool = False
    #: A CO whose validity counts from a date before the period's first value (facts: counted_from, basis,
    #: in_force_from); None leaves such a CO not evaluated.
    issued_before_rules: FindingSpec | None = None
    #: A CO presented before its own date of issuance (facts: presented, issue_date); None: not checked.
    presented_before_issue: FindingSpec | None = None
    #: A certified true copy presented before the date it was made (facts: presented, certified_true_copy_date,
    #: issue_date); None: not checked.
    copy_presented_before_made: FindingSpec | None = None


def counted_from(terms: ValidityTerms, co: Certificate, ctx: Context) -> tuple[date, str] | Result:
    """The date validity counts from and what it is the issue date of, or the not-evaluated result."""
    if terms.follows_original and co.replaces is not None:
        issued = first_issue_date(co, ctx)  # the first CO of a chain of replacements (IR 5(a))
        if issued is None:
            return not_evaluated("certificate.replaces.issue_date")  # the replacement rule reports the missing date
        return issued, "the CO it replaces"
    if terms.follows_original and co.certified_true_copy:
        return co.issue_date, "the original CO (borne by the certified true copy)"
    return co.issue_date, "this CO"


def check_validity(terms: ValidityTerms, co: Certificate, ctx: Context) -> Result:
    """The CO is presented within its validity."""
    if ctx.on is None:
        return not_evaluated("context.on")
    if terms.presented_before_issue is not None and ctx.on < co.issue_date:
        return judged(terms.presented_before_issue(None, presented=ctx.on, issue_date=co.issue_date))
    made = co.certified_true_copy_date
    if terms.copy_presented_before_made is not None and co.certified_true_copy and made is not None and ctx.on < made:
        # The copy is what is presented, and it bears the original's issue date: its own date is when it existed.
        return judged(
            terms.copy_presented_before_made(
                None, presented=ctx.on, certified_true_copy_date=made, issue_date=co.issue_date
            )
        )
    start = counted_from(terms, co, ctx)
    if isinstance(start, Result):
        return start
    since, basis = start
    try:
        months = int(ctx.parameter(terms.months_parameter, since))
    except ParameterNotInForce as missing:
        first = missing.first_effective
        if terms.issued_before_rules is not None and first is not None and since < first:
            return judged(terms.issued_before_rules(None, counted_from=since, basis=basis, in_force_from=first))
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
