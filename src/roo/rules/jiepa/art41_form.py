"""JIEPA Art 41: form of the CO — reference number, certification, declaration, third-country invoice, invoices.

A JIEPA CO is issued by the competent governmental authority of the exporting
Party, or a body it designates, on the exporter's written request, and
includes the minimum data of Annex 3; it is completed in English, in the
format the Operational Procedures set, and the issuing authority gives the
other Party the specimen signatures and stamps of its offices (Art 41(1),
(2), (4), (5), (9)). roo checks the form as it does for AJCEP (the checks
are shared, :mod:`roo.rules.shared.form`):

* the CO bears a reference number (for an e-CO, the certification number by
  which NACCS finds it): without one, a warning (see below);
* the issuing authority's certification is signed: a CO the authority did
  not certify is not issued under Art 41 (certificate error); a signatory
  whose name is not printed is noted (``info``), since the signature is what
  certifies;
* the exporter's declaration is completed and signed. roo has not read
  Annex 3 and the Operational Procedures' format box by box, so it does not
  know that JIEPA requires the declaration in every form: a missing or
  unsigned declaration is a warning for customs to follow up;
* a certification or declaration the data leave out altogether is not stated:
  the check is not evaluated, naming it, rather than reported unsigned;
* third-country invoicing is allowed under JIEPA (Indonesia's customs
  circular SE-05/BC/2010 says so, as for AFTA and AKFTA). A third-country
  invoice indicated with its invoicer's name and address is noted (``info``);
  an indication without the invoicer's name or address, or an invoicer
  outside both Parties that the CO does not indicate, is a warning: customs
  may verify that the invoice belongs to the CO;
* each item shows its invoice number and date: without either, a warning on
  that item (see below); an item printed without a number on a CO that shows
  a single invoice number is taken to share it.

Findings name no box, since roo does not know the JIEPA forms box by box.

**The particulars only Annex 3 would require warn.** Art 41(1) says a CO
includes the minimum data specified in Annex 3, and Art 41(4) leaves its
format to the Operational Procedures (Art 50). Neither Annex 3 nor the
Operational Procedures is in the texts roo reads (the ToTA corpus holds the
Agreement's body only; the Implementing Agreement under Art 13 deals with
customs cooperation, not the CO's particulars; the seeds' Implementing
Regulations and form notes are AJCEP's). That the CO shows a reference number,
or an invoice number for each item, is therefore a requirement roo cannot cite:
its absence is a warning naming the doubt, never a denial on its own. The
e-CO arrangement with Japan Customs names the certification number and the
first item's invoice number as what an importer enters to reach an e-CO in
NACCS (§4(b), §5); that is how the e-CO is found, not a ground on which it
is refused, and an e-CO roo holds was found. (AJCEP's form notes say box 10
"should" show the invoice: a warning there too.)

Read against the Agreement and the e-CO texts: the issuing authority's
specimen signatures (Art 41(9)) are what customs compare a paper CO's
signature with. **The stamp.** Art 41(9) has the exporting Party provide the
impressions of its offices' stamps as well, the same kind of sentence as
AJCEP IR 13, so a signed paper CO without the authority's stamp is what AJCEP
makes of it: a ``warning`` (``jiepa-certification-not-stamped``), since
customs cannot compare the impression, and no text makes an unstamped CO
invalid (before, roo said nothing of the stamp under JIEPA). Data that do not
say whether it is stamped (``sealed`` is ``None``) leave the check not
evaluated; an e-CO has no stamp. **Alterations.** AJCEP IR 4(b) forbids
erasures and superimpositions and admits only a strike-out approved by the
signatory and certified by the issuing authority, and roo denies on it there.
The JIEPA Agreement says nothing of how a CO may be corrected; that belongs to
the Operational Procedures (Art 50), not read. So an erasure, a
superimposition, or a strike-out the data state as not approved or not
certified is a ``warning`` naming that doubt
(``jiepa-alteration-not-authenticated``), on the altered item's line only
when the alteration concerns one item; before, roo said nothing of it under
JIEPA. A strike-out whose approval or certification the data do not state is
not flagged: no text roo reads asks for either. An e-CO of Indonesia's exchange with Japan Customs is
delivered from the issuing body's system to NACCS, which is what vouches for
its authenticity (Japan Customs' model of the exchange); its data need not
carry a signature mark, so one without it is a warning, never a denial. The
Agreement does not say which sheet of a paper CO the importer presents: that
belongs to the Operational Procedures (Art 50), not read, so a duplicate or
triplicate is flagged (a warning), never denied on that ground. Annex 3 (the
minimum data) is not in the text roo reads either: which data it requires
stays unverified.

Source: JIEPA Agreement Art 41(1), (2), (4), (5), (9), Art 50; the e-CO arrangement §4(b), §5; Japan Customs' business process model for CO
data exchange (2025); Indonesia's customs circular SE-05/BC/2010 (third-country invoicing under IJEPA).
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import AlterationMethod, Certificate, Copy, Item, Medium
from ...rule_kit import NOT_APPLICABLE, PASSED, CertificateRule, FindingSpec, ItemRule, Result, passed
from ..shared import form

RULE: Final = "JIEPA/ART/41(1)"

REFERENCE_NUMBER_MISSING = FindingSpec(
    "jiepa-reference-number-missing",
    RULE,
    Severity.WARNING,
    "The CO bears no reference number. The CO's particulars are set by Annex 3 of the Agreement, which roo has "
    "not read, so this does not deny the CO; customs may verify the CO with the issuing authority.",
)
CERTIFICATION_UNSIGNED = FindingSpec(
    "jiepa-certification-unsigned",
    RULE,
    Severity.ERROR,
    "The CO is not signed by the authorised signatory of the issuing authority.",
)
CERTIFICATION_SIGNATORY_MISSING = FindingSpec(
    "jiepa-certification-signatory-missing",
    RULE,
    Severity.INFO,
    "The CO's certification does not print the name of the authorised signatory of the issuing authority; the "
    "signature is what certifies the CO, so this is noted only.",
)
EXPORTER_DECLARATION_MISSING = FindingSpec(
    "jiepa-exporter-declaration-missing",
    RULE,
    Severity.WARNING,
    "The exporter's declaration is not completed; customs may verify the CO's particulars with the exporter.",
)
EXPORTER_DECLARATION_UNSIGNED = FindingSpec(
    "jiepa-exporter-declaration-unsigned",
    RULE,
    Severity.WARNING,
    "The exporter's declaration is not signed; customs may verify the CO's particulars with the exporter.",
)
THIRD_COUNTRY_INVOICER_MISSING = FindingSpec(
    "jiepa-third-country-invoicer-missing",
    RULE,
    Severity.WARNING,
    "Third-country invoicing is indicated but the CO lacks the invoicer's {missing}; customs may ask who issued "
    "the invoice.",
)
THIRD_COUNTRY_INVOICING_NOT_INDICATED = FindingSpec(
    "jiepa-third-country-invoicing-not-indicated",
    RULE,
    Severity.WARNING,
    "The invoice is issued by '{invoicer}' in {invoicer_country}, neither the exporting Party ({exporting_party}) "
    "nor the importing Party ({importing_party}), but the CO does not indicate third-country invoicing; customs "
    "may verify that the invoice belongs to this CO.",
)
THIRD_COUNTRY_INVOICING_ALLOWED = FindingSpec(
    "jiepa-third-country-invoicing-allowed",
    RULE,
    Severity.INFO,
    "The invoice is issued in a third country by '{invoicer}' ({invoicer_country}); third-country invoicing is "
    "allowed under JIEPA.",
)
INVOICE_MISSING = FindingSpec(
    "jiepa-invoice-missing",
    RULE,
    Severity.WARNING,
    "No invoice number is given for this item. The CO's particulars are set by Annex 3 of the Agreement, which roo "
    "has not read, so this does not deny the item; customs may match the item to its invoice.",
)
INVOICE_DATE_MISSING = FindingSpec(
    "jiepa-invoice-date-missing",
    RULE,
    Severity.WARNING,
    "Invoice '{invoice_number}' is given without its date.",
)

ECO_NOT_MARKED_SIGNED = FindingSpec(
    "jiepa-eco-certification-not-marked-signed",
    "JIEPA/ART/41(9)",
    Severity.WARNING,
    "The e-CO's data do not show the issuing authority's certification as signed. An e-CO reaches Japan Customs "
    "directly from the issuing body's system, which vouches for it instead of a handwritten signature; customs "
    "may verify that this e-CO came that way.",
)
CERTIFICATION_NOT_STAMPED = FindingSpec(
    "jiepa-certification-not-stamped",
    "JIEPA/ART/41(9)",
    Severity.WARNING,
    "The certification of this paper CO bears no stamp of the issuing authority, so customs cannot compare it "
    "with the specimen stamps the exporting Party provides; customs may verify that the CO is authentic.",
)
ALTERATION_NOT_AUTHENTICATED = FindingSpec(
    "jiepa-alteration-not-authenticated",
    "JIEPA/ART/50",
    Severity.WARNING,
    "Box {box} was altered otherwise than by a strike-out approved by the CO's signatory and certified by the "
    "issuing authority. How a JIEPA CO may be corrected is for the Operational Procedures under Art 50, which roo "
    "has not read; customs may verify the CO.",
)
SHEET_NOT_ORIGINAL = FindingSpec(
    "jiepa-co-sheet-not-original",
    "JIEPA/ART/50",
    Severity.WARNING,
    "The paper CO presented is the {copy}. Which sheet the importer presents is for the Operational Procedures "
    "under Art 50, which roo has not read; customs may ask for the original.",
)

#: What the form checks shared with AJCEP (:mod:`roo.rules.shared.form`) report under JIEPA.
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
    third_country_invoicing_noted=THIRD_COUNTRY_INVOICING_ALLOWED,
)


def _through_the_exchange(co: Certificate) -> bool:
    """An e-CO of Indonesia's exchange with Japan Customs: NACCS receives it from the issuing body's system."""
    return co.medium is Medium.ELECTRONIC and co.exporting_party == "ID" and co.importing_party == "JP"


def check_certification_signed(co: Certificate, ctx: Context) -> Result:
    """The issuing authority's certification is signed (Art 41(1), (9)); an exchanged e-CO is vouched for otherwise."""
    if _through_the_exchange(co) and not (co.certification is not None and co.certification.signed):
        return passed(ECO_NOT_MARKED_SIGNED(None))
    return form.check_certification_signed(TERMS, co, ctx)


