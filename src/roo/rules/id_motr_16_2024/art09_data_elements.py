"""ID MoTR 16/2024 Art 9: the data a non-preferential COO must carry.

A non-preferential COO enclosed with an import must show at least: (a) the
exporter's name and address; (b) the importer's name and address; (c) the
manufacturer's name; (d) the HS code; (e) the COO number; (f) the origin
criteria; (g) a statement by the exporter, or by the producer and exporter;
(h) certification by the issuing agency; (i) details identifying the
consignment — invoice number, date of departure, vessel name or flight
number, and port of unloading; (j) the quantity of the goods.

roo reads (a)-(c), (e), (g), (h) and the transport details of (i) from the
certificate as a whole: a missing element there is a certificate-level error.
(d), (f), the invoice number of (i) and (j) belong to each item: a missing
element there denies that item only; the invoice number identifies the
consignment, so an item printed without it on a COO that shows a single
invoice number is taken to share that invoice. Data that do not say whether
the statement or the certification is signed (``signed`` left out), or that
leave the statement or the certification out altogether, leave the check not
evaluated rather than count the element as missing: absent data are not an
unsigned statement. An origin
criterion that is present but not one the regulation recognises is a matter
for the origin criteria rule, not this one. (j) asks for the quantity of the
goods and names no unit: a gross weight is a quantity, so an item that shows
its gross weight but no other quantity has element (j), as box 9 of the
AJCEP form reads "gross weight or other quantity".

**Why a missing element denies here, while the same empty box warns under
the Agreements.** Art 9 is the Regulation's own list of what the COO enclosed
with every import must contain, at least: a COO without one of its elements
is not the document the Regulation asks for. AJCEP has no such list on the
importing side for the exporter, the consignee, the quantity or the invoice
(IR 2 is the issuing authority's duty; form note 6 says the invoice "should"
be shown), so there those empty boxes warn (``exporter-missing``,
``consignee-missing``, ``item-quantity-missing``, ``invoice-missing``); where
an AJCEP Rule does say "is to be" or "will" (the reference number, IR 3(c);
the exporter's declaration, IR 3(e)) it denies as here. Under JIEPA the list
is Annex 3, which roo has not read, so the same gaps warn.

Source: MoT Regulation 16/2024, Art 9 (as summarised in the Indonesian law-firm note "Updated Regulations on Rules
and Certificate of Origin for Imported Goods in Trade Safeguard Measures").
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Finding, Severity
from ...model.certificate import Certificate, Item, Party
from ...rule_kit import PASSED, CertificateRule, FindingSpec, ItemRule, Result, judged, not_evaluated
from ..shared import form
from ..shared.form import blank
from .citations import DATA_ELEMENTS

CERTIFICATE_ELEMENT_MISSING = FindingSpec(
    "motr-data-element-missing",
    DATA_ELEMENTS,
    Severity.ERROR,
    "The COO lacks data element ({element}) of Article 9: {what}.",
)
STATEMENT_UNSIGNED = FindingSpec(
    "motr-exporter-statement-unsigned",
    DATA_ELEMENTS,
    Severity.WARNING,
    "The exporter's statement on the COO is completed but not signed. Article 9 (g) asks for a statement by the "
    "exporter, or by the producer and exporter, and says nothing of its signature, so this does not deny the "
    "goods; customs may verify the statement in the field (Article 10).",
)
ITEM_ELEMENT_MISSING = FindingSpec(
    "motr-item-data-element-missing",
    DATA_ELEMENTS,
    Severity.ERROR,
    "The COO lacks data element ({element}) of Article 9 for this item: {what}.",
)


def _party_lacks(party: Party | None, with_address: bool) -> bool:
    return party is None or blank(party.name) or (with_address and blank(party.address))


def check_certificate_elements(co: Certificate, ctx: Context) -> Result:
    """Elements (a), (b), (c), (e), (g), (h) and the transport part of (i)."""
    missing: list[tuple[str, str]] = []
    if _party_lacks(co.exporter, with_address=True):
        missing.append(("a", "the exporter's name and address"))
    if _party_lacks(co.consignee, with_address=True):
        missing.append(("b", "the importer's name and address"))
    if _party_lacks(co.producer, with_address=False):
        missing.append(("c", "the manufacturer's name"))
    if blank(co.reference_number):
        missing.append(("e", "the COO number"))
    needed: list[str] = []
    declaration = co.exporter_declaration
    if declaration is None:
        needed.append(form.EXPORTER_DECLARATION)  # left out of the data: not stated, not a missing element
    elif declaration.signed is False and blank(declaration.place) and declaration.date is None:
        missing.append(("g", "a statement by the exporter, or the producer and exporter"))  # the box holds nothing
    elif declaration.signed is None:
        needed.append("certificate.exporter_declaration.signed")
    certification = co.certification
    if certification is None:
        needed.append(form.CERTIFICATION)
    elif certification.signed is False or blank(certification.authority):
        missing.append(("h", "certification by the issuing agency"))
    elif certification.signed is None:
        needed.append("certificate.certification.signed")
    transport = co.transport
    if transport is None or transport.departure_date is None:
        missing.append(("i", "the date of departure"))
    if transport is None or blank(transport.vessel_or_flight):
        missing.append(("i", "the name of the ship or the flight number"))
    if transport is None or blank(transport.port_of_discharge):
        missing.append(("i", "the port of unloading"))
    findings: list[Finding] = [CERTIFICATE_ELEMENT_MISSING(None, element=e, what=w) for e, w in missing]
    if needed and not findings:
        return not_evaluated(*needed)
    return judged(*findings)


def check_statement_signed(co: Certificate, ctx: Context) -> Result:
    """(g): a statement the exporter made but did not sign is a doubt for customs, not a missing element."""
    declaration = co.exporter_declaration
    if declaration is None or declaration.signed is not False:
        return PASSED  # left out or not stated: the data elements rule names what it needs
    if blank(declaration.place) and declaration.date is None:
        return PASSED  # nothing in the box: element (g) is missing, the data elements rule's error
    return judged(STATEMENT_UNSIGNED(None))


def check_item_elements(item: Item, co: Certificate, ctx: Context) -> Result:
    """Elements (d), (f), the invoice number of (i), and (j) for one item."""
    missing: list[tuple[str, str]] = []
    if blank(item.hs_code):
        missing.append(("d", "the HS code"))
    if blank(item.origin_criterion.text):
        missing.append(("f", "the origin criterion"))
    if (item.invoice is None or blank(item.invoice.number)) and len(form.invoice_numbers(co)) != 1:
        missing.append(("i", "the invoice number"))  # beside the COO's single invoice, the item shares it
    if item.quantity is None and item.gross_weight is None:
        missing.append(("j", "the quantity of the goods"))  # a gross weight is a quantity of the goods
    return judged(*(ITEM_ELEMENT_MISSING(item.number, element=e, what=w) for e, w in missing))


def every_item_complete(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_item_elements`: ``PASSED`` when every item shows all four of its elements."""
    for item in co.items:
        invoice = item.invoice
        if (
            (item.quantity is None and item.gross_weight is None)
            or invoice is None
            or blank(invoice.number)
            or blank(item.hs_code)
            or blank(item.origin_criterion.text)
        ):
            return None
    return PASSED


#: The statement of (g) completed but unsigned: a warning of its own, beside the data elements of the COO.
STATEMENT_RULE: Final = CertificateRule(
    DATA_ELEMENTS, "statement by the exporter signed", check_statement_signed, (STATEMENT_UNSIGNED,)
)

RULES: Final = (
    CertificateRule(
        DATA_ELEMENTS,
        "data elements (a)-(c), (e), (g), (h), (i) of the COO",
        check_certificate_elements,
        (CERTIFICATE_ELEMENT_MISSING,),
    ),
    ItemRule(
        DATA_ELEMENTS,
        "data elements (d), (f), (i), (j) of each item",
        check_item_elements,
        (ITEM_ELEMENT_MISSING,),
        precheck=every_item_complete,
    ),
)
