"""AJCEP IR 2(a) and IR 3: the form of the CO, its signatures, the original, and the invoices."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from roo.rules.ajcep import ir03_form
from tests.builders import certificate, item_data

CODES = frozenset(spec.code for rule in ir03_form.RULES for spec in rule.specs)

Seen = list[tuple[str, roo.Severity, int | None]]


def form_findings(evaluation: roo.Evaluation) -> Seen:
    """The findings of the IR 3 form rules, as (code, severity, item)."""
    return [(f.code, f.severity, f.item) for f in evaluation.findings if f.code in CODES]


def only(evaluation: roo.Evaluation, code: str) -> roo.Finding:
    """The one finding with ``code``."""
    found = [f for f in evaluation.findings if f.code == code]
    assert 1 == len(found)
    return found[0]


ERROR = roo.Severity.ERROR
WARNING = roo.Severity.WARNING
INFO = roo.Severity.INFO

TWO_ITEMS = [item_data(1), item_data(2, description="Frozen squid, cleaned", hs_code="030743")]


def test_clean_certificate_has_no_form_findings() -> None:
    """A complete, signed original with one invoice passes every form rule."""
    evaluation = roo.evaluate(certificate())
    assert ([], roo.Status.ACCEPTED) == (form_findings(evaluation), evaluation.status)


# --- IR 3(c): reference number ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference_number", "expected"),
    [
        pytest.param("ID/2024/AJ/000123", [], id="reference-number-given"),
        pytest.param("1", [], id="one-character-reference-number-is-enough"),
        pytest.param(None, [("reference-number-missing", ERROR, None)], id="no-reference-number"),
        pytest.param("", [("reference-number-missing", ERROR, None)], id="empty-reference-number"),
        pytest.param("   ", [("reference-number-missing", ERROR, None)], id="blank-reference-number"),
    ],
)
def test_reference_number(reference_number: str | None, expected: Seen) -> None:
    """Each CO bears a reference number given by its office of issuance (IR 3(c))."""
    assert expected == form_findings(roo.evaluate(certificate(reference_number=reference_number)))


def test_missing_reference_number_denies_every_item() -> None:
    """A defect of the certificate itself denies all its items, not just one."""
    evaluation = roo.evaluate(certificate(reference_number=None, items=TWO_ITEMS))
    assert (roo.Status.REJECTED, (), (1, 2)) == (evaluation.status, evaluation.granted, evaluation.denied)


# --- IR 3(d), form note 7: third-country invoicing ---------------------------------------------------------

SG_TRADER: dict[str, Any] = {"name": "Lion Trading Pte Ltd", "address": "1 Raffles Place, Singapore", "country": "SG"}


@pytest.mark.parametrize(
    ("ticked", "invoicer", "expected"),
    [
        pytest.param(False, None, [], id="no-third-country-invoice"),
        pytest.param(True, SG_TRADER, [], id="ticked-with-full-name-and-address"),
        pytest.param(
            True, None, [("third-country-invoicer-missing", ERROR, None)], id="ticked-without-any-invoicer"
        ),
        pytest.param(
            True,
            {"name": "Lion Trading Pte Ltd", "country": "SG"},
            [("third-country-invoicer-address-missing", WARNING, None)],
            id="ticked-with-name-but-no-address",
        ),
        pytest.param(
            True,
            {"name": "  ", "address": "1 Raffles Place, Singapore", "country": "SG"},
            [("third-country-invoicer-missing", ERROR, None)],
            id="ticked-with-address-but-blank-name",
        ),
        pytest.param(
            False,
            SG_TRADER,
            [("third-country-invoicing-not-indicated", WARNING, None)],
            id="invoicer-in-a-third-country-but-box-not-ticked",
        ),
        pytest.param(
            False,
            {"name": "PT Samudra Jaya Trading", "address": "Jakarta", "country": "ID"},
            [],
            id="invoicer-in-the-exporting-party-needs-no-tick",
        ),
        pytest.param(
            False,
            {"name": "Kaiyo Trading K.K.", "address": "Osaka", "country": "JP"},
            [],
            id="invoicer-in-the-importing-party-needs-no-tick",
        ),
    ],
)
def test_third_country_invoicing(ticked: bool, invoicer: dict[str, Any] | None, expected: Seen) -> None:
    """A third-country invoice is indicated in box 13 with the invoicer's name and address in box 7.

    A check that could not be completed counts too: AJCEP allows a third-country invoice without a note of its
    own, so a complete one gives no finding at all.
    """
    co = certificate(third_country_invoicing=ticked, third_country_invoicer=invoicer)
    codes = CODES | {"rule-crashed"}
    assert expected == [(f.code, f.severity, f.item) for f in roo.evaluate(co).findings if f.code in codes]


@pytest.mark.parametrize(
    ("invoicer", "missing"),
    [
        pytest.param(None, ("name", "address"), id="no-invoicer"),
        pytest.param({"name": "", "address": "1 Raffles Place"}, ("name",), id="address-only"),
    ],
)
def test_third_country_invoicer_missing_says_what_is_missing(
    invoicer: dict[str, Any] | None, missing: tuple[str, ...]
) -> None:
    """The finding's facts name the part of box 7 that is missing."""
    finding = only(
        roo.evaluate(certificate(third_country_invoicing=True, third_country_invoicer=invoicer)),
        "third-country-invoicer-missing",
    )
    assert (missing, "AJCEP/IR/3(d)") == (finding.facts["missing_parts"], finding.rule)