def check_stamp(co: Certificate, ctx: Context) -> Result:
    """A signed paper certification bears the issuing authority's stamp (Art 41(9) specimens), as under AJCEP."""
    return form.check_stamp(TERMS, co, ctx)


def check_alterations(co: Certificate, ctx: Context) -> Result:
    """An erasure, a superimposition or an unauthenticated strike-out is flagged; the unread procedures decide.

    An alteration on one item's line concerns that item only (as under AJCEP IR 3(j)).
    """
    if not co.alterations:
        return PASSED  # the common case: nothing altered
    numbers = {item.number for item in co.items}
    findings = [
        ALTERATION_NOT_AUTHENTICATED(alteration.item if alteration.item in numbers else None, box=alteration.box)
        for alteration in co.alterations
        if alteration.method is not AlterationMethod.STRIKE_OUT
        or alteration.approved_by_signatory is False
        or alteration.certified_by_authority is False
    ]
    return passed(*findings) if findings else PASSED


def check_sheet_presented(co: Certificate, ctx: Context) -> Result:
    """A paper CO presented as a duplicate or triplicate is flagged: the Operational Procedures (unread) decide."""
    if co.medium is not Medium.PAPER or co.certified_true_copy or co.copy is None:
        return NOT_APPLICABLE
    if co.copy is Copy.ORIGINAL:
        return PASSED
    return passed(SHEET_NOT_ORIGINAL(None, copy=co.copy.value))


