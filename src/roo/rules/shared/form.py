"""Form of the CO: reference number, certification, exporter's declaration, third-country invoice, invoice per item.

What both AJCEP and JIEPA ask of the form, checked one way for both:

* the CO bears a reference number;
* the issuing authority's certification is signed (an autographed or
  electronically printed signature: roo reads ``signed`` as either) and
  names its authorised signatory; the signature is what counts, so a
  signatory whose name is not printed is only noted;
* a signed paper certification bears the issuing authority's stamp, which
  customs compare with the specimens the Parties exchange (a stamp the data
  do not state leaves the check not evaluated; an e-CO has none);
* the exporter's declaration is completed and signed;
* a third-country invoice is indicated on the CO with the invoicer's name and
  address, and an invoicer outside both Parties is not left unindicated;
* each item shows the number and date of its invoice. When the CO shows one
  invoice number only, an item printed without it is taken to belong to that
  invoice: its omission is at most a warning, whatever the scheme's severity.

Whether the certification or the declaration is signed may be unknown
(``signed`` is ``None`` when the data do not say): the check is then not
evaluated, never failed.

The terms say, per scheme, which finding (citation, severity, template) each
failure is, and on which form boxes the declaration and certification sit
when the scheme's form numbers them (their ``box``/``form`` facts).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, final

import attrs

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate, Item, Medium
from ...rule_kit import NOT_APPLICABLE, PASSED, FindingSpec, Result, judged, not_evaluated

#: ``form_boxes(co) -> (form name, declaration box, certification box)``.
FormBoxes = Callable[[Certificate], tuple[str, int, int]]

_DECLARATION: Final = 1
_CERTIFICATION: Final = 2
#: The facts a check names when the data leave the whole box out (not stated, which is not an empty box).
EXPORTER_DECLARATION: Final = "certificate.exporter_declaration"
CERTIFICATION: Final = "certificate.certification"
#: Read on every certificate: bound once (reading a member through its class costs as much as the check).
_PAPER: Final = Medium.PAPER


@final
@attrs.frozen
class FormTerms:
    """A scheme's findings for the form checks, and where its form puts the declaration and certification.

    ``third_country_invoicing_noted``, when set, is reported (as its severity
    says) for a third-country invoice that the CO indicates in full: a scheme
    that expressly allows third-country invoicing says so. ``form_boxes`` is
    ``None`` for a scheme whose form roo does not know box by box; its
    findings then carry no ``box``/``form`` facts.
    """

    reference_number_missing: FindingSpec
    certification_unsigned: FindingSpec
    certification_signatory_missing: FindingSpec
    exporter_declaration_missing: FindingSpec
    exporter_declaration_unsigned: FindingSpec
    third_country_invoicer_missing: FindingSpec
    third_country_invoicing_not_indicated: FindingSpec
    invoice_missing: FindingSpec
    invoice_date_missing: FindingSpec
    certification_not_stamped: FindingSpec
    third_country_invoicing_noted: FindingSpec | None = None
    form_boxes: FormBoxes | None = None
    #: Reported instead of ``third_country_invoicer_missing`` when the invoicer is named and only its address is
    #: missing (facts: invoicer, invoicer_country); None keeps the one finding for both.
    third_country_invoicer_address_missing: FindingSpec | None = None


def blank(text: str | None) -> bool:
    """Whether ``text`` is missing or only spaces."""
    return text is None or not text.strip()


def _where(terms: FormTerms, co: Certificate, which: int) -> dict[str, Any]:
    """The ``box`` and ``form`` facts of the declaration or certification, when the scheme numbers its boxes."""
    if terms.form_boxes is None:
        return {}
    form, declaration_box, certification_box = terms.form_boxes(co)
    return {"box": declaration_box if which == _DECLARATION else certification_box, "form": form}


def check_reference_number(terms: FormTerms, co: Certificate, ctx: Context) -> Result:
    """The CO bears a reference number."""
    if blank(co.reference_number):
        return judged(terms.reference_number_missing(None, reference_number=co.reference_number))
    return PASSED


def check_certification_signed(terms: FormTerms, co: Certificate, ctx: Context) -> Result:
    """The issuing authority's certification is signed.

    Data that leave the certification out say nothing about the box: not evaluated, naming it, never "unsigned".
    """
    certification = co.certification
    if certification is None:
        return not_evaluated(CERTIFICATION)
    if certification.signed:
        return PASSED
    if certification.signed is None:
        return not_evaluated("certificate.certification.signed")
    return judged(terms.certification_unsigned(None, **_where(terms, co, _CERTIFICATION), certification_present=True))


def check_stamp(terms: FormTerms, co: Certificate, ctx: Context) -> Result:
    """A signed paper certification bears the issuing authority's stamp."""
    certification = co.certification
    if co.medium is not _PAPER or certification is None or not certification.signed:
        return NOT_APPLICABLE  # an e-CO has no stamp; a missing or unsigned certification is reported apart
    if certification.sealed is None:
        return not_evaluated("certificate.certification.sealed")  # not stated is not "no stamp"
    if certification.sealed:
        return PASSED
    return judged(terms.certification_not_stamped(None, **_where(terms, co, _CERTIFICATION)))