HK_TRADER_NO_ADDRESS: dict[str, Any] = {"name": "Hong Kong Trading Ltd", "address": "", "country": "HK"}


@pytest.mark.parametrize(
    ("ticked", "expected"),
    [
        pytest.param(True, ("third-country-invoicer-address-missing", WARNING), id="ticked"),
        pytest.param(False, ("third-country-invoicing-not-indicated", WARNING), id="unticked"),
    ],
)
def test_named_invoicer_without_address_warns_ticked_or_not(ticked: bool, expected: tuple[str, roo.Severity]) -> None:
    """The review's pair: box 7 names a Hong Kong invoicer with an empty address, box 13 ticked or not.

    IR 3(d): the third-country invoice is indicated together with information such as the invoicer's name and
    address; form note 7: the box "should" be ticked and the name and address "shall" be in box 7, and customs
    "may require" the documents. The ticked CO indicates more than the unticked one, which only warns; so it
    must not be denied: both are accepted with a warning for customs to follow up (a reading roo documents).
    """
    evaluation = roo.evaluate(certificate(third_country_invoicing=ticked, third_country_invoicer=HK_TRADER_NO_ADDRESS))
    assert ([expected], roo.Status.ACCEPTED) == (
        [(f.code, f.severity) for f in evaluation.findings if f.code in CODES],
        evaluation.status,
    )


def test_named_invoicer_without_address_names_the_invoicer() -> None:
    """The warning cites form note 7, where box 7's name and address are prescribed, and names the invoicer."""
    finding = only(
        roo.evaluate(certificate(third_country_invoicing=True, third_country_invoicer=HK_TRADER_NO_ADDRESS)),
        "third-country-invoicer-address-missing",
    )
    assert ("AJCEP/FORM/7", "Hong Kong Trading Ltd", "HK") == (
        finding.rule,
        finding.facts["invoicer"],
        finding.facts["invoicer_country"],
    )


def test_named_invoicer_without_address_with_remarks_is_read_outside_its_box() -> None:
    """With remarks, the address may be written there (IR 4(a): information outside its box is still read)."""
    co = certificate(
        third_country_invoicing=True, third_country_invoicer=HK_TRADER_NO_ADDRESS, remarks="Invoicer: 1 Queen's Rd"
    )
    assert [("third-country-invoicer-outside-its-box", WARNING, None)] == form_findings(roo.evaluate(co))


def test_unticked_third_country_invoice_cites_form_note_7() -> None:
    """The unticked box is a form-note omission naming the invoicer and its country.

    Form note 7: the box "should be ticked", and customs "may require the importer to provide the invoices and
    any other relevant documents": the invoicer is on the CO, the tick is missing, so customs may follow up and
    the CO keeps its preference.
    """
    finding = only(
        roo.evaluate(certificate(third_country_invoicer=SG_TRADER)), "third-country-invoicing-not-indicated"
    )
    evaluation = roo.evaluate(certificate(third_country_invoicer=SG_TRADER))
    expected = ("AJCEP/FORM/7", "Lion Trading Pte Ltd", "SG", roo.Status.ACCEPTED)
    assert expected == (finding.rule, finding.facts["invoicer"], finding.facts["invoicer_country"], evaluation.status)