def check_reference_number(co: Certificate, ctx: Context) -> Result:
    """The CO bears a reference number (Art 41(1), Annex 3)."""
    return form.check_reference_number(TERMS, co, ctx)


def check_third_country_invoicing(co: Certificate, ctx: Context) -> Result:
    """A third-country invoice, allowed under JIEPA, is indicated with its invoicer."""
    return form.check_third_country_invoicing(TERMS, co, ctx)


def check_exporter_declaration(co: Certificate, ctx: Context) -> Result:
    """The exporter's declaration is completed and signed."""
    return form.check_exporter_declaration(TERMS, co, ctx)


def check_certification_signatory(co: Certificate, ctx: Context) -> Result:
    """The certification names the authorised signatory (Art 41(9))."""
    return form.check_certification_signatory(TERMS, co, ctx)


def check_item_invoice(item: Item, co: Certificate, ctx: Context) -> Result:
    """The item shows its invoice number and date."""
    return form.check_item_invoice(TERMS, item, co, ctx)


CERTIFICATE_RULES: Final = (
    CertificateRule(
        RULE,
        "CO signed by the authorised signatory",
        check_certification_signed,
        (CERTIFICATION_UNSIGNED, ECO_NOT_MARKED_SIGNED),
    ),
    CertificateRule(
        "JIEPA/ART/41(9)", "issuing authority's stamp on a paper CO", check_stamp, (CERTIFICATION_NOT_STAMPED,)
    ),
    CertificateRule(
        "JIEPA/ART/50",
        "no erasure or superimposition; strike-outs approved and certified",
        check_alterations,
        (ALTERATION_NOT_AUTHENTICATED,),
    ),
    CertificateRule("JIEPA/ART/50", "original sheet of a paper CO presented", check_sheet_presented, (SHEET_NOT_ORIGINAL,)),
    CertificateRule(RULE, "reference number", check_reference_number, (REFERENCE_NUMBER_MISSING,)),
    CertificateRule(
        RULE,
        "third-country invoice indicated with the invoicer",
        check_third_country_invoicing,
        (THIRD_COUNTRY_INVOICER_MISSING, THIRD_COUNTRY_INVOICING_NOT_INDICATED, THIRD_COUNTRY_INVOICING_ALLOWED),
    ),
    CertificateRule(
        RULE,
        "exporter's declaration completed and signed",
        check_exporter_declaration,
        (EXPORTER_DECLARATION_MISSING, EXPORTER_DECLARATION_UNSIGNED),
    ),
    CertificateRule(
        RULE, "authorised signatory named", check_certification_signatory, (CERTIFICATION_SIGNATORY_MISSING,)
    ),
)

ITEM_RULES: Final = (
    ItemRule(
        RULE,
        "invoice number and date for each item",
        check_item_invoice,
        (INVOICE_MISSING, INVOICE_DATE_MISSING),
        precheck=form.every_item_invoiced,
    ),
)

RULES: Final = (*CERTIFICATE_RULES, *ITEM_RULES)
