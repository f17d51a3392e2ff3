"""MoTR 16/2024 Art 9: data elements (a)-(j) of the non-preferential COO."""

from __future__ import annotations

from typing import Any

import pytest

import roo
from roo.rules.id_motr_16_2024.art09_data_elements import RULES as ART09_RULES
from tests.rules.id_motr_16_2024.helpers import ON, motr, motr_item

#: The title of the certificate-level data elements check (the unsigned statement is a rule of its own).
ELEMENTS = ART09_RULES[0].title


def test_complete_coo_passes() -> None:
    """Every data element present: no Art 9 finding."""
    evaluation = roo.evaluate(motr(), on=ON)
    assert [] == [f for f in evaluation.findings if f.rule == "ID/MOTR-16-2024/9"]


@pytest.mark.parametrize(
    ("changes", "element"),
    [
        pytest.param({"exporter": None}, "a", id="a-no-exporter"),
        pytest.param({"exporter": {"name": "Viet Ceramics JSC", "address": ""}}, "a", id="a-no-exporter-address"),
        pytest.param({"consignee": {"name": "PT Keramik Nusantara"}}, "b", id="b-no-importer-address"),
        pytest.param({"producer": None}, "c", id="c-no-manufacturer"),
        pytest.param({"reference_number": " "}, "e", id="e-no-coo-number"),
        pytest.param({"exporter_declaration": {"signed": False}}, "g", id="g-statement-box-empty"),
        pytest.param({"certification": {"authority": "VCCI", "signed": False}}, "h", id="h-not-certified"),
        pytest.param({"transport": None}, "i", id="i-no-consignment-details"),
    ],
)
def test_missing_certificate_element_denies_every_item(changes: dict[str, Any], element: str) -> None:
    """A certificate-level element missing is an error on the whole COO."""
    evaluation = roo.evaluate(motr(**changes, items=[motr_item(1), motr_item(2)]), on=ON)
    found = [f for f in evaluation.findings if f.code == "motr-data-element-missing"]
    assert element in {f.facts["element"] for f in found}
    assert all(f.item is None for f in found)
    assert roo.Status.REJECTED == evaluation.status


@pytest.mark.parametrize(
    ("changes", "element"),
    [
        pytest.param({"hs_code": ""}, "d", id="d-no-hs-code"),
        pytest.param({"origin_criterion": ""}, "f", id="f-no-origin-criterion"),
        pytest.param({"quantity": None, "gross_weight": None}, "j", id="j-no-quantity"),
    ],
)
def test_missing_item_element_denies_that_item_only(changes: dict[str, Any], element: str) -> None:
    """An item-level element missing denies that item; the other stays granted (IR 3(j) principle)."""
    evaluation = roo.evaluate(motr(items=[motr_item(1, **changes), motr_item(2)]), on=ON)
    found = [f for f in evaluation.findings if f.code == "motr-item-data-element-missing"]
    assert [(element, 1)] == [(f.facts["element"], f.item) for f in found]
    assert (1,) == evaluation.denied
    assert (2,) == evaluation.granted


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        pytest.param({"quantity": None}, False, id="gross-weight-only"),
        pytest.param({"gross_weight": None}, False, id="quantity-only"),
        pytest.param({"quantity": None, "gross_weight": None}, True, id="neither"),
    ],
)
def test_a_gross_weight_is_the_quantity_of_the_goods(changes: dict[str, Any], missing: bool) -> None:
    """Art 9(j) asks for the "quantity of goods" and names no unit: a gross weight is a quantity of the goods (the
    AJCEP form's box 9 reads "gross weight or other quantity" alike). The review's case, an item showing its
    gross weight and no other quantity, has element (j); only an item showing neither lacks it."""
    evaluation = roo.evaluate(motr(items=[motr_item(1, **changes), motr_item(2)]), on=ON)
    found = [(f.facts["element"], f.item) for f in evaluation.findings if f.code == "motr-item-data-element-missing"]
    assert ([("j", 1)] if missing else [], (1,) if missing else ()) == (found, evaluation.denied)


def test_item_without_invoice_among_several_invoices_is_denied_alone() -> None:
    """With two invoices on the COO, an item without one cannot be tied to the consignment's invoices."""
    items = [motr_item(1, invoice=None), motr_item(2), motr_item(3, invoice={"number": "VC-2024-0816"})]
    evaluation = roo.evaluate(motr(items=items), on=ON)
    found = [(f.facts["element"], f.item) for f in evaluation.findings if f.code == "motr-item-data-element-missing"]
    assert ([("i", 1)], (1,)) == (found, evaluation.denied)


def test_item_without_invoice_beside_the_coos_single_invoice_is_granted() -> None:
    """The invoice number identifies the consignment: printed on item 1 only, it serves item 2 too."""
    evaluation = roo.evaluate(motr(items=[motr_item(1), motr_item(2, invoice=None)]), on=ON)
    found = [f for f in evaluation.findings if f.code == "motr-item-data-element-missing"]
    assert ([], (1, 2)) == (found, evaluation.granted)