def test_invoicer_without_country_is_not_evaluated() -> None:
    """Without the invoicer's country roo cannot tell whether it is a third country: noted, never denied."""
    co = certificate(third_country_invoicer={"name": "Lion Trading", "address": "Somewhere"})
    evaluation = roo.evaluate(co)
    noted = [
        (f.code, f.severity, f.facts["needed"])
        for f in evaluation.findings
        if f.rule == "AJCEP/IR/3(d)"
    ]
    expected = [("check-not-evaluated", INFO, ("certificate.third_country_invoicer.country",))]
    assert (expected, roo.Status.ACCEPTED) == (noted, evaluation.status)


# --- IR 3(e): exporter's declaration ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declaration", "expected"),
    [
        pytest.param({"place": "Surabaya", "date": "2024-03-04", "signed": True}, [], id="completed-and-signed"),
        pytest.param({"signed": True}, [], id="signed-place-and-date-not-this-rule"),
        pytest.param(None, [], id="declaration-left-out-is-not-stated"),  # tests/test_not_stated.py
        pytest.param({"signed": False}, [("exporter-declaration-missing", ERROR, None)], id="stated-empty"),
        pytest.param(
            {"place": "Surabaya", "date": "2024-03-04", "signed": False},
            [("exporter-declaration-unsigned", ERROR, None)],
            id="declaration-not-signed",
        ),
    ],
)
def test_exporter_declaration(declaration: dict[str, Any] | None, expected: Seen) -> None:
    """The exporter completes and signs the declaration (IR 3(e))."""
    assert expected == form_findings(roo.evaluate(certificate(exporter_declaration=declaration)))


@pytest.mark.parametrize(
    ("exporting_party", "importing_party", "box", "form"),
    [
        pytest.param("ID", "JP", 11, "the ASEAN Member States' form", id="asean-form-box-11"),
        pytest.param("TH", "JP", 11, "the ASEAN Member States' form", id="thai-co-asean-form-box-11"),
        pytest.param("JP", "ID", 10, "Japan's form", id="japans-form-box-10"),
    ],
)
@pytest.mark.parametrize("code", ["exporter-declaration-missing", "exporter-declaration-unsigned"])
def test_exporter_declaration_names_the_box_of_the_form(
    exporting_party: str, importing_party: str, box: int, form: str, code: str
) -> None:
    """The declaration is box 11 of the ASEAN Member States' form and box 10 of Japan's form."""
    empty = {"signed": False}  # the box stated with nothing in it: not completed
    declaration = empty if code == "exporter-declaration-missing" else {**empty, "place": "Surabaya"}
    co = certificate(
        exporting_party=exporting_party, importing_party=importing_party, exporter_declaration=declaration
    )
    finding = only(roo.evaluate(co), code)
    assert (box, form, True) == (finding.facts["box"], finding.facts["form"], f"box {box} of {form}" in finding.message)


# --- IR 2(a), IR 3(f): certification ------------------------------------------------------------------------

CERTIFIED: dict[str, Any] = {
    "authority": "Ministry of Trade of Indonesia",
    "signatory": "A. Wibowo",
    "place": "Surabaya",
    "signed": True,
    "sealed": True,
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, [], id="signed-by-named-signatory"),
        pytest.param(
            {"sealed": False}, [("certification-not-stamped", WARNING, None)], id="signed-but-not-stamped-warns"
        ),
        pytest.param({"signed": False}, [("certification-unsigned", ERROR, None)], id="not-signed"),
        pytest.param(
            {"signatory": None}, [("certification-signatory-missing", INFO, None)], id="signed-signatory-not-named"
        ),
        pytest.param({"signatory": " "}, [("certification-signatory-missing", INFO, None)], id="signatory-blank"),
        pytest.param(
            {"signed": False, "signatory": None},
            [("certification-unsigned", ERROR, None), ("certification-signatory-missing", INFO, None)],
            id="neither-signed-nor-named",
        ),
    ],
)
def test_certification(changes: dict[str, Any], expected: Seen) -> None:
    """The authorised signatory signs the CO (IR 3(f)); a name not printed beside the signature is only noted.

    IR 13: each Party provides "specimen official seals or impressions of stamps" so that a paper CO's stamp
    can be checked; a signed CO without one warns (customs may verify) and denies nothing.
    """
    assert expected == form_findings(roo.evaluate(certificate(certification={**CERTIFIED, **changes})))


