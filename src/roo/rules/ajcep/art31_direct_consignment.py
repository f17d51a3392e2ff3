"""AJCEP Art 31: goods must be consigned directly, or transit with only the operations the Article permits.

Preference is given to an originating good consigned directly from the
exporting Party to the importing Party. A good that passes through one or more
other Parties or non-Parties still counts as directly consigned if, there, it
undergoes no operation other than transit or temporary storage in warehouses,
unloading, reloading, and operations to preserve it in good condition. For
goods routed that way, the importing Party may require a copy of the through
bill of lading, or a certificate or other information from the customs of the
transit country or other entities (OCP Rule 3(3)).

roo reads the journey from the context (``consignment``); without it the rule
is not evaluated. It checks, for the whole CO:

* **Operations at each transit stop.** Each operation is read as written
  (:func:`roo.rules.shared.consignment.read_operation`): compound text is
  split on "and", "/" and "," (``unloading and reloading``,
  ``Unloading/Reloading``); case, spaces and hyphens do not matter
  (``trans-shipment``, ``re-loading``). Transit, temporary storage or
  warehousing (``temporary storage in bonded warehouse``, ``cold storage``),
  unloading, reloading, transhipment and preservation (``refrigeration``)
  are permitted. An operation known to work on the goods or change their
  packing or labels (processing, repacking, relabelling, labelling,
  assembly, mixing, blending, cutting, packing, ...) takes the goods out of
  direct consignment: a certificate error naming the stop and the operation.
  Processing beside a formality (``customs processing``, ``transhipment
  processing``) is the passage through customs, not work on the goods: an
  operation roo does not classify, as below.
  Any other text is an operation roo does not recognise: a ``warning``, since
  customs may verify what was done and doubt never denies. Unlike some other
  agreements, Art 31 sets no condition that the goods did not enter trade
  there or that the route had a reason, so ``traded_or_consumed`` and
  ``reason`` are not checked.
* **Evidence of the transit.** When the goods went through another country,
  the context's ``evidence`` should include ``through_bill_of_lading`` or
  ``transit_customs_certificate`` (or ``transit_certificate`` for one from
  another entity). Its absence is a ``warning``: the OCP lets customs require
  the evidence, so roo cannot tell whether it was required.
* **The route on the CO.** The transit countries printed in box 3
  (``transport.transit_countries``) should be the countries the consignment
  passed through. A difference is a ``warning``: the box may be incomplete or
  the route may have changed after issuance, and customs may verify.

**An exhibition in a transit country** (kept as a warning, after reading the
texts again). Art 31(2)(b) lists what goods may undergo in another country:
transit, temporary storage in warehouses, unloading, reloading and operations
to preserve them. It says nothing of goods shown at an exhibition there, and
no other AJCEP text roo reads does: Chapter 3 (Arts 23-37) has no exhibition
article, the Implementing Regulations none, and box 13 of the form offers only
"Third Country Invoicing", "Back-to-Back CO" and "Issued Retroactively", with
no "Exhibition" box such as other ASEAN forms have (form notes 7-9). So no
text admits exhibited goods as directly consigned, and none says that being
displayed is an "operation" the goods "undergo", which is what Art 31(2)(b)
excludes; the OCP (Annex 4), not available to roo, may settle it either way.
An exhibition, or a sale there, is therefore read as an operation roo does not
recognise: a ``warning`` naming it, for customs to decide, never a silent pass
and never a denial on a reading no sentence decides. It denies only beside an
operation the Article does exclude (``exhibition and repacking``).

A consignment marked ``direct`` with no transit stop passes (still subject to
the route check). One marked not direct with no stop listed, or with
``direct`` unknown and no stop, is not evaluated: roo does not know the route.
The check is implemented once for AJCEP and JIEPA in
:mod:`roo.rules.shared.consignment`.

Source: AJCEP Agreement, Art 31; Annex 4 (OCP), Rule 3(3); notes to the AJCEP CO form, note 2(ii).
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...rule_kit import CertificateRule, FindingSpec, Result
from ..shared import consignment

RULE: Final = "AJCEP/ART/31"
RULE_EVIDENCE: Final = "AJCEP/OCP/3(3)"

#: The operations Art 31(2)(b) permits in transit, by the spellings roo accepts (normalised).
PERMITTED_OPERATIONS: Final = consignment.PERMITTED_OPERATIONS

#: Evidence that satisfies OCP Rule 3(3), by the spellings roo accepts (normalised).
TRANSIT_EVIDENCE: Final = consignment.TRANSIT_EVIDENCE

OPERATION_NOT_PERMITTED = FindingSpec(
    "transit-operation-not-permitted",
    RULE,
    Severity.ERROR,
    "In transit through {country} the goods underwent '{operation}', which Art 31 does not permit (only "
    "transit, temporary storage, unloading, reloading and preservation); they are not consigned directly.",
)
OPERATION_UNRECOGNISED = FindingSpec(
    "transit-operation-unrecognised",
    RULE,
    Severity.WARNING,
    "In transit through {country} the goods underwent '{operation}'; roo does not recognise {unrecognised} as "
    "transit, temporary storage, unloading, reloading or preservation, nor as an operation Art 31 excludes; "
    "customs may verify what was done.",
)
EVIDENCE_MISSING = FindingSpec(
    "transit-evidence-missing",
    RULE_EVIDENCE,
    Severity.WARNING,
    consignment.EVIDENCE_MISSING_TEMPLATE,
)
ROUTE_DIFFERS = FindingSpec(
    "transit-countries-differ-from-certificate",
    RULE,
    Severity.WARNING,
    consignment.ROUTE_DIFFERS_TEMPLATE,
)


#: What the check shared with JIEPA (:mod:`roo.rules.shared.consignment`) reports under AJCEP.
TERMS: Final = consignment.ConsignmentTerms(
    OPERATION_NOT_PERMITTED, EVIDENCE_MISSING, ROUTE_DIFFERS, operation_unrecognised=OPERATION_UNRECOGNISED
)


def normalize_term(term: str) -> str:
    """A vocabulary term as roo compares it: lower case, words joined by underscores.

    >>> normalize_term("Through Bill-of-Lading")
    'through_bill_of_lading'
    """
    return consignment.normalize_term(term)


def check_direct_consignment(co: Certificate, ctx: Context) -> Result:
    """Goods consigned directly, or in transit with permitted operations only and with evidence."""
    return consignment.check_direct_consignment(TERMS, co, ctx)


RULES: Final = (
    CertificateRule(
        RULE,
        "consigned directly, or in transit with permitted operations only",
        check_direct_consignment,
        (OPERATION_NOT_PERMITTED, OPERATION_UNRECOGNISED, EVIDENCE_MISSING, ROUTE_DIFFERS),
        needs=("context.consignment",),
    ),
)