@pytest.mark.parametrize(
    ("changes", "needed"),
    [
        pytest.param(
            {"exporter_declaration": {"place": "Hai Phong"}},
            "certificate.exporter_declaration.signed",
            id="g-signature-not-stated",
        ),
        pytest.param(
            {"certification": {"authority": "VCCI"}}, "certificate.certification.signed", id="h-signature-not-stated"
        ),
    ],
)
def test_signature_not_stated_is_not_evaluated(changes: dict[str, Any], needed: str) -> None:
    """Data that leave ``signed`` out do not show an element missing: not evaluated, nothing denied."""
    evaluation = roo.evaluate(motr(**changes), on=ON)
    checks = [c.needed for c in evaluation.checks if c.rule == "ID/MOTR-16-2024/9" and c.item is None and c.title == ELEMENTS]
    assert ([(needed,)], roo.Status.ACCEPTED) == (checks, evaluation.status)


@pytest.mark.parametrize(
    ("changes", "element"),
    [
        pytest.param({"invoice": {"number": "", "date": "2024-08-12"}}, "i", id="i-blank-invoice-number"),
        pytest.param({"invoice": {"number": "  ", "date": "2024-08-12"}}, "i", id="i-spaces-for-invoice-number"),
        pytest.param({"invoice": None}, "i", id="i-no-invoice"),
        pytest.param({"hs_code": " "}, "d", id="d-blank-hs-code"),
        pytest.param({"origin_criterion": " "}, "f", id="f-blank-origin-criterion"),
        pytest.param({"quantity": None, "gross_weight": None}, "j", id="j-no-quantity"),
    ],
)
def test_each_item_element_alone_is_noticed_through_the_engine(changes: dict[str, Any], element: str) -> None:
    """Art 9(i): the COO carries "details to identify consignment in the form of invoice number ...".

    One element missing on a single-item COO, everything else present, must
    reach the item check: the engine's look at the whole certificate first
    (the precheck) may not pass a COO because its other elements are there.
    A blank invoice number with no other invoice on the COO leaves the
    consignment unidentified, so the item is denied.
    """
    evaluation = roo.evaluate(motr(items=[motr_item(1, **changes)]), on=ON)
    found = [(f.facts["element"], f.item) for f in evaluation.findings if f.code == "motr-item-data-element-missing"]
    assert ([(element, 1)], roo.Status.REJECTED) == (found, evaluation.status)


# --- (g): a statement, not a signature ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "declaration",
    [
        pytest.param({"place": "Vung Tau", "date": "2024-08-14", "signed": False}, id="place-and-date"),
        pytest.param({"place": "Vung Tau", "signed": False}, id="place-only"),
        pytest.param({"date": "2024-08-14", "signed": False}, id="date-only"),
    ],
)
def test_a_completed_but_unsigned_statement_warns_and_denies_nothing(declaration: dict[str, Any]) -> None:
    """Art 9 (g) as summarised: the COO contains a "statement by the exporter, or producer and exporter"; the
    summary says nothing of a signature. A statement the exporter completed but did not sign is still a
    statement: a warning (customs may verify in the field, Art 10), no element missing, every item granted.
    Before, the COO was rejected for lacking element (g)."""
    evaluation = roo.evaluate(motr(exporter_declaration=declaration, items=[motr_item(1), motr_item(2)]), on=ON)
    codes = [(f.code, f.severity, f.item) for f in evaluation.findings if f.rule == "ID/MOTR-16-2024/9"]
    assert [("motr-exporter-statement-unsigned", roo.Severity.WARNING, None)] == codes
    assert (roo.Status.ACCEPTED, (1, 2)) == (evaluation.status, evaluation.granted)
    field = [f for f in evaluation.findings if f.code == "motr-field-verification-possible"]
    assert field and "the exporter's statement is not signed" in field[0].facts["reasons"]


def test_an_empty_statement_box_is_element_g_missing() -> None:
    """The boundary: nothing in the box (no place, no date, not signed) is no statement at all: element (g) is
    missing, an error on the whole COO, and no unsigned-statement warning besides."""
    evaluation = roo.evaluate(motr(exporter_declaration={"place": " ", "signed": False}), on=ON)
    found = [(f.code, f.facts.get("element")) for f in evaluation.findings if f.rule == "ID/MOTR-16-2024/9"]
    assert ([("motr-data-element-missing", "g")], roo.Status.REJECTED) == (found, evaluation.status)


def test_a_signed_statement_raises_nothing() -> None:
    """Signed, with its place and date: neither the element nor the warning."""
    evaluation = roo.evaluate(motr(), on=ON)
    assert "motr-exporter-statement-unsigned" not in [f.code for f in evaluation.findings]


def test_an_unsigned_certification_is_still_element_h_missing() -> None:
    """(h) is the issuing agency's certification: a box the agency did not sign is no certification by it (kept:
    the certification is the agency's act, as the signature certifies a JIEPA or AJCEP CO)."""
    certification = {"authority": "VCCI", "signatory": "Nguyen Van An", "signed": False, "sealed": True}
    evaluation = roo.evaluate(motr(certification=certification), on=ON)
    found = [f.facts["element"] for f in evaluation.findings if f.code == "motr-data-element-missing"]
    assert (["h"], roo.Status.REJECTED) == (found, evaluation.status)