def test_certification_left_out_of_the_data_is_not_stated() -> None:
    """Data without box 12 say nothing about it: neither an unsigned certification nor a missing signatory.

    IR 3(f) is about how the authorised signatory signs; a missing fact is not evaluated, naming the box.
    """
    evaluation = roo.evaluate(certificate(certification=None))
    needed = {name for check in evaluation.checks for name in check.needed}
    assert ([], True, False) == (form_findings(evaluation), "certificate.certification" in needed, evaluation.complete)


@pytest.mark.parametrize(
    ("exporting_party", "importing_party", "box"),
    [
        pytest.param("ID", "JP", 12, id="asean-form-box-12"),
        pytest.param("JP", "VN", 11, id="japans-form-box-11"),
    ],
)
def test_certification_names_the_box_of_the_form(exporting_party: str, importing_party: str, box: int) -> None:
    """The certification is box 12 of the ASEAN Member States' form and box 11 of Japan's form."""
    co = certificate(
        exporting_party=exporting_party, importing_party=importing_party, certification={**CERTIFIED, "signed": False}
    )
    finding = only(roo.evaluate(co), "certification-unsigned")
    assert (box, "AJCEP/IR/3(f)") == (finding.facts["box"], finding.rule)


def test_signed_certification_without_the_signatorys_name_is_accepted() -> None:
    """Signed and sealed, but no printed name: IR 2(a) asks for the signature, IR 3(f) only how it is made."""
    co = certificate(certification={**CERTIFIED, "signatory": None})
    evaluation = roo.evaluate(co)
    finding = only(evaluation, "certification-signatory-missing")
    assert ("AJCEP/IR/3(f)", INFO, roo.Status.ACCEPTED) == (finding.rule, finding.severity, evaluation.status)


@pytest.mark.parametrize(
    ("changes", "needed"),
    [
        pytest.param(
            {"certification": {k: v for k, v in CERTIFIED.items() if k != "signed"}},
            "certificate.certification.signed",
            id="certification-signed-not-stated",
        ),
        pytest.param(
            {"exporter_declaration": {"place": "Surabaya", "date": "2024-03-04"}},
            "certificate.exporter_declaration.signed",
            id="declaration-signed-not-stated",
        ),
    ],
)
def test_signature_not_stated_is_not_evaluated(changes: dict[str, Any], needed: str) -> None:
    """Data that leave ``signed`` out do not say the CO is unsigned: the check is not evaluated, nothing denied."""
    evaluation = roo.evaluate(certificate(**changes))
    checks = [c.needed for c in evaluation.checks if needed in c.needed]
    assert ([], [(needed,)], roo.Status.ACCEPTED) == (form_findings(evaluation), checks, evaluation.status)


# --- IR 3(b), 3(g): original and copies ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("medium", "copy", "exporting_party", "importing_party", "expected"),
    [
        pytest.param("paper", "original", "ID", "JP", [], id="asean-paper-original"),
        pytest.param("paper", "original", "JP", "ID", [], id="japanese-paper-original"),
        pytest.param(
            "paper", "duplicate", "ID", "JP", [("not-original", ERROR, None)], id="asean-duplicate-presented"
        ),
        pytest.param(
            "paper", "triplicate", "TH", "JP", [("not-original", ERROR, None)], id="asean-triplicate-presented"
        ),
        pytest.param(
            "paper", "duplicate", "JP", "ID", [("not-original", ERROR, None)], id="japan-issues-no-duplicate"
        ),
        pytest.param(
            "paper", None, "ID", "JP", [("copy-not-indicated", INFO, None)], id="asean-paper-sheet-not-marked"
        ),
        pytest.param("paper", None, "JP", "ID", [], id="japans-form-has-only-an-original"),
        pytest.param("electronic", None, "ID", "JP", [], id="e-co-has-no-sheets"),
    ],
)
def test_original_presented(
    medium: str, copy: str | None, exporting_party: str, importing_party: str, expected: Seen
) -> None:
    """The original goes to the importing Party's customs; the copies stay in the exporting Party."""
    co = certificate(medium=medium, copy=copy, exporting_party=exporting_party, importing_party=importing_party)
    assert expected == form_findings(roo.evaluate(co))


