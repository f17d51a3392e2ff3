"""Direct consignment: goods travel directly, or pass through other countries with only permitted operations.

An originating good keeps its preference when it is transported directly
from the exporting Party to the importing Party, or through other countries
where it undergoes nothing but transit or temporary storage, unloading,
reloading and operations to keep it in good condition. For goods routed
through another country the importing Party may ask for a through bill of
lading, or a certificate or other information from the transit country's
customs or other entities.

roo reads the journey from the context (``consignment``); without it the
check is not evaluated. For the whole CO it checks:

* **operations at each transit stop**: each must be one of
  :data:`PERMITTED_OPERATIONS` (case, spaces and hyphens do not matter); any
  other takes the goods out of direct consignment;
* **evidence of the transit**: one of :data:`TRANSIT_EVIDENCE` among the
  context's ``evidence``; its absence is for customs to follow up;
* **the route on the CO**: the transit countries printed in box 3 should be
  those the consignment passed through; a difference is for customs to verify.

A consignment marked ``direct`` with no transit stop passes (still subject to
the route check); one with no stop and ``direct`` false or unknown is not
evaluated, since roo does not know the route. The terms give each scheme's
findings.
"""

from __future__ import annotations

from typing import Final, final

import attrs

from roo.context import Consignment, Context
from roo.evaluation import Finding
from roo.model.certificate import Certificate
from roo.rules.base import FindingSpec, Result, judged, not_evaluated

#: The operations permitted in transit, by the spellings roo accepts (normalised).
PERMITTED_OPERATIONS: Final = {
    "transit": "transit",
    "temporary_storage": "temporary storage",
    "temporary_warehousing": "temporary storage",
    "warehousing": "temporary storage",
    "storage": "temporary storage",
    "unloading": "unloading",
    "unload": "unloading",
    "reloading": "reloading",
    "reload": "reloading",
    "transhipment": "unloading and reloading",
    "transshipment": "unloading and reloading",
    "preservation": "preservation",
    "preserve": "preservation",
    "refrigeration": "preservation",
}

#: Evidence of a transit, by the spellings roo accepts (normalised).
TRANSIT_EVIDENCE: Final = frozenset({"through_bill_of_lading", "transit_customs_certificate", "transit_certificate"})


@final
@attrs.frozen
class ConsignmentTerms:
    """A scheme's findings for an operation not permitted, missing transit evidence, and a route that differs."""

    operation_not_permitted: FindingSpec
    evidence_missing: FindingSpec
    route_differs: FindingSpec


def normalize_term(term: str) -> str:
    """A vocabulary term as roo compares it: lower case, words joined by underscores.

    >>> normalize_term("Through Bill-of-Lading")
    'through_bill_of_lading'
    """
    return "_".join(term.strip().lower().replace("-", " ").replace("/", " ").split())


def countries(codes: tuple[str, ...]) -> tuple[str, ...]:
    """Country codes upper-cased, blanks and repeats dropped, in order."""
    return tuple(dict.fromkeys(code.strip().upper() for code in codes if code.strip()))


def _route_findings(terms: ConsignmentTerms, co: Certificate, consignment: Consignment) -> list[Finding]:
    """A finding when box 3's transit countries are not those the consignment passed through."""
    printed = countries(co.transport.transit_countries) if co.transport is not None else ()
    travelled = countries(tuple(stop.country for stop in consignment.transit))
    if set(printed) == set(travelled):
        return []
    return [
        terms.route_differs(None, certificate_countries=printed or "none", consignment_countries=travelled or "none")
    ]


def check_direct_consignment(terms: ConsignmentTerms, co: Certificate, ctx: Context) -> Result:
    """Goods consigned directly, or in transit with only permitted operations and with evidence."""
    consignment = ctx.consignment
    if consignment is None:
        return not_evaluated("context.consignment")
    if not consignment.transit:
        if consignment.direct is True:
            return judged(*_route_findings(terms, co, consignment))
        field = "context.consignment.transit" if consignment.direct is False else "context.consignment.direct"
        return not_evaluated(field)
    findings: list[Finding] = []
    for stop in consignment.transit:
        for operation in stop.operations:
            if normalize_term(operation) not in PERMITTED_OPERATIONS:
                findings.append(terms.operation_not_permitted(None, country=stop.country, operation=operation))
    if not any(normalize_term(e) in TRANSIT_EVIDENCE for e in consignment.evidence):
        passed_through = countries(tuple(stop.country for stop in consignment.transit))
        findings.append(terms.evidence_missing(None, countries=passed_through, evidence=consignment.evidence or "none"))
    findings.extend(_route_findings(terms, co, consignment))
    return judged(*findings)