def check_certification_signatory(terms: FormTerms, co: Certificate, ctx: Context) -> Result:
    """The certification names the authorised signatory (a certification left out of the data is not stated)."""
    certification = co.certification
    if certification is None:
        return not_evaluated(CERTIFICATION)
    if not blank(certification.signatory):
        return PASSED
    return judged(
        terms.certification_signatory_missing(None, **_where(terms, co, _CERTIFICATION), certification_present=True)
    )


def check_exporter_declaration(terms: FormTerms, co: Certificate, ctx: Context) -> Result:
    """The exporter's declaration is completed and signed.

    Data that leave the declaration out say nothing about the box: not evaluated, naming it, never "not
    completed". A declaration the data state with nothing in it (no place, no date, not signed) is not
    completed; one with its place or date but not signed is unsigned.
    """
    declaration = co.exporter_declaration
    if declaration is None:
        return not_evaluated(EXPORTER_DECLARATION)
    if declaration.signed is False and blank(declaration.place) and declaration.date is None:
        return judged(terms.exporter_declaration_missing(None, **_where(terms, co, _DECLARATION)))
    if declaration.signed is None:
        return not_evaluated("certificate.exporter_declaration.signed")
    if not declaration.signed:
        return judged(terms.exporter_declaration_unsigned(None, **_where(terms, co, _DECLARATION)))
    return PASSED


def check_third_country_invoicing(terms: FormTerms, co: Certificate, ctx: Context) -> Result:
    """A third-country invoice is indicated, with the invoicer's name and address."""
    invoicer = co.third_country_invoicer
    if co.third_country_invoicing:
        given = {"name": invoicer.name if invoicer else None, "address": invoicer.address if invoicer else None}
        missing = tuple(part for part, text in given.items() if blank(text))
        if missing == ("address",) and invoicer is not None and terms.third_country_invoicer_address_missing:
            # The third-country invoice is indicated and its invoicer identified; only a detail of it is missing.
            spec = terms.third_country_invoicer_address_missing
            return judged(spec(None, invoicer=invoicer.name, invoicer_country=invoicer.country))
        if missing:
            finding = terms.third_country_invoicer_missing(None, missing=" and ".join(missing), missing_parts=missing)
            return judged(finding)
        if terms.third_country_invoicing_noted is not None and invoicer is not None:
            return judged(
                terms.third_country_invoicing_noted(None, invoicer=invoicer.name, invoicer_country=invoicer.country)
            )
        return PASSED
    if invoicer is None:
        return NOT_APPLICABLE
    if invoicer.country is None:
        # Without the invoicer's country roo cannot tell whether the invoice is a third country's.
        return not_evaluated("certificate.third_country_invoicer.country")
    if invoicer.country in (co.exporting_party, co.importing_party):
        return PASSED
    if co.third_country_invoicing is None:
        return not_evaluated("certificate.third_country_invoicing")  # not stated is not "not indicated"
    return judged(
        terms.third_country_invoicing_not_indicated(
            None,
            invoicer=invoicer.name,
            invoicer_country=invoicer.country,
            exporting_party=co.exporting_party,
            importing_party=co.importing_party,
        )
    )


def invoice_numbers(co: Certificate) -> tuple[str, ...]:
    """The distinct invoice numbers printed on the CO, in item order (surrounding spaces ignored)."""
    seen: dict[str, None] = {}
    for item in co.items:
        invoice = item.invoice
        number = invoice.number if invoice is not None else None
        # A number printed as one seen before (a CO's items share a few invoices) is not stripped again: one
        # printed with spaces around it is never among those seen, which are stripped.
        if number and number not in seen:
            number = number.strip()
            if number:
                seen[number] = None  # a number seen before keeps its place
    return tuple(seen)


def check_item_invoice(terms: FormTerms, item: Item, co: Certificate, ctx: Context) -> Result:
    """The item shows its invoice number and date."""
    invoice = item.invoice
    if invoice is None or blank(invoice.number):
        spec = terms.invoice_missing
        if spec.severity is Severity.ERROR and len(invoice_numbers(co)) == 1:
            # The CO's only invoice is printed on another item: this item is taken to belong to it.
            return judged(spec.with_severity(Severity.WARNING, item.number))
        return judged(spec(item.number))
    if invoice.date is None:
        return judged(terms.invoice_date_missing(item.number, invoice_number=invoice.number))
    return PASSED


def every_item_invoiced(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_item_invoice`: ``PASSED`` when every item shows its invoice number and date."""
    for item in co.items:
        invoice = item.invoice
        # blank(invoice.number), written out: a call per item costs more than the rest of the test
        if invoice is None or invoice.date is None or (number := invoice.number) is None or not number.strip():
            return None
    return PASSED
