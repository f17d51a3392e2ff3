"""ID MoTR 16/2024 Art 10: field verification when the COO is insufficient or doubtful.

When a non-preferential COO does not suffice to prove that the rules of
origin are met, or its data are in doubt, Indonesian customs (DGCE) may verify
in the field. roo tells the importer when that may follow: when a data
element of Article 9 is missing, when the exporter's statement is not
signed, when box 8 of an item is unreadable or does
not claim a recognised criterion, or when the consignment criteria could not
be shown. The finding is informative: it denies nothing by itself.

Source: MoT Regulation 16/2024, Art 10.
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Outcome, Severity
from ...model.certificate import Certificate
from ...rule_kit import PASSED, CertificateRule, FindingSpec, Result, passed
from . import art02_exclusion, art09_data_elements, arts03_08_consignment_criteria, arts03_08_origin_criteria
from .citations import FIELD_VERIFICATION

FIELD_VERIFICATION_POSSIBLE = FindingSpec(
    "motr-field-verification-possible",
    FIELD_VERIFICATION,
    Severity.INFO,
    "Customs may verify origin in the field: {reasons}.",
)


def check_sufficiency(co: Certificate, ctx: Context) -> Result:
    """Whether the COO's data leave room for doubt."""
    reasons: list[str] = []
    # Goods outside every safeguard measure are not held to the Regulation's requirements (Art 2(3)).
    items = [item for item in co.items if not art02_exclusion.outside_every_measure(item, ctx)]
    if art09_data_elements.check_certificate_elements(co, ctx).findings or any(
        art09_data_elements.check_item_elements(item, co, ctx).findings for item in items
    ):
        reasons.append("data elements of Article 9 are missing")
    if art09_data_elements.check_statement_signed(co, ctx).findings:
        reasons.append("the exporter's statement is not signed")
    if any(arts03_08_origin_criteria.check_origin_criterion(item, co, ctx).findings for item in items):
        reasons.append("an origin criterion is unreadable, unrecognised or unspecific")
    consignment = arts03_08_consignment_criteria.check_consignment(co, ctx)
    if consignment.outcome is Outcome.NOT_EVALUATED:
        reasons.append("the consignment criteria were not shown")
    elif consignment.findings:
        reasons.append("the consignment criteria are in doubt")
    if not reasons:
        return PASSED
    return passed(FIELD_VERIFICATION_POSSIBLE(None, reasons=tuple(reasons)))


RULES: Final = (
    CertificateRule(
        FIELD_VERIFICATION,
        "data sufficient to prove origin without field verification",
        check_sufficiency,
        (FIELD_VERIFICATION_POSSIBLE,),
    ),
)
