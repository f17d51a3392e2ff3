"""JIEPA e-CO arrangement §4(c): the e-CO and the copy of its data during the pilot.

From 1 May 2023 Indonesia's issuing body could issue e-COs that Japan
Customs receive in NACCS. From 1 to 31 May 2023 an importer claiming
preference with an e-CO had to present, with it, a copy of the e-CO data
downloaded from the issuing body's system; from 26 June 2023 the e-CO alone
suffices (in the weeks between, Japan Customs could already accept the e-CO
alone after its review). The e-CO is the basis for preference: where it has
minor defects — a data element lacking, or a discrepancy with the copy —
customs may check its validity by referring to the copy (a warning); where
the two disagree on what decides preference, the e-CO's content is in doubt
(an error on the item concerned, or on the certificate).

The phase dates are dated parameters (``jiepa.eco.*``). The arrangement is
between Indonesia's issuing body and Japan Customs, so these checks apply to
e-COs exported from Indonesia to Japan; paper COs stay acceptable within their
own rules.

Source: the arrangement between Indonesia's Ministry of Trade and Japan Customs on the
JIEPA e-CO pilot (2023), §3, §4(b)-(c), §5.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from roo.context import Context
from roo.eco.compare import Materiality, compare
from roo.evaluation import Finding, Severity
from roo.model.certificate import Certificate, Medium
from roo.rules.base import NOT_APPLICABLE, PASSED, CertificateRule, FindingSpec, Result, failed, judged, not_evaluated
from roo.rules.shared.dated import parameter_from_first

RULE: Final = "JIEPA/ECO/4(c)"
PILOT_START: Final = "jiepa.eco.pilot_start"
COPY_REQUIRED_UNTIL: Final = "jiepa.eco.copy_required_until"

COPY_MISSING = FindingSpec(
    "eco-data-copy-missing",
    RULE,
    Severity.ERROR,
    "The e-CO was presented on {on} without the copy of its data downloaded from the issuing body's system, "
    "which importers had to present with it from {from_date} to {until}.",
)
BEFORE_EXCHANGE = FindingSpec(
    "eco-before-exchange",
    "JIEPA/ECO/3",
    Severity.ERROR,
    "The e-CO was presented on {on}, before Japan Customs began receiving Indonesian e-COs on {start}; "
    "a CO on paper was needed.",
)
DISCREPANCY_MINOR = FindingSpec(
    "eco-copy-discrepancy-minor",
    RULE,
    Severity.WARNING,
    "The e-CO and the copy of its data differ at {path} ({eco} / {copy}); customs may check the e-CO by "
    "referring to the copy.",
)
DISCREPANCY_MATERIAL = FindingSpec(
    "eco-copy-discrepancy-material",
    RULE,
    Severity.ERROR,
    "The e-CO and the copy of its data disagree at {path} ({eco} / {copy}).",
)


def _applies(co: Certificate) -> bool:
    return co.medium is Medium.ELECTRONIC and co.exporting_party == "ID" and co.importing_party == "JP"


def check_copy_presented(co: Certificate, ctx: Context) -> Result:
    """During the pilot's first month, the e-CO comes with the copy of its data."""
    if not _applies(co):
        return NOT_APPLICABLE
    if ctx.on is None:
        return not_evaluated("context.on")
    # The phase parameters take effect on the pilot's first day: before it there was no exchange.
    start, _ = parameter_from_first(ctx, PILOT_START, ctx.on)
    if ctx.on < start:
        return failed(BEFORE_EXCHANGE(None, on=ctx.on, start=start))
    until: date = ctx.parameter(COPY_REQUIRED_UNTIL, ctx.on)
    if ctx.on <= until and ctx.eco_data_copy is None:
        return failed(COPY_MISSING(None, on=ctx.on, from_date=start, until=until))
    return PASSED


def check_copy_agrees(co: Certificate, ctx: Context) -> Result:
    """The e-CO and the copy of its data agree; minor differences are for customs to check."""
    if not _applies(co) or ctx.eco_data_copy is None:
        return NOT_APPLICABLE
    findings: list[Finding] = []
    for discrepancy in compare(co, ctx.eco_data_copy):
        spec = DISCREPANCY_MATERIAL if discrepancy.materiality is Materiality.MATERIAL else DISCREPANCY_MINOR
        findings.append(
            spec(
                discrepancy.item if discrepancy.item is not None and co.item(discrepancy.item) else None,
                path=discrepancy.path,
                eco=_show(discrepancy.eco_value),
                copy=_show(discrepancy.copy_value),
            )
        )
    return judged(*findings)


def _show(value: object) -> str:
    return "missing" if value is None else repr(value)


RULES: Final = (
    CertificateRule(
        RULE,
        "e-CO presented with the copy of its data during the pilot",
        check_copy_presented,
        (COPY_MISSING, BEFORE_EXCHANGE),
        ("context.on", "context.eco_data_copy"),
    ),
    CertificateRule(
        RULE,
        "e-CO agrees with the copy of its data",
        check_copy_agrees,
        (DISCREPANCY_MINOR, DISCREPANCY_MATERIAL),
        ("context.eco_data_copy",),
    ),
)