@pytest.mark.parametrize("copy", ["duplicate", "triplicate", None, "original"])
def test_certified_true_copy_is_not_refused_as_a_copy(copy: str | None) -> None:
    """IR 5(b): a certified true copy made on the exporter's duplicate takes the original's place."""
    co = certificate(copy=copy, certified_true_copy=True, certified_true_copy_date="2024-05-10")
    evaluation = roo.evaluate(co, on=date(2024, 5, 20))
    assert ([], roo.Status.ACCEPTED) == (form_findings(evaluation), evaluation.status)


def test_unmarked_sheet_does_not_deny() -> None:
    """An ASEAN paper CO that does not say which sheet it is stays accepted."""
    assert roo.Status.ACCEPTED == roo.evaluate(certificate(copy=None)).status


def test_duplicate_denies_every_item() -> None:
    """A copy presented instead of the original is a defect of the whole CO."""
    evaluation = roo.evaluate(certificate(copy="duplicate", items=TWO_ITEMS))
    finding = only(evaluation, "not-original")
    assert (roo.Status.REJECTED, "AJCEP/IR/3(g)", "duplicate") == (
        evaluation.status,
        finding.rule,
        finding.facts["copy"],
    )


# --- IR 3(h): several invoices ------------------------------------------------------------------------------


def _invoice(number: str, day: str = "2024-02-28") -> dict[str, Any]:
    return {"number": number, "date": day}


@pytest.mark.parametrize(
    ("invoices", "expected_count"),
    [
        pytest.param(["INV-1"], None, id="one-item-one-invoice"),
        pytest.param(["INV-1", "INV-1"], None, id="two-items-same-invoice"),
        pytest.param(["INV-1", " INV-1 "], None, id="same-invoice-with-stray-spaces"),
        pytest.param(["INV-1", "INV-2"], 2, id="two-invoices-one-shipment"),
        pytest.param(["INV-1", "INV-2", "INV-1"], 2, id="three-items-two-invoices"),
        pytest.param(["INV-1", "INV-2", "INV-3"], 3, id="three-invoices"),
    ],
)
def test_several_invoices_are_accepted_and_noted(invoices: list[str], expected_count: int | None) -> None:
    """Two or more invoices for one shipment are accepted (IR 3(h)); roo notes them."""
    items = [item_data(n, invoice=_invoice(number)) for n, number in enumerate(invoices, start=1)]
    evaluation = roo.evaluate(certificate(items=items))
    noted = [f.facts["count"] for f in evaluation.findings if f.code == "several-invoices"]
    severities = {f.severity for f in evaluation.findings if f.code == "several-invoices"}
    expected = ([] if expected_count is None else [expected_count], roo.Status.ACCEPTED)
    assert expected == (noted, evaluation.status)
    assert severities <= {INFO}


def test_several_invoices_lists_them_in_item_order() -> None:
    """The note lists the distinct invoice numbers as printed, in item order."""
    items = [item_data(1, invoice=_invoice("B-2")), item_data(2, invoice=_invoice("A-1"))]
    finding = only(roo.evaluate(certificate(items=items)), "several-invoices")
    assert (("B-2", "A-1"), None, "AJCEP/IR/3(h)") == (finding.facts["invoices"], finding.item, finding.rule)


# --- Form note 6: invoice number and date for each item -----------------------------------------------------


@pytest.mark.parametrize(
    ("invoice", "expected"),
    [
        pytest.param({"number": "INV-24-0311", "date": "2024-02-28"}, [], id="number-and-date"),
        pytest.param(None, [("invoice-missing", WARNING, 2)], id="no-invoice"),
        pytest.param({"number": "", "date": "2024-02-28"}, [("invoice-missing", WARNING, 2)], id="empty-number"),
        pytest.param({"number": "  "}, [("invoice-missing", WARNING, 2)], id="blank-number-no-date"),
        pytest.param({"number": "INV-24-0311"}, [("invoice-date-missing", WARNING, 2)], id="number-without-date"),
    ],
)
def test_invoice_for_each_item(invoice: dict[str, Any] | None, expected: Seen) -> None:
    """Box 10 should show the invoice number and date for each item (form note 6): a warning, never a denial."""
    items = [item_data(1), item_data(2, invoice=invoice)]
    assert expected == form_findings(roo.evaluate(certificate(items=items)))


