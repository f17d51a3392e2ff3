"""AJCEP IR 3: form of the CO — reference number, third-country invoice, declaration, signatures, original, invoices.

A CO bears a reference number given by its place or office of issuance
(IR 3(c)). Where a third country issues the invoice, the CO says so: the
"Third Country Invoicing" box is ticked and the full legal name and address
of the company or person issuing the invoice appear in box 7 (IR 3(d), form
note 7); an invoicer outside both Parties with the box left unticked is the
same omission seen from the other side. The exporter completes and signs the
declaration, in box 11 of the ASEAN Member States' form and box 10 of Japan's
form (IR 3(e)). The issuing authority's examination ensures the CO is "duly
completed and signed by the authorised signatory" (IR 2(a)), whose signature
may be autographed or electronically printed (IR 3(f)); roo reads ``signed``
as either. Neither Rule asks for the signatory's name to be printed, so a
signed certification without it is noted (``info``), never denied. Data that
do not say whether the certification or the declaration is signed
(``signed`` left out) leave the check not evaluated.

A paper CO from an ASEAN Member State is made out as an original and two
copies; Japan issues only an original (IR 3(b)). The original is what the
importer submits to customs; the copies stay with the exporter and the
issuing body (IR 3(g)), so a duplicate or triplicate presented at import is
not the CO. A certified true copy (IR 5(b)) is made out on the basis of the
exporter's documents, often on the exporter's own sheet: it takes the
original's place, so whatever sheet it is made on it passes here (IR 5's
rule checks the copy itself). A paper ASEAN CO that does not say which sheet
it is has a form omission that is noted, not held against the importer.
Japan's form has only one sheet, so it needs no such indication. An
electronic CO has no sheets.

A CO may list several invoices for a single shipment and customs accepts it
(IR 3(h)); roo notes it. Form note 6 says the invoice number and date
*should* be indicated for each item: an item without them is a ``warning``
(customs may match it to its invoice), not a denial, and an omission that
does not affect the accuracy of the CO is a minor error under IR 4(a)
anyway; a CO whose single invoice is printed on its first item only is the
common case.

Several items on one CO each qualify in their own right (IR 3(i)), and a
problem with one item does not affect the others (IR 3(j)). Those two
paragraphs need no rule of their own: the engine runs every item rule once
per item and :func:`roo.evaluation.fold` lets an item-level error deny only
its own item, while a certificate-level error (every finding of this module
but the invoice findings) denies all of them.

The checks JIEPA shares (reference number, certification, exporter's
declaration, third-country invoice, invoice per item) are implemented once in
:mod:`roo.rules.shared.form`, with this module's findings as AJCEP's terms.

Source: AJCEP Implementing Regulations, Rules 2(a), 3(b)-(j), 4(a) and 5(b); notes to the
AJCEP CO form, notes 6 and 7.
"""

from __future__ import annotations

from typing import Final

from roo.context import Context
from roo.evaluation import Severity
from roo.model.certificate import Certificate, Copy, Item, Medium
from roo.rules.base import NOT_APPLICABLE, PASSED, CertificateRule, FindingSpec, ItemRule, Result, failed, passed
from roo.rules.shared import form

#: The Party whose form is Japan's form; every other exporting Party uses the ASEAN Member States' form.
JAPAN: Final = "JP"

