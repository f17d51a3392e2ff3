"""AJCEP IR 3: form of the CO — a duly completed form, reference number, third-country invoice, signatures, original.

A CO bears a reference number given by its place or office of issuance
(IR 3(c)). Where a third country issues the invoice, the CO says so: the
"Third Country Invoicing" box is ticked and the full legal name and address
of the company or person issuing the invoice appear in box 7 (IR 3(d), form
note 7). Where the invoicer's place lacks them but the CO's remarks say
something, the name and address may be written there: information outside
its designated box is a minor error IR 4(a) disregards, and the information is
still read, which roo cannot do from free text, so that is a ``warning``
(``third-country-invoicer-outside-its-box``) rather than the error.

**Invoicer named, address missing** (a reading, with its doubt): IR 3(d)
asks for the third-country invoice to be indicated together with information
such as the invoicer's name and address, and form note 7 says the full legal
name and address "shall" be in box 7. Ticked, with the invoicer
named but no address, the indication is made and the invoicer identified;
only a detail is missing, which is less than the unticked box below that
roo only warns of. So it is a ``warning``
(``third-country-invoicer-address-missing``), and the error
(``third-country-invoicer-missing``) stays for a ticked box with no invoicer
named at all: then nothing on the CO identifies who invoices. The doubt:
note 7's "shall" may be read to make the address a requirement whose absence
denies; roo does not read it so, since the CO that indicates more must not
fare worse than the one that indicates less.

An invoicer outside both Parties named on the CO with the box left unticked
is the same indication made in part: the invoicer is there, only the
tick is missing. Form note 7 says the box *should* be ticked and lets customs
*require* the invoices and other documents confirming the transaction, so the
missing tick is a ``warning`` for customs to follow up, not a denial (the
information is on the CO; IR 4(a)). The exporter completes and signs the
declaration, in box 11 of the ASEAN Member States' form and box 10 of Japan's
form (IR 3(e)). The certification is signed by the authorised signatory of the
issuing authority, autographed or electronically printed (IR 3(f)); roo reads
``signed`` as either. Neither Rule asks for the signatory's name to be
printed, so a signed certification without it is noted (``info``), never
denied. Data that do not say whether the certification or the declaration is
signed (``signed`` left out), or that leave the whole box out, leave the check
not evaluated, naming what is missing: absent data are not an unsigned box.
A declaration the data state as unsigned is denied.

**Why the exporter's declaration denies here and warns elsewhere.** IR 3(e)
says the declaration "is to be completed by the exporter" in its box and
that the exporter's signature "may be autographed or electronically
printed": the Rule requires the declaration and presumes it is signed,
offering only a choice of how. The same mandatory "is to be" denies
elsewhere in the Rules (IR 3(c), 5(a), 9, 12). Under JIEPA the declaration
is a particular only Annex 3 would require, which roo has not read, so there
it warns (:mod:`roo.rules.jiepa.art41_form`); under MoTR 16/2024 Art 9(g)
requires a statement by the exporter, which denies when missing, but the
summary roo reads says nothing of its signature, so an unsigned statement
warns (:mod:`roo.rules.id_motr_16_2024.art09_data_elements`).

**Duly completed.** IR 2(a) has the issuing authority make sure the CO is
"duly completed and signed"; that is its duty, not a ground the importing
customs cite. What the importing customs apply to a box left empty is IR 4(a):
an omission is a minor error they disregard only if it affects neither the
authenticity of the CO nor the accuracy of what it says. The boxes a receiving
officer reads, and what roo makes of each when it is empty:

* **Box 1, the exporter** (its name). Who exported the goods is what a
  verification asks the exporting Party about (OCP Rule 6) and what IR 4
  compares with the declaration; a CO without it does not say whose goods it
  certifies, which is not a minor omission. No text makes such a CO invalid,
  so it is a ``warning``: customs may verify (``exporter-missing``).
* **Box 2, the consignee** (its name). The original is forwarded to the
  importer for submission to customs (IR 3(g)); a CO that names no consignee
  does not tie itself to this importation. A ``warning`` for the same reason
  (``consignee-missing``).
* **Box 9, the quantity** of each item (gross weight or other quantity; IR
  2(c) names it among what must conform to the good). Without it neither IR
  4's comparison with the declaration nor IR 9's cap on back-to-back COs can
  be made. A ``warning`` on that item (``item-quantity-missing``).
* **Box 12 (Japan's form: box 11), the issuing authority's stamp** on a paper
  CO. Each Party gives the others specimens of its official seals or stamps
  (IR 13) so that the importing customs can check a paper CO's authenticity;
  without the impression they cannot, so IR 4(a) does not disregard it. The
  Rules make no unstamped CO invalid, and authenticity is what a verification
  establishes: a ``warning`` (``certification-not-stamped``). Data that do
  not say whether it is stamped (``sealed`` is ``None``) leave the check not
  evaluated, never failed. An e-CO has no stamp. The signature is checked above and denies when it is missing.
* **Boxes 7 and 8, description, HS code and origin criterion**, are IR 12's
  and Art 26's checks; **box 10, the invoice**, is form note 6's (below); the
  **declaration and certification** (boxes 11 and 12) are checked above.
* **Box 3, transport and route**, is filled in "as far as known" on the form,
  so an empty box is no omission; IR 7 reads the shipment date from it where
  it needs it. **Box 6, marks and numbers, and the number and kind of
  packages** are often absent for goods in bulk: an omission IR 4(a)
  disregards, so roo reports nothing.

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

Source: AJCEP Implementing Regulations, Rules 2(a) and 2(c) (what the issuing authority ensures), 3(b)-(j),
4(a), 5(b) and 13; notes to the AJCEP CO form, notes 6 and 7.
"""

