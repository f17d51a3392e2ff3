"""Comparing an e-CO with the downloaded copy of its data (JIEPA e-CO arrangement §4(c))."""

from __future__ import annotations

import pytest

from roo.eco import Materiality, compare
from tests.builders import certificate, item_data


def eco(**changes: object) -> object:
    """An electronic JIEPA certificate."""
    return certificate(scheme="JIEPA", medium="electronic", copy=None, **changes)


def test_identical_copy_has_no_discrepancy() -> None:
    """An e-CO equal to its copy: nothing to report."""
    assert () == compare(eco(), eco())


def test_differences_of_form_only_are_not_discrepancies() -> None:
    """Case, spacing, HS dots and trailing zeros are form, not content."""
    copy = eco(
        remarks="",
        items=[
            item_data(
                1,
                hs_code="0306.17",
                description="FROZEN  SHRIMP, peeled",
                fob_value={"amount": "52000", "currency": "USD"},
                origin_criterion="wo",
            )
        ],
    )
    assert () == compare(eco(), copy)


@pytest.mark.parametrize(
    ("item_changes", "path"),
    [
        pytest.param({"hs_code": "030616"}, "items[0].hs_code", id="hs-subheading"),
        pytest.param({"origin_criterion": "CTH"}, "items[0].origin_criterion", id="origin-criterion"),
        pytest.param({"quantity": {"value": "4100", "unit": "KGM"}}, "items[0].quantity.value", id="quantity"),
        pytest.param({"invoice": {"number": "INV-X", "date": "2024-02-28"}}, "items[0].invoice.number", id="invoice"),
        pytest.param({"description": "Canned tuna in oil"}, "items[0].description", id="different-goods"),
    ],
)
def test_material_item_discrepancies(item_changes: dict[str, object], path: str) -> None:
    """What decides preference is material, reported against its item."""
    found = compare(eco(), eco(items=[item_data(1, **item_changes)]))
    assert [(path, Materiality.MATERIAL, 1)] == [(d.path, d.materiality, d.item) for d in found]


def test_material_certificate_discrepancy() -> None:
    """A different issue date is material and belongs to no item."""
    found = compare(eco(), eco(issue_date="2024-03-06"))
    assert [("issue_date", Materiality.MATERIAL, None)] == [(d.path, d.materiality, d.item) for d in found]


def test_data_element_lacking_in_the_eco_is_minor() -> None:
    """A lacking element the copy supplies is a minor defect: customs may refer to the copy."""
    found = compare(eco(items=[item_data(1, invoice={"number": "INV-24-0311", "date": None})]), eco())
    assert [("items[0].invoice.date", Materiality.MINOR)] == [(d.path, d.materiality) for d in found]


def test_address_and_remarks_are_minor() -> None:
    """Other fields are minor."""
    found = compare(eco(remarks="Partial shipment"), eco(remarks=""))
    assert [Materiality.MINOR] == [d.materiality for d in found]


def test_item_missing_from_either_side_is_material() -> None:
    """An item on one side only is material."""
    two = eco(items=[item_data(1), item_data(2)])
    one = eco()
    assert [("items[1]", Materiality.MATERIAL, 2)] == [(d.path, d.materiality, d.item) for d in compare(two, one)]
    assert [Materiality.MATERIAL] == [d.materiality for d in compare(one, two)]


def test_blank_text_is_a_lacking_element_not_a_material_difference() -> None:
    """§4(c) names "a lack of some data elements" a minor defect: blank text lacks the element as None does."""
    found = compare(eco(items=[item_data(1, hs_code=" ")]), eco())
    assert [("items[0].hs_code", Materiality.MINOR)] == [(d.path, d.materiality) for d in found]


def test_supplement_reads_only_what_the_e_co_lacks() -> None:
    """The copy fills the e-CO's blanks; the e-CO's own values and items stay as they are (§4(c): the e-CO is
    the basis)."""
    from roo.eco.compare import supplement

    lacking = eco(items=[item_data(1, hs_code="", origin_criterion="CTH")])
    copy = eco(items=[item_data(1, hs_code="030617", origin_criterion="WO"), item_data(2)])
    filled, supplied = supplement(lacking, copy)
    assert [("items[0].hs_code", "030617", 1)] == [(s.path, s.value, s.item) for s in supplied]
    assert ("030617", "CTH", (1,)) == (
        filled.items[0].hs_code,
        str(filled.items[0].origin_criterion),
        tuple(i.number for i in filled.items),
    )


def test_supplement_without_anything_lacking_returns_the_e_co_itself() -> None:
    """Nothing lacking: the very same certificate."""
    from roo.eco.compare import supplement

    co = eco()
    filled, supplied = supplement(co, eco())
    assert (filled, supplied) == (co, ()) and filled is co