REFERENCE_NUMBER_MISSING = FindingSpec(
    "reference-number-missing",
    "AJCEP/IR/3(c)",
    Severity.ERROR,
    "The CO bears no reference number; each office of issuance gives its COs one.",
)
THIRD_COUNTRY_INVOICER_MISSING = FindingSpec(
    "third-country-invoicer-missing",
    "AJCEP/IR/3(d)",
    Severity.ERROR,
    "Third-country invoicing is ticked but box 7 lacks the invoicer's {missing}; the full legal name and address "
    "of the company or person issuing the invoice are required.",
)
THIRD_COUNTRY_INVOICING_NOT_INDICATED = FindingSpec(
    "third-country-invoicing-not-indicated",
    "AJCEP/FORM/7",
    Severity.ERROR,
    "The invoice is issued by '{invoicer}' in {invoicer_country}, neither the exporting Party ({exporting_party}) "
    "nor the importing Party ({importing_party}), but the 'Third Country Invoicing' box is not ticked.",
)
EXPORTER_DECLARATION_MISSING = FindingSpec(
    "exporter-declaration-missing",
    "AJCEP/IR/3(e)",
    Severity.ERROR,
    "The exporter's declaration (box {box} of {form}) is not completed.",
)
EXPORTER_DECLARATION_UNSIGNED = FindingSpec(
    "exporter-declaration-unsigned",
    "AJCEP/IR/3(e)",
    Severity.ERROR,
    "The exporter's declaration (box {box} of {form}) is not signed; an autographed or electronically printed "
    "signature is required.",
)
CERTIFICATION_UNSIGNED = FindingSpec(
    "certification-unsigned",
    "AJCEP/IR/2(a)",
    Severity.ERROR,
    "The certification (box {box} of {form}) is not signed by the authorised signatory of the issuing authority.",
)
CERTIFICATION_SIGNATORY_MISSING = FindingSpec(
    "certification-signatory-missing",
    "AJCEP/IR/2(a)",
    Severity.INFO,
    "The certification (box {box} of {form}) does not print the name of the authorised signatory of the issuing "
    "authority; the signature is what the Rules require, so this is noted only.",
)
NOT_ORIGINAL = FindingSpec(
    "not-original",
    "AJCEP/IR/3(g)",
    Severity.ERROR,
    "The paper CO presented is the {copy}, not the original; the original is to be submitted to customs.",
)
COPY_NOT_INDICATED = FindingSpec(
    "copy-not-indicated",
    "AJCEP/IR/3(b)",
    Severity.INFO,
    "The paper CO from {exporting_party} does not say whether it is the original, duplicate or triplicate; "
    "it is taken to be the original.",
)
SEVERAL_INVOICES = FindingSpec(
    "several-invoices",
    "AJCEP/IR/3(h)",
    Severity.INFO,
    "The CO lists {count} invoices ({invoices}) for a single shipment; this is accepted.",
)
INVOICE_MISSING = FindingSpec(
    "invoice-missing",
    "AJCEP/FORM/6",
    Severity.WARNING,
    "No invoice number is given for this item; box 10 should show the invoice number and date for each item, "
    "and customs may match the item to its invoice.",
)
INVOICE_DATE_MISSING = FindingSpec(
    "invoice-date-missing",
    "AJCEP/FORM/6",
    Severity.WARNING,
    "Invoice '{invoice_number}' is given without its date; box 10 shows the invoice number and date for each item.",
)


def form_boxes(co: Certificate) -> tuple[str, int, int]:
    """The form the CO is on, with its declaration box and certification box numbers.

    Japan's form has the exporter's declaration in box 10 and the
    certification in box 11; the ASEAN Member States' form has them in boxes
    11 and 12 (IR 3(e), IR 5(a)).
    """
    if co.exporting_party == JAPAN:
        return "Japan's form", 10, 11
    return "the ASEAN Member States' form", 11, 12


#: What the form checks shared with JIEPA (:mod:`roo.rules.shared.form`) report under AJCEP.
TERMS: Final = form.FormTerms(
    reference_number_missing=REFERENCE_NUMBER_MISSING,
    certification_unsigned=CERTIFICATION_UNSIGNED,
    certification_signatory_missing=CERTIFICATION_SIGNATORY_MISSING,
    exporter_declaration_missing=EXPORTER_DECLARATION_MISSING,
    exporter_declaration_unsigned=EXPORTER_DECLARATION_UNSIGNED,
    third_country_invoicer_missing=THIRD_COUNTRY_INVOICER_MISSING,
    third_country_invoicing_not_indicated=THIRD_COUNTRY_INVOICING_NOT_INDICATED,
    invoice_missing=INVOICE_MISSING,
    invoice_date_missing=INVOICE_DATE_MISSING,
    form_boxes=form_boxes,
)


def check_certification_signed(co: Certificate, ctx: Context) -> Result:
    """The issuing authority's certification is signed (IR 2(a))."""
    return form.check_certification_signed(TERMS, co, ctx)


#: Enum members read on every certificate, bound once (reading one through its class is as slow as the check).
_PAPER: Final = Medium.PAPER
_ORIGINAL: Final = Copy.ORIGINAL