from __future__ import annotations

import functools
from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate, Copy, Item, Medium
from ...rule_kit import (
    NOT_APPLICABLE,
    PASSED,
    CertificateRule,
    FindingSpec,
    ItemRule,
    Result,
    failed,
    judged,
    passed,
)
from ..shared import form

#: The Party whose form is Japan's form; every other exporting Party uses the ASEAN Member States' form.
JAPAN: Final = "JP"

#: The signature of the issuing authority's authorised signatory on the CO (IR 3(f)); IR 2(a) is the authority's
#: own duty to see to it, not a rule the importing customs apply.
RULE_SIGNATURE: Final = "AJCEP/IR/3(f)"
#: What the importing customs do with an empty box: disregard it only if it is a minor omission (IR 4(a)).
RULE_OMISSION: Final = "AJCEP/IR/4(a)"

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
THIRD_COUNTRY_INVOICER_ADDRESS_MISSING = FindingSpec(
    "third-country-invoicer-address-missing",
    "AJCEP/FORM/7",
    Severity.WARNING,
    "Third-country invoicing is ticked and box 7 names the invoicer ('{invoicer}') but not its address, which form "
    "note 7 asks for with the full legal name; the third-country invoice is indicated and its invoicer identified, "
    "so customs may verify the address or require the invoices and documents confirming the transaction.",
)
THIRD_COUNTRY_INVOICER_ELSEWHERE = FindingSpec(
    "third-country-invoicer-outside-its-box",
    RULE_OMISSION,
    Severity.WARNING,
    "Third-country invoicing is ticked and the invoicer's {missing} is not in its place in box 7, but the CO has "
    "remarks ('{remarks}'); information outside its box is still read, so customs may read the invoicer there.",
)
THIRD_COUNTRY_INVOICING_NOT_INDICATED = FindingSpec(
    "third-country-invoicing-not-indicated",
    "AJCEP/FORM/7",
    Severity.WARNING,
    "The invoice is issued by '{invoicer}' in {invoicer_country}, neither the exporting Party ({exporting_party}) "
    "nor the importing Party ({importing_party}), but the 'Third Country Invoicing' box is not ticked; customs "
    "may require the invoices and documents confirming the transaction.",
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
    RULE_SIGNATURE,
    Severity.ERROR,
    "The certification (box {box} of {form}) is not signed by the authorised signatory of the issuing authority.",
)
CERTIFICATION_SIGNATORY_MISSING = FindingSpec(
    "certification-signatory-missing",
    RULE_SIGNATURE,
    Severity.INFO,
    "The certification (box {box} of {form}) does not print the name of the authorised signatory of the issuing "
    "authority; the signature is what the Rules require, so this is noted only.",
)
EXPORTER_MISSING = FindingSpec(
    "exporter-missing",
    RULE_OMISSION,
    Severity.WARNING,
    "Box 1 does not name the exporter; the CO does not say whose goods it certifies, which is not a minor "
    "omission, and customs may verify the CO.",
)
CONSIGNEE_MISSING = FindingSpec(
    "consignee-missing",
    RULE_OMISSION,
    Severity.WARNING,
    "Box 2 does not name the consignee; customs may verify that the CO is for this importation.",
)
ITEM_QUANTITY_MISSING = FindingSpec(
    "item-quantity-missing",
    RULE_OMISSION,
    Severity.WARNING,
    "Box 9 gives no quantity (gross weight or other quantity) for this item; the quantity imported cannot be "
    "compared with the CO, and customs may verify.",
)
CERTIFICATION_NOT_STAMPED = FindingSpec(
    "certification-not-stamped",
    RULE_OMISSION,
    Severity.WARNING,
    "The certification (box {box} of {form}) of this paper CO bears no stamp of the issuing authority, so its "
    "authenticity cannot be checked against the specimen seals exchanged under IR 13; customs may verify.",
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
    certification_not_stamped=CERTIFICATION_NOT_STAMPED,
    form_boxes=form_boxes,
    third_country_invoicer_address_missing=THIRD_COUNTRY_INVOICER_ADDRESS_MISSING,
)


