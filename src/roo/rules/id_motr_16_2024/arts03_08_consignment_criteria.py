"""ID MoTR 16/2024 Arts 3-8: the consignment criteria.

Goods must travel directly from the exporting country to Indonesia, or, when
they pass through another country, (a) the transit must be needed for
geographical reasons or for transport requirements, (b) the goods must not be
traded or consumed there, and (c) they must undergo nothing there but loading,
unloading and what keeps them in good condition. The importer proves a
transit with customs documents of the transit country or other related
documents.

roo reads the journey from the context (``consignment``): without it the
criteria are not evaluated. A transit with no recorded reason, or with no
answer on trading, is not denied but reported as something customs may
verify; a transit for another reason, goods traded or consumed there, a
production process there, or a transit without any proof, is an error for the
whole consignment. Operations are read as written, part by part, as for the
agreements (:func:`roo.rules.shared.consignment.read_operation`: "unloading
and reloading", "re-loading" and "Unloading/Reloading" are loading and
unloading); one known to work on the goods or change their packing or labels
(processing, repacking, relabelling, ...) is an error, and one roo does not
recognise (storage, fumigation, ...) is a warning for customs to verify. Transit countries printed in box 3 but absent from the
context's journey are reported as an inconsistency.

Source: MoT Regulation 16/2024, Arts 3-8 (see ``citations.py`` on which article roo cites).
"""

from __future__ import annotations

from typing import Final

from roo.context import Context
from roo.evaluation import Finding, Severity
from roo.model.certificate import Certificate
from roo.rules.base import PASSED, CertificateRule, FindingSpec, Result, judged, not_evaluated
from roo.rules.id_motr_16_2024.citations import CRITERIA
from roo.rules.shared import consignment as shared_consignment

#: What may happen to the goods in a transit country (c).
PERMITTED_OPERATIONS: Final = frozenset({"loading", "unloading", "reloading", "preservation"})
#: How roo reads the operations of (c): loading, unloading and what keeps the goods in good condition are
#: permitted; storage is not named by our source and is read as unrecognised (a warning), never as an error.
VOCABULARY: Final = shared_consignment.OperationVocabulary(
    permitted=PERMITTED_OPERATIONS
    | frozenset(
        """
        transit load loaded unload unloaded reload reloaded discharge discharging discharged transhipment
        transshipment transhipped transshipped preserve preserving preserved refrigeration refrigerated
        refrigerating chilling chilled frozen keeping
        """.split()
    ),
    qualifiers=shared_consignment.QUALIFIER_WORDS,
    not_permitted=shared_consignment.NOT_PERMITTED_WORDS,
)
#: Why a transit is acceptable (a).
PERMITTED_REASONS: Final = frozenset({"geographical", "transport"})

REASON_NOT_ACCEPTED = FindingSpec(
    "motr-transit-reason-not-accepted",
    CRITERIA,
    Severity.ERROR,
    "Transit through {country} was for '{reason}', not for geographical reasons or transport requirements.",
)
REASON_UNKNOWN = FindingSpec(
    "motr-transit-reason-unknown",
    CRITERIA,
    Severity.WARNING,
    "No reason is recorded for the transit through {country}; customs may ask why the goods did not travel "
    "directly.",
)
TRADED_IN_TRANSIT = FindingSpec(
    "motr-traded-in-transit",
    CRITERIA,
    Severity.ERROR,
    "The goods were traded or consumed in the transit country {country}.",
)
TRADING_UNKNOWN = FindingSpec(
    "motr-transit-trading-unknown",
    CRITERIA,
    Severity.WARNING,
    "It is not recorded whether the goods were traded or consumed in {country}; customs may verify it.",
)
OPERATION_NOT_PERMITTED = FindingSpec(
    "motr-transit-operation-not-permitted",
    CRITERIA,
    Severity.ERROR,
    "In {country} the goods underwent {operations}, beyond loading, unloading and keeping them in good condition.",
)
OPERATION_UNRECOGNISED = FindingSpec(
    "motr-transit-operation-unrecognised",
    CRITERIA,
    Severity.WARNING,
    "In {country} the goods underwent {operations}, which roo does not recognise as loading, unloading or keeping "
    "them in good condition, nor as a production process; customs may verify what was done.",
)
TRANSIT_NOT_PROVEN = FindingSpec(
    "motr-transit-not-proven",
    CRITERIA,
    Severity.ERROR,
    "The goods passed through {countries}, but no customs document of the transit country or other document "
    "proves the consignment criteria.",
)
TRANSIT_INCONSISTENT = FindingSpec(
    "motr-transit-inconsistent",
    CRITERIA,
    Severity.WARNING,
    "Box 3 shows transit through {countries}, which the recorded journey does not include.",
)


def check_consignment(co: Certificate, ctx: Context) -> Result:
    """Direct consignment, or a transit meeting (a)-(c) and proven by documents."""
    consignment = ctx.consignment
    if consignment is None:
        return not_evaluated("context.consignment")
    findings: list[Finding] = []
    journey = {stop.country for stop in consignment.transit}
    unlisted = tuple(c for c in (co.transport.transit_countries if co.transport else ()) if c not in journey)
    if unlisted:
        findings.append(TRANSIT_INCONSISTENT(None, countries=unlisted))
    if not consignment.transit:
        return judged(*findings) if findings else PASSED
    for stop in consignment.transit:
        reason = (stop.reason or "").strip().lower()
        if not reason:
            findings.append(REASON_UNKNOWN(None, country=stop.country))
        elif reason not in PERMITTED_REASONS:
            findings.append(REASON_NOT_ACCEPTED(None, country=stop.country, reason=stop.reason))
        if stop.traded_or_consumed is None:
            findings.append(TRADING_UNKNOWN(None, country=stop.country))
        elif stop.traded_or_consumed:
            findings.append(TRADED_IN_TRANSIT(None, country=stop.country))
        readings = [shared_consignment.read_operation(op, VOCABULARY) for op in stop.operations]
        extra = tuple(reading.text for reading in readings if reading.not_permitted)
        if extra:
            findings.append(OPERATION_NOT_PERMITTED(None, country=stop.country, operations=extra))
        unknown = tuple(reading.text for reading in readings if not reading.not_permitted and reading.unrecognised)
        if unknown:
            findings.append(OPERATION_UNRECOGNISED(None, country=stop.country, operations=unknown))
    if not consignment.evidence:
        findings.append(TRANSIT_NOT_PROVEN(None, countries=tuple(sorted(journey))))
    return judged(*findings)


RULES: Final = (
    CertificateRule(
        CRITERIA,
        "consignment criteria: direct, or a justified and proven transit",
        check_consignment,
        (
            REASON_NOT_ACCEPTED,
            REASON_UNKNOWN,
            TRADED_IN_TRANSIT,
            TRADING_UNKNOWN,
            OPERATION_NOT_PERMITTED,
            OPERATION_UNRECOGNISED,
            TRANSIT_NOT_PROVEN,
            TRANSIT_INCONSISTENT,
        ),
        ("context.consignment",),
    ),
)