@pytest.mark.parametrize(
    "items",
    [
        pytest.param([item_data(1), item_data(2, invoice=None), item_data(3)], id="single-invoice-printed-on-some-items"),
        pytest.param(
            [item_data(1), item_data(2, invoice=None), item_data(3, invoice=None)],
            id="single-invoice-printed-on-item-1-only",
        ),
        pytest.param(
            [item_data(1), item_data(2, invoice=_invoice("INV-2")), item_data(3, invoice=None)],
            id="two-invoices-one-item-without",
        ),
        pytest.param([item_data(1, invoice=None)], id="no-invoice-anywhere"),
    ],
)
def test_item_without_invoice_is_not_denied(items: list[dict[str, Any]]) -> None:
    """Form note 6 says the invoice "should" be shown for each item: its absence warns and denies nothing."""
    evaluation = roo.evaluate(certificate(items=items))
    missing = [f.severity for f in evaluation.findings if f.code == "invoice-missing"]
    expected = (roo.Status.ACCEPTED, [WARNING] * sum(1 for i in items if i["invoice"] is None))
    assert expected == (evaluation.status, missing)


def test_item_without_invoice_date_is_still_granted() -> None:
    """A missing invoice date is a warning: the item keeps its preference."""
    evaluation = roo.evaluate(certificate(items=[item_data(1, invoice={"number": "INV-1"})]))
    finding = only(evaluation, "invoice-date-missing")
    assert (roo.Status.ACCEPTED, "AJCEP/FORM/6", "INV-1") == (
        evaluation.status,
        finding.rule,
        finding.facts["invoice_number"],
    )


def test_every_form_finding_has_a_message_naming_the_item_when_there_is_one() -> None:
    """Item-level findings start with the item number; certificate-level ones do not."""
    co = certificate(reference_number=None, items=[item_data(1), item_data(2, invoice=None)])
    messages = {f.code: f.message for f in roo.evaluate(co).findings if f.code in CODES}
    assert (False, True) == (
        messages["reference-number-missing"].startswith("Item"),
        messages["invoice-missing"].startswith("Item 2: "),
    )


# --- Duly completed: boxes an officer reads (IR 2(a) for the issuing authority; IR 4(a) at import) ------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({"exporter": None}, [("exporter-missing", WARNING, None)], id="no-exporter"),
        pytest.param(
            {"exporter": {"name": " ", "address": "Jl. Pelabuhan 1", "country": "ID"}},
            [("exporter-missing", WARNING, None)],
            id="exporter-name-blank",
        ),
        pytest.param({"consignee": None}, [("consignee-missing", WARNING, None)], id="no-consignee"),
        pytest.param(
            {"exporter": None, "consignee": None},
            [("exporter-missing", WARNING, None), ("consignee-missing", WARNING, None)],
            id="neither",
        ),
        pytest.param(
            {"exporter": {"name": "PT Samudra Jaya"}}, [], id="exporter-named-without-address-is-a-minor-omission"
        ),
    ],
)
def test_exporter_and_consignee_named(changes: dict[str, Any], expected: Seen) -> None:
    """IR 4(a): customs disregard omissions "provided that these minor errors do not affect the authenticity of
    the CO or the accuracy of the information". A CO that names no exporter or consignee does not say whose
    goods it certifies or for whom: not minor, yet no text makes it invalid, so it warns and denies nothing.
    """
    evaluation = roo.evaluate(certificate(**changes))
    assert (expected, roo.Status.ACCEPTED) == (form_findings(evaluation), evaluation.status)


def test_the_exporter_finding_is_what_ir4_points_to() -> None:
    """IR 4's exporter comparison leaves an empty box 1 to this rule, which now reports it."""
    from roo.context import Context, Declaration

    evaluation = roo.evaluate(certificate(exporter=None), Context(declaration=Declaration(exporter="PT Samudra Jaya")))
    check = next(c for c in evaluation.checks if c.title == "exporter on the import declaration is the CO's exporter")
    assert (("certificate.exporter",), ["exporter-missing"]) == (
        check.needed,
        [f.code for f in evaluation.findings if f.code == "exporter-missing"],
    )