def check_certification_signed(co: Certificate, ctx: Context) -> Result:
    """The issuing authority's certification is signed (IR 3(f))."""
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
    """A third-country invoice is indicated, with the invoicer's name and address (IR 3(d), form note 7).

    When the invoicer's field lacks them but the CO's remarks say something, the name and address may be
    written there, outside their designated place: IR 4(a) disregards that as an error and the information is
    still read, which roo cannot do from free text, so the finding is a warning for customs to read the CO.
    """
    result = form.check_third_country_invoicing(TERMS, co, ctx)
    if not result.findings or form.blank(co.remarks):
        return result
    findings = tuple(
        THIRD_COUNTRY_INVOICER_ELSEWHERE(None, missing=finding.facts["missing"], remarks=co.remarks)
        if finding.code == THIRD_COUNTRY_INVOICER_MISSING.code
        else THIRD_COUNTRY_INVOICER_ELSEWHERE(None, missing="address", remarks=co.remarks)
        if finding.code == THIRD_COUNTRY_INVOICER_ADDRESS_MISSING.code
        else finding
        for finding in result.findings
    )
    return judged(*findings)


def check_exporter_declaration(co: Certificate, ctx: Context) -> Result:
    """The exporter's declaration is completed and signed (IR 3(e))."""
    return form.check_exporter_declaration(TERMS, co, ctx)


def check_certification_signatory(co: Certificate, ctx: Context) -> Result:
    """The certification names the authorised signatory; noted only, the signature is what counts (IR 3(f))."""
    return form.check_certification_signatory(TERMS, co, ctx)


def invoice_numbers(co: Certificate) -> tuple[str, ...]:
    """The distinct invoice numbers printed on the CO, in item order (surrounding spaces ignored)."""
    return form.invoice_numbers(co)


def check_parties_named(co: Certificate, ctx: Context) -> Result:
    """Boxes 1 and 2 name the exporter and the consignee (an omission IR 4(a) does not disregard)."""
    exporter, consignee = co.exporter, co.consignee
    exporter_missing = exporter is None or form.blank(exporter.name)
    consignee_missing = consignee is None or form.blank(consignee.name)
    if not (exporter_missing or consignee_missing):
        return PASSED  # the common case, without gathering findings
    findings = []
    if exporter_missing:
        findings.append(EXPORTER_MISSING(None))
    if consignee_missing:
        findings.append(CONSIGNEE_MISSING(None))
    return judged(*findings)


