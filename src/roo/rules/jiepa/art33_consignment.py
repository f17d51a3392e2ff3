"""JIEPA Art 33: consignment criteria — transported directly, or through non-Parties with only permitted operations.

An originating good of the other Party meets the consignment criteria when
it is transported directly from that Party, or through one or more
non-Parties for transit or temporary storage in warehouses there, undergoing
nothing but unloading, reloading and operations to preserve it in good
condition (Art 33(1)). A good that does not meet them is not an originating
good (Art 33(2)), so a failure is a certificate-level error: the goods of a
consignment travel together. For goods imported through non-Parties the
importing Party may ask for a copy of the through bill of lading, or a
certificate or other information from the non-Parties' customs or other
entities (Art 40(3)).

roo checks it as it does for AJCEP Art 31 (the check is shared,
:mod:`roo.rules.shared.consignment`), from the context's ``consignment``:
each operation at a transit stop is read part by part (``unloading and
reloading``, ``trans-shipment``, ``temporary storage in bonded warehouse``):
transit, temporary storage, unloading, reloading and preservation pass; an
operation known to work on the goods or change their packing or labels
(processing, repacking, relabelling, ...) is an error, but processing beside a
formality (``customs processing``) is the passage through customs, not work on
the goods; any other text is an
operation roo does not recognise, a warning for customs to verify; missing transit
evidence is a warning (customs *may* ask for it); transit countries on the CO
that differ from the journey are a warning. Without the journey the rule is
not evaluated.

Art 33(1)(b) admits passage through a non-Party *for the purpose of transit or
temporary storage in warehouses*. A journey that records the goods as traded
or consumed at a stop says something other than passing through; the record
joins trading (goods sold while stored may still only pass through) with
consumption (which they cannot), so roo warns for customs to verify rather
than deny. A stop that does not say is read as nothing: JIEPA, unlike MoTR
16/2024, does not make the absence of trading a condition of its own.

What was *done* at a stop is another matter: Art 33(1)(b) admits the passage
"provided that" the goods undergo nothing but unloading, reloading and
preservation, a condition the data must show. A stop whose operations the data
leave out is not stated, not "nothing done": the check is not evaluated,
naming ``context.consignment.transit.operations`` (its warnings, and an
operation not permitted at another stop, are still reported); a stop whose
operations are stated empty passes (:mod:`roo.rules.shared.consignment`).

Source: JIEPA Agreement Art 33; Art 40(3).
"""

from __future__ import annotations

from typing import Final

import attrs

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...rule_kit import CertificateRule, FindingSpec, Result
from ..shared import consignment

RULE: Final = "JIEPA/ART/33(1)"
RULE_EVIDENCE: Final = "JIEPA/ART/40(3)"

OPERATION_NOT_PERMITTED = FindingSpec(
    "jiepa-transit-operation-not-permitted",
    RULE,
    Severity.ERROR,
    "In transit through {country} the goods underwent '{operation}', which Art 33 does not permit (only transit "
    "or temporary storage, unloading, reloading and preservation); they do not meet the consignment criteria.",
)
OPERATION_UNRECOGNISED = FindingSpec(
    "jiepa-transit-operation-unrecognised",
    RULE,
    Severity.WARNING,
    "In transit through {country} the goods underwent '{operation}'; roo does not recognise {unrecognised} as "
    "transit, temporary storage, unloading, reloading or preservation, nor as an operation Art 33 excludes; "
    "customs may verify what was done.",
)
TRADED_OR_CONSUMED = FindingSpec(
    "jiepa-transit-traded-or-consumed",
    RULE,
    Severity.WARNING,
    "The goods were traded or consumed in {country}; Art 33 admits passage through a non-Party for transit or "
    "temporary storage in warehouses, so customs may verify that the goods only passed through.",
)
EVIDENCE_MISSING = FindingSpec(
    "jiepa-transit-evidence-missing", RULE_EVIDENCE, Severity.WARNING, consignment.EVIDENCE_MISSING_TEMPLATE
)
ROUTE_DIFFERS = FindingSpec(
    "jiepa-transit-countries-differ-from-certificate", RULE, Severity.WARNING, consignment.ROUTE_DIFFERS_TEMPLATE
)

#: What the check shared with AJCEP (:mod:`roo.rules.shared.consignment`) reports under JIEPA.
TERMS: Final = consignment.ConsignmentTerms(
    OPERATION_NOT_PERMITTED, EVIDENCE_MISSING, ROUTE_DIFFERS, operation_unrecognised=OPERATION_UNRECOGNISED
)


def check_consignment(co: Certificate, ctx: Context) -> Result:
    """Transported directly, or through non-Parties with permitted operations only and with evidence."""
    result = consignment.check_direct_consignment(TERMS, co, ctx)
    journey = ctx.consignment
    if journey is None:
        return result
    purpose = [TRADED_OR_CONSUMED(None, country=stop.country) for stop in journey.transit if stop.traded_or_consumed]
    if not purpose:
        return result
    return attrs.evolve(result, findings=(*result.findings, *purpose))


RULES: Final = (
    CertificateRule(
        RULE,
        "consigned directly, or in transit with permitted operations only",
        check_consignment,
        (OPERATION_NOT_PERMITTED, OPERATION_UNRECOGNISED, EVIDENCE_MISSING, ROUTE_DIFFERS, TRADED_OR_CONSUMED),
        needs=("context.consignment",),
    ),
)