def check_copy(co: Certificate, ctx: Context) -> Result:
    """A paper CO presented at import is the original, or a certified true copy (IR 3(b), 3(g), 5(b))."""
    if co.medium is not _PAPER:
        return NOT_APPLICABLE
    if co.certified_true_copy:
        return PASSED  # a certified true copy takes the original's place, whatever sheet it is made on (IR 5(b))
    if co.copy is None:
        if co.exporting_party == JAPAN:
            return PASSED  # Japan's form exists only as an original
        return passed(COPY_NOT_INDICATED(None, exporting_party=co.exporting_party))
    if co.copy is _ORIGINAL:
        return PASSED
    return failed(NOT_ORIGINAL(None, copy=co.copy.value, exporting_party=co.exporting_party))


def check_reference_number(co: Certificate, ctx: Context) -> Result:
    """The CO bears a reference number (IR 3(c))."""
    return form.check_reference_number(TERMS, co, ctx)


def check_third_country_invoicing(co: Certificate, ctx: Context) -> Result:
    """A third-country invoice is indicated, with the invoicer's name and address (IR 3(d), form note 7)."""
    return form.check_third_country_invoicing(TERMS, co, ctx)


def check_exporter_declaration(co: Certificate, ctx: Context) -> Result:
    """The exporter's declaration is completed and signed (IR 3(e))."""
    return form.check_exporter_declaration(TERMS, co, ctx)


def check_certification_signatory(co: Certificate, ctx: Context) -> Result:
    """The certification names the authorised signatory; noted only, the signature is what counts (IR 2(a))."""
    return form.check_certification_signatory(TERMS, co, ctx)


def invoice_numbers(co: Certificate) -> tuple[str, ...]:
    """The distinct invoice numbers printed on the CO, in item order (surrounding spaces ignored)."""
    return form.invoice_numbers(co)


def check_several_invoices(co: Certificate, ctx: Context) -> Result:
    """Two or more invoices on one CO are accepted, and noted (IR 3(h))."""
    numbers = invoice_numbers(co)
    if len(numbers) < 2:
        return NOT_APPLICABLE
    return passed(SEVERAL_INVOICES(None, count=len(numbers), invoices=numbers))


def check_item_invoice(item: Item, co: Certificate, ctx: Context) -> Result:
    """The item shows its invoice number and date (form note 6)."""
    return form.check_item_invoice(TERMS, item, co, ctx)


CERTIFICATE_RULES: Final = (
    CertificateRule(
        "AJCEP/IR/2(a)", "CO signed by the authorised signatory", check_certification_signed, (CERTIFICATION_UNSIGNED,)
    ),
    CertificateRule("AJCEP/IR/3(g)", "original CO presented", check_copy, (NOT_ORIGINAL, COPY_NOT_INDICATED)),
    CertificateRule("AJCEP/IR/3(c)", "reference number", check_reference_number, (REFERENCE_NUMBER_MISSING,)),
    CertificateRule(
        "AJCEP/IR/3(d)",
        "third-country invoice indicated with the invoicer",
        check_third_country_invoicing,
        (THIRD_COUNTRY_INVOICER_MISSING, THIRD_COUNTRY_INVOICING_NOT_INDICATED),
    ),
    CertificateRule(
        "AJCEP/IR/3(e)",
        "exporter's declaration completed and signed",
        check_exporter_declaration,
        (EXPORTER_DECLARATION_MISSING, EXPORTER_DECLARATION_UNSIGNED),
    ),
    CertificateRule(
        "AJCEP/IR/2(a)", "authorised signatory named", check_certification_signatory, (CERTIFICATION_SIGNATORY_MISSING,)
    ),
    CertificateRule("AJCEP/IR/3(h)", "several invoices for one shipment", check_several_invoices, (SEVERAL_INVOICES,)),
)

ITEM_RULES: Final = (
    ItemRule(
        "AJCEP/FORM/6",
        "invoice number and date for each item",
        check_item_invoice,
        (INVOICE_MISSING, INVOICE_DATE_MISSING),
        precheck=form.every_item_invoiced,
    ),
)

RULES: Final = (*CERTIFICATE_RULES, *ITEM_RULES)