def check_stamp(co: Certificate, ctx: Context) -> Result:
    """A signed paper certification bears the issuing authority's stamp (IR 13 specimens, IR 4(a))."""
    return form.check_stamp(TERMS, co, ctx)


def check_item_quantity(item: Item, co: Certificate, ctx: Context) -> Result:
    """Box 9 gives the item's quantity: a quantity or a gross weight (an omission IR 4(a) does not disregard)."""
    if item.quantity is not None or item.gross_weight is not None:
        return PASSED
    return judged(ITEM_QUANTITY_MISSING(item.number))


def every_item_quantified(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_item_quantity`: ``PASSED`` when every item gives a quantity or gross weight."""
    for item in co.items:
        if item.quantity is None and item.gross_weight is None:
            return None
    return PASSED


def check_several_invoices(co: Certificate, ctx: Context) -> Result:
    """Two or more invoices on one CO are accepted, and noted (IR 3(h))."""
    numbers = form.invoice_numbers(co)
    if len(numbers) < 2:
        return NOT_APPLICABLE
    return several_invoices_noted(numbers)


@functools.lru_cache(maxsize=256)
def several_invoices_noted(numbers: tuple[str, ...]) -> Result:
    """The note of IR 3(h) for a CO listing the invoices ``numbers``: a pure function of them, so remembered
    (an immutable result; the finding's rendering costs more than the rest of the rule)."""
    return passed(SEVERAL_INVOICES(None, count=len(numbers), invoices=numbers))


def check_item_invoice(item: Item, co: Certificate, ctx: Context) -> Result:
    """The item shows its invoice number and date (form note 6)."""
    return form.check_item_invoice(TERMS, item, co, ctx)


CERTIFICATE_RULES: Final = (
    CertificateRule(
        RULE_SIGNATURE, "CO signed by the authorised signatory", check_certification_signed, (CERTIFICATION_UNSIGNED,)
    ),
    CertificateRule("AJCEP/IR/3(g)", "original CO presented", check_copy, (NOT_ORIGINAL, COPY_NOT_INDICATED)),
    CertificateRule("AJCEP/IR/3(c)", "reference number", check_reference_number, (REFERENCE_NUMBER_MISSING,)),
    CertificateRule(
        "AJCEP/IR/3(d)",
        "third-country invoice indicated with the invoicer",
        check_third_country_invoicing,
        (
            THIRD_COUNTRY_INVOICER_MISSING,
            THIRD_COUNTRY_INVOICER_ADDRESS_MISSING,
            THIRD_COUNTRY_INVOICER_ELSEWHERE,
            THIRD_COUNTRY_INVOICING_NOT_INDICATED,
        ),
    ),
    CertificateRule(
        "AJCEP/IR/3(e)",
        "exporter's declaration completed and signed",
        check_exporter_declaration,
        (EXPORTER_DECLARATION_MISSING, EXPORTER_DECLARATION_UNSIGNED),
    ),
    CertificateRule(
        RULE_SIGNATURE, "authorised signatory named", check_certification_signatory, (CERTIFICATION_SIGNATORY_MISSING,)
    ),
    CertificateRule(
        RULE_OMISSION,
        "exporter and consignee named (boxes 1 and 2)",
        check_parties_named,
        (EXPORTER_MISSING, CONSIGNEE_MISSING),
    ),
    CertificateRule(
        RULE_OMISSION, "issuing authority's stamp on a paper CO", check_stamp, (CERTIFICATION_NOT_STAMPED,)
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
    ItemRule(
        RULE_OMISSION,
        "quantity for each item (box 9)",
        check_item_quantity,
        (ITEM_QUANTITY_MISSING,),
        precheck=every_item_quantified,
    ),
)

RULES: Final = (*CERTIFICATE_RULES, *ITEM_RULES)