@pytest.mark.parametrize(
    ("quantity", "gross_weight", "expected"),
    [
        pytest.param({"value": "4000", "unit": "KGM"}, None, [], id="quantity-only"),
        pytest.param(None, {"value": "4300", "unit": "KGM"}, [], id="gross-weight-only"),
        pytest.param(None, None, [("item-quantity-missing", WARNING, 2)], id="neither"),
    ],
)
def test_item_quantity(quantity: Any, gross_weight: Any, expected: Seen) -> None:
    """IR 2(c) names "quantity (e.g. gross weight, net weight)" among what the CO states; box 9 holds the gross
    weight or other quantity. Either one states it; an item with neither warns on that item only.
    """
    items = [item_data(1), item_data(2, quantity=quantity, gross_weight=gross_weight)]
    evaluation = roo.evaluate(certificate(items=items))
    assert (expected, (1, 2)) == (form_findings(evaluation), evaluation.granted)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, [], id="paper-stamped"),
        pytest.param(
            {"certification": {**CERTIFIED, "sealed": False}},
            [("certification-not-stamped", WARNING, None)],
            id="paper-not-stamped",
        ),
        pytest.param(
            {"medium": "electronic", "copy": None, "certification": {**CERTIFIED, "sealed": False}},
            [],
            id="an-e-co-has-no-stamp",
        ),
        pytest.param(
            {"certification": {**CERTIFIED, "sealed": False, "signed": False}},
            [("certification-unsigned", ERROR, None)],
            id="unsigned-is-reported-as-unsigned",
        ),
    ],
)
def test_stamp_on_a_paper_co(changes: dict[str, Any], expected: Seen) -> None:
    """IR 13: the Parties exchange "specimen official seals or impressions of stamps" of the issuing authority,
    so a paper CO's stamp is what lets customs check its authenticity. Without one IR 4(a) does not disregard
    the omission, but no text makes the CO invalid: a warning.
    """
    evaluation = roo.evaluate(certificate(**changes))
    assert expected == form_findings(evaluation)


def test_stamp_finding_names_the_box_of_japan_s_form() -> None:
    """On Japan's form the certification is box 11 (IR 3(e) puts the declaration in box 10)."""
    co = certificate(exporting_party="JP", importing_party="VN", certification={**CERTIFIED, "sealed": False})
    finding = only(roo.evaluate(co), "certification-not-stamped")
    assert (11, "AJCEP/IR/4(a)") == (finding.facts["box"], finding.rule)


@pytest.mark.parametrize(
    ("remarks", "expected"),
    [
        pytest.param("", [("third-country-invoicer-missing", ERROR, None)], id="nothing-anywhere-denies"),
        pytest.param(
            "Invoiced by Lion Trading Pte Ltd, 1 Raffles Place, Singapore",
            [("third-country-invoicer-outside-its-box", WARNING, None)],
            id="invoicer-written-in-the-remarks",
        ),
    ],
)
def test_third_country_invoicer_written_outside_its_place(remarks: str, expected: Seen) -> None:
    """IR 4(a): customs "will disregard minor errors, such as ... information which falls outside the designated
    box". An invoicer written in the remarks rather than in its place is still information: roo cannot read free
    text, so it warns instead of denying for want of the name and address.
    """
    co = certificate(third_country_invoicing=True, third_country_invoicer=None, remarks=remarks)
    assert expected == form_findings(roo.evaluate(co))


def test_several_invoices_note_is_the_same_from_the_memo_and_without_it() -> None:
    """IR 3(h)'s note depends on the invoice numbers alone, so it is remembered by them: a CO evaluated with
    the memo full of other COs' notes and again with it emptied gives the same evaluation."""
    items = [item_data(1, invoice=_invoice("B-2")), item_data(2, invoice=_invoice("A-1"))]
    for numbers in (("X-1", "X-2"), ("B-2",), ("A-1", "B-2")):
        ir03_form.several_invoices_noted(numbers)  # other COs' notes in the memo
    remembered = roo.evaluate(certificate(items=items), on=date(2024, 3, 20))
    ir03_form.several_invoices_noted.cache_clear()
    fresh = roo.evaluate(certificate(items=items), on=date(2024, 3, 20))
    assert remembered.to_dict() == fresh.to_dict()
    assert remembered == fresh
    assert ir03_form.several_invoices_noted(("B-2", "A-1")) == ir03_form.several_invoices_noted.__wrapped__(("B-2", "A-1"))
