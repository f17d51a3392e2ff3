"""NACCS access keys (JIEPA e-CO arrangement §4(b), §5)."""

from __future__ import annotations

import pytest

import roo
from roo.eco import AccessKeys, access_keys
from tests.builders import certificate, item_data


def test_keys_are_the_certification_number_and_the_first_items_invoice_number() -> None:
    """The two elements an importer enters: e-CO number and first item's invoice number."""
    co = certificate(
        scheme="JIEPA",
        medium="electronic",
        copy=None,
        reference_number="0001234/JIEPA/2024",
        items=[
            item_data(1, invoice={"number": "INV/2024/000789", "date": "2024-02-28"}),
            item_data(2, invoice={"number": "INV/2024/000790", "date": "2024-02-28"}),
        ],
    )
    assert AccessKeys("0001234/JIEPA/2024", "INV/2024/000789") == access_keys(co)
    assert ("0001234/JIEPA/2024", "INV/2024/000789") == access_keys(co)


def test_first_item_is_the_first_entered_not_the_lowest_number() -> None:
    """'The first item inputted in the e-CO' is the first in the order of entry."""
    co = certificate(
        items=[
            item_data(2, invoice={"number": "B-2", "date": "2024-02-28"}),
            item_data(1, invoice={"number": "A-1", "date": "2024-02-28"}),
        ]
    )
    assert "B-2" == access_keys(co).first_invoice_number


def test_invoice_number_is_kept_in_full() -> None:
    """'In full digits': leading zeros and separators are kept; only surrounding spaces go."""
    co = certificate(items=[item_data(1, invoice={"number": "  000123-A/24 ", "date": None})])
    assert "000123-A/24" == access_keys(co).first_invoice_number


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        pytest.param({"reference_number": None}, "reference_number", id="no-certification-number"),
        pytest.param({"reference_number": "  "}, "reference_number", id="blank-certification-number"),
        pytest.param({"items": [item_data(1, invoice=None)]}, "items[0].invoice.number", id="first-item-no-invoice"),
    ],
)
def test_missing_key_is_a_clear_error_with_its_path(changes: dict[str, object], path: str) -> None:
    """Without either element NACCS cannot find the e-CO: an error naming the field, not a traceback."""
    with pytest.raises(roo.InvalidCertificate) as error:
        access_keys(certificate(**changes))
    assert [path] == [p.path for p in error.value.problems]
