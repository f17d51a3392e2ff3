"""Which box of the certificate form each finding concerns, for the evaluation report (:mod:`roo.report`).

:data:`BOXES` are the boxes of the AJCEP form as the ASEAN Member States print
it; :data:`BOX_OF_CODE` places each finding code in its box, and :func:`box_of`
places a finding, using its facts where the code alone does not say.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, final

import attrs

from .evaluation import Finding
from .locale import N_
from .model.certificate import Certificate

__all__ = ["BOXES", "BOX_BY_NUMBER", "BOX_OF_CODE", "ITEM_BOXES", "JAPAN", "OTHER", "REFERENCE", "Box", "box_of"]

#: The key of the form's header (reference number, form name, sheet), which has no box number.
REFERENCE: Final = 0
#: The key under which findings that concern no box are listed ("Other findings").
OTHER: Final = -1


@final
@attrs.frozen
class Box:
    """A box of the form: its number (``REFERENCE`` for the header) and its printed heading (a msgid)."""

    number: int
    title: str

    @property
    def label(self) -> str:
        """``"Box 7"``, or ``"Reference No."`` for the header."""
        return "Reference No." if self.number == REFERENCE else f"Box {self.number}"


#: The boxes of the AJCEP form as the ASEAN Member States print it, in order.
BOXES: Final = (
    Box(REFERENCE, N_("Reference No., form and sheet")),
    Box(1, N_("Goods consigned from (exporter's business name, address, country)")),
    Box(2, N_("Goods consigned to (importer's / consignee's name, address, country)")),
    Box(3, N_("Means of transport and route (as far as known)")),
    Box(4, N_("For official use")),
    Box(5, N_("Item number")),
    Box(6, N_("Marks and numbers on packages")),
    Box(7, N_("Number and type of packages, description of goods, HS code of the importing Party")),
    Box(8, N_("Origin criterion")),
    Box(9, N_("Gross weight or other quantity, and value (FOB)")),
    Box(10, N_("Number and date of invoices")),
    Box(11, N_("Declaration by the exporter")),
    Box(12, N_("Certification")),
    Box(13, N_("Third country invoicing, back-to-back CO, issued retroactively")),
)
BOX_BY_NUMBER: Final[Mapping[int, Box]] = MappingProxyType({box.number: box for box in BOXES})
#: The boxes filled in once per item.
ITEM_BOXES: Final = (5, 6, 7, 8, 9, 10)

#: The box each finding code concerns. Codes not listed here are placed by :func:`box_of` from their facts
#: (the box an alteration was made in, the Art 9 data element, the e-CO field) or listed under "Other findings".
BOX_OF_CODE: Final[Mapping[str, int]] = MappingProxyType(
    {
        # Reference number, sheet, medium (the form's header).
        "reference-number-missing": REFERENCE,
        "not-original": REFERENCE,
        "copy-not-indicated": REFERENCE,
        "paper-co-after-eco-only": REFERENCE,
        "eco-before-exchange": REFERENCE,
        "eco-data-copy-missing": REFERENCE,
        # Box 1: the exporter.
        "declared-exporter-differs": 1,
        "exporter-missing": 1,
        "consignee-missing": 2,
        "exporting-party-not-a-party": 1,
        "importing-party-not-a-party": 2,
        "exporting-party-is-importing-party": 2,
        "motr-importing-party-not-indonesia": 2,
        "declared-exporter-differs-slightly": 1,
        # Box 3: transport and route.
        "retroactive-shipment-date-missing": 3,
        "transit-countries-differ-from-certificate": 3,
        "transit-evidence-missing": 3,
        "transit-operation-not-permitted": 3,
        "transit-operation-unrecognised": 3,
        "in-transit-co-not-retroactive": 3,
        "in-transit-co-not-retroactive-unverified": 3,
        "motr-traded-in-transit": 3,
        "motr-transit-inconsistent": 3,
        "motr-transit-not-proven": 3,
        "motr-transit-operation-not-permitted": 3,
        "motr-transit-operation-unrecognised": 3,
        "motr-transit-reason-not-accepted": 3,
        "motr-transit-reason-unknown": 3,
        "motr-transit-reason-unrecognised": 3,
        "motr-transit-reason-mixed": 3,
        "motr-consignment-departs-after-import": 3,
        "motr-transit-trading-unknown": 3,
        # Box 4: for official use in the importing Party (presentation, waiver, the agreement in force).
        "motr-coo-issued-after-import": 4,
        "motr-preferential-co-verified-under-agreement": 4,
        # MoTR 16/2024 Art 2(3): whether a safeguard measure covers the goods (by their HS code) and excludes them.
        "motr-country-not-excluded": 7,
        "motr-goods-outside-safeguard-measures": 7,
        "motr-safeguard-scope-uncertain": 7,
        "motr-hs-code-not-comparable": 7,
        "co-presented-after-validity": 4,
        "co-presented-before-issue": 4,
        "co-issued-before-agreement": 4,
        "co-waived": 4,
        "ajcep-not-in-force-on-import": 4,
        "ajcep-not-in-force-on-import-unverified": 4,
        "ajcep-not-in-force-for-exporting-party": 4,
        "ajcep-not-in-force-for-exporting-party-unverified": 4,
        "ajcep-not-in-force-for-exporting-party-on-import": 4,
        "ajcep-replaced-co-not-in-force-for-exporting-party": 4,
        "ajcep-replaced-co-not-in-force-for-exporting-party-unverified": 4,
        "jiepa-issued-before-entry-into-force": 4,
        "motr-16-2024-not-in-force": 4,
        "motr-field-verification-possible": 4,
        # Box 5: the item number (of this CO, or of the original a back-to-back item draws from).
        "back-to-back-original-item-not-found": 5,
        "eco-drawdown-unknown-item": 5,
        "declared-item-not-on-certificate": 5,
        # Box 7: packages, description and HS code.
        "description-missing": 7,
        "description-not-substantially-identical": 7,
        "description-differs-slightly": 7,
        "hs-code-not-six-digits": 7,
        "hs-code-national-digits": 7,
        "declared-hs-subheading-differs": 7,
        "declared-hs-subheading-differs-across-editions": 7,
        "hs-conversion-not-verified": 7,
        "hs-conversion-not-correlated": 7,
        "hs-conversion-ambiguous": 7,
        "hs-conversion-unchecked": 7,
        "hs-edition-accepted-transitional": 7,
        "hs-edition-back-to-back-not-allowed": 7,
        "hs-edition-retroactive-not-amended": 7,
        "hs-edition-retroactive-old-accepted": 7,
        "hs-edition-superseded": 7,
        "hs-edition-back-to-back-not-allowed-unverified": 7,
        "hs-edition-retroactive-not-amended-unverified": 7,
        "hs-edition-superseded-unverified": 7,
        "third-country-invoicer-missing": 7,
        "third-country-invoicer-address-missing": 7,
        "third-country-invoicer-outside-its-box": 7,
        # Box 8: the origin criterion, with DMI and ACU.
        "origin-criterion-unreadable": 8,
        "origin-criterion-partly-unrecognised": 8,
        "rvc-below-general-rule": 8,
        "rvc-below-product-specific-rule": 8,
        "rvc-partly-read-below-threshold": 8,
        "de-minimis-without-ctc": 8,
        "accumulation-document-reference-missing": 8,
        "accumulation-evidence-not-provided": 8,
        "accumulation-material-co-not-from-party": 8,
        "accumulation-material-co-party-missing": 8,
        "accumulation-material-co-retroactive": 8,
        "accumulation-other-document": 8,
        "motr-accumulation-not-recognised": 8,
        "motr-change-not-specified": 8,
        "motr-de-minimis-not-provided": 8,
        "motr-origin-criterion-not-recognised": 8,
        "motr-origin-criterion-unreadable": 8,
        "motr-origin-criterion-partly-unrecognised": 8,
        # Box 9: quantity and FOB value.
        "declared-quantity-below-certificate": 9,
        "declared-quantity-differs-slightly": 9,
        "declared-quantity-exceeds-certificate": 9,
        "declared-quantity-exceeds-certificate-unverified": 9,
        "item-quantity-missing": 9,
        "declared-quantity-matches-gross-weight": 9,
        "declared-quantity-unit-differs": 9,
        "back-to-back-partial-quantity-missing": 9,
        "back-to-back-partial-value-missing": 9,
        "back-to-back-quantity-exceeds-original": 9,
        "back-to-back-quantity-exceeds-original-same-day": 9,
        "back-to-back-quantity-unit-mismatch": 9,
        "eco-quantity-exceeded": 9,
        "eco-item-without-quantity": 9,
        "eco-drawdown-unit-mismatch": 9,
        # Box 10: invoices.
        "invoice-missing": 10,
        "invoice-date-missing": 10,
        "several-invoices": 10,
        # Box 11: the exporter's declaration.
        "exporter-declaration-missing": 11,
        "exporter-declaration-unsigned": 11,
        "motr-exporter-statement-unsigned": 11,
        # Box 12: certification; a replacement's and a certified true copy's particulars go here too (AJCEP IR 5).
        "certification-unsigned": 12,
        "certification-not-stamped": 12,
        "certification-signatory-missing": 12,
        "replacement-original-date-missing": 12,
        "replacement-original-reference-missing": 12,
        "replacement-predates-original": 12,
        "replacement-original-date-differs": 12,
        "replacement-reference-not-new": 12,
        "certified-true-copy-before-issue": 12,
        "certified-true-copy-date-missing": 12,
        "certified-true-copy-date-without-endorsement": 12,
        "certified-true-copy-issue-date-differs": 12,
        "certified-true-copy-too-late": 12,
        "certified-true-copy-presented-before-made": 12,
        "replaced-co-presented": 12,
        "replaced-co-presented-before-replacement": 12,
        # Box 13: the tick boxes.
        "third-country-invoicing-not-indicated": 13,
        "back-to-back-box-not-ticked": 13,
        "back-to-back-original-missing": 13,
        "back-to-back-original-expired": 13,
        "back-to-back-original-replaced": 13,
        "back-to-back-original-replaced-same-day": 13,
        "back-to-back-original-replaced-later": 13,
        "back-to-back-original-details-differ": 13,
        "back-to-back-issuer-not-intermediate": 13,
        "back-to-back-original-before-entry-into-force": 13,
        "back-to-back-original-before-entry-into-force-unverified": 13,
        "back-to-back-original-replaces-co-before-entry-into-force": 13,
        "back-to-back-original-replaces-co-before-entry-into-force-unverified": 13,
        "back-to-back-original-is-itself": 13,
        "back-to-back-original-issued-later": 13,
        "back-to-back-original-not-ajcep": 13,
        "back-to-back-original-not-from-a-party": 13,
        "retroactive-box-not-ticked": 13,
        "retroactive-box-ticked-on-time": 13,
        "retroactive-issuance-too-late": 13,
        "issued-retroactively": 13,
        "replaced-original-issued-retroactively": 13,
        "replaced-original-issued-too-late": 13,
        "replaced-original-retroactive-box-not-ticked": 13,
        "replaced-original-retroactive-box-ticked-on-time": 13,
        # Checking box 8 against the good's bill of materials.
        "box8-bill-for-other-good": 8,
        "box8-criterion-not-supported": 8,
        "box8-flag-missing": 8,
        "box8-flag-unneeded": 8,
        "box8-not-determinable": 8,
        "box8-not-originating": 8,
        # JIEPA codes without an AJCEP twin (a twin, "jiepa-" + an AJCEP code, goes where the AJCEP code goes).
        "jiepa-accumulation-not-bilateral": 8,
        "jiepa-transit-traded-or-consumed": 3,
        "jiepa-imported-before-entry-into-force": 4,
        "jiepa-de-minimis-without-rule": 8,
        "jiepa-co-drawn-by-earlier-declarations": 4,
        "jiepa-replacement-beyond-original-validity": 12,
        "jiepa-third-country-invoicing-allowed": 13,
        "jiepa-hs-edition-superseded-without-psr": 7,
        "jiepa-hs-edition-retroactive-not-amended-without-psr": 7,
        # Codes added later, each in the box its facts concern.
        "eco-data-copy-missing-before-full-operation": REFERENCE,
        "eco-element-taken-from-copy": REFERENCE,
        "eco-data-copy-of-another-e-co": REFERENCE,
        "eco-copy-value-does-not-deny": REFERENCE,
        "eco-issued-before-exchange": REFERENCE,
        "jiepa-co-sheet-not-original": REFERENCE,
        "jiepa-eco-certification-not-marked-signed": 12,
    }
)
#: The prefix of a scheme's code whose rest is the AJCEP code for the same defect.
_TWIN_PREFIXES: Final = ("jiepa-",)

#: Findings about an alteration name the box altered in their ``box`` fact.
_ALTERATION_CODES: Final = frozenset(
    {
        "alteration-by-erasure",
        "alteration-by-superimposition",
        "strike-out-not-approved",
        "strike-out-not-certified",
        "jiepa-alteration-not-authenticated",
    }
)
#: MoTR 16/2024 Art 9 data elements (the ``element`` fact) and the box of the AJCEP form that holds each.
_MOTR_ELEMENT_BOX: Final[Mapping[str, int]] = MappingProxyType(
    {"a": 1, "b": 2, "c": 1, "d": 7, "e": REFERENCE, "f": 8, "g": 11, "h": 12, "i": 3, "j": 9}
)
_MOTR_ELEMENT_CODES: Final = frozenset({"motr-data-element-missing", "motr-item-data-element-missing"})
#: The first field of an e-CO discrepancy's ``path`` (after ``items[n].``) and its box.
_FIELD_BOX: Final[Mapping[str, int]] = MappingProxyType(
    {
        "scheme": REFERENCE,
        "reference_number": REFERENCE,
        "medium": REFERENCE,
        "copy": REFERENCE,
        "exporting_party": REFERENCE,
        "importing_party": REFERENCE,
        "issue_date": 12,
        "exporter": 1,
        "producer": 1,
        "consignee": 2,
        "transport": 3,
        "number": 5,
        "original_item": 5,
        "marks": 6,
        "packages": 7,
        "description": 7,
        "hs_code": 7,
        "hs_version": 7,
        "origin_criterion": 8,
        "quantity": 9,
        "gross_weight": 9,
        "fob_value": 9,
        "invoice": 10,
        "exporter_declaration": 11,
        "certification": 12,
        "certified_true_copy": 12,
        "certified_true_copy_date": 12,
        "replaces": 12,
        "third_country_invoicing": 13,
        "third_country_invoicer": 7,
        "back_to_back": 13,
        "original_certificate": 13,
        "issued_retroactively": 13,
    }
)
_ECO_CODES: Final = frozenset({"eco-copy-discrepancy-material", "eco-copy-discrepancy-minor"})
_FIELD: Final = re.compile(r"^(?:\$\.?)?(?:items\[[^\]]*\]\.?)?([a-z_]+)")

#: The party whose CO is on Japan's form, which numbers its boxes differently from the ASEAN form.
JAPAN: Final = "JP"


def box_of(finding: Finding, co: Certificate | None = None) -> int:
    """The box of the form ``finding`` concerns, ``REFERENCE`` for the header, or ``OTHER``.

    An alteration's box is taken from the finding when the CO is on the ASEAN form (whose numbering
    the report follows); on Japan's form it is listed under "Other findings" with its own number.
    A JIEPA code that is ``jiepa-`` and an AJCEP code (``jiepa-invoice-missing``) goes where the AJCEP
    code goes.
    """
    facts = finding.facts
    if finding.code in _ALTERATION_CODES:
        box = facts.get("box")
        on_asean_form = co is None or co.exporting_party != JAPAN
        if on_asean_form and isinstance(box, int) and not isinstance(box, bool) and box in BOX_BY_NUMBER and box > 0:
            return box
        return OTHER
    if finding.code in _MOTR_ELEMENT_CODES:
        element = facts.get("element")
        return _MOTR_ELEMENT_BOX.get(element, OTHER) if isinstance(element, str) else OTHER
    if finding.code in _ECO_CODES:
        path = facts.get("path")
        match = _FIELD.match(path) if isinstance(path, str) else None
        return _FIELD_BOX.get(match.group(1), OTHER) if match else OTHER
    box = BOX_OF_CODE.get(finding.code)
    if box is None:
        twin = next((finding.code[len(p) :] for p in _TWIN_PREFIXES if finding.code.startswith(p)), None)
        box = BOX_OF_CODE.get(twin, OTHER) if twin else OTHER
    return box
