"""Partial use of one e-CO across several import declarations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roo import Quantity
from roo.eco import Drawdown, balances, check_drawdowns
from tests.builders import certificate, item_data

ECO = certificate(
    scheme="JIEPA",
    medium="electronic",
    copy=None,
    items=[item_data(1, quantity={"value": "4000", "unit": "KGM"}), item_data(2, quantity={"value": "10", "unit": "PCE"})],
)


def kg(value: str) -> Quantity:
    """A quantity in kilograms."""
    return Quantity(Decimal(value), "KGM")


def test_balance_after_earlier_declarations() -> None:
    """What remains per item after earlier drawdowns."""
    earlier = [Drawdown("D-1", 1, kg("1500")), Drawdown("D-2", 1, kg("500"))]
    by_item = {b.item: b for b in balances(ECO, earlier)}
    assert Decimal("2000") == by_item[1].remaining
    assert Decimal("10") == by_item[2].remaining


@pytest.mark.parametrize(
    ("requested", "codes"),
    [
        pytest.param("2000", [], id="exactly-the-remainder"),
        pytest.param("1999.999", [], id="just-under"),
        pytest.param("2000.001", ["eco-quantity-exceeded"], id="just-over"),
    ],
)
def test_new_declaration_up_to_the_remainder(requested: str, codes: list[str]) -> None:
    """A new drawdown may take exactly what remains, not more."""
    earlier = [Drawdown("D-1", 1, kg("2000"))]
    findings = check_drawdowns(ECO, earlier, [Drawdown("D-3", 1, kg(requested))])
    assert codes == [f.code for f in findings]
    assert all(f.item == 1 for f in findings)


def test_lines_of_one_new_declaration_add_up() -> None:
    """Two lines on the same item count together."""
    findings = check_drawdowns(ECO, [], [Drawdown("D-1", 1, kg("3000")), Drawdown("D-1", 1, kg("1001"))])
    assert ["eco-quantity-exceeded"] == [f.code for f in findings]


def test_unit_of_another_measure_is_reported_not_converted() -> None:
    """A count drawn on an item certified by mass cannot be compared: reported, never guessed."""
    findings = check_drawdowns(ECO, [], [Drawdown("D-1", 1, Quantity(Decimal("1"), "PCS"))])
    assert ["eco-drawdown-unit-mismatch"] == [f.code for f in findings]


@pytest.mark.parametrize(
    ("drawn", "codes"),
    [
        pytest.param(Quantity(Decimal("4"), "TNE"), [], id="4-tonnes-of-4000-kg"),
        pytest.param(Quantity(Decimal("4.000001"), "TNE"), ["eco-quantity-exceeded"], id="a-gram-more"),
        pytest.param(Quantity(Decimal("4000"), "kg"), [], id="kg-spelt-otherwise"),
    ],
)
def test_units_of_the_same_measure_compare(drawn: Quantity, codes: list[str]) -> None:
    """Units are compared by what they mean: tonnes and kilograms measure the same mass."""
    assert codes == [f.code for f in check_drawdowns(ECO, [], [Drawdown("D-1", 1, drawn)])]


@pytest.mark.parametrize(
    ("spelling", "codes"),
    [
        pytest.param("NO", [], id="naccs-NO"),
        pytest.param("PCS", [], id="co-PCS"),
        pytest.param("H87", [], id="rec20-piece"),
        pytest.param("C62", [], id="rec20-one"),
        pytest.param("KGM", ["eco-drawdown-unit-mismatch"], id="a-mass"),
        pytest.param("BOX", ["eco-drawdown-unit-mismatch"], id="unknown-unit"),
    ],
)
def test_naccs_no_and_a_cos_pcs_are_the_same_count(spelling: str, codes: list[str]) -> None:
    """Item 2 is certified as 10 PCE; NACCS declares counts as NO: both count single articles."""
    findings = check_drawdowns(ECO, [Drawdown("D-1", 2, Quantity(Decimal("4"), "PCS"))], [Drawdown("D-2", 2, Quantity(Decimal("6"), spelling))])
    assert codes == [f.code for f in findings]


def test_a_later_drawdown_does_not_count_against_an_earlier_declaration() -> None:
    """The ledger knows each declaration by number and date: one lodged the next day came later."""
    from datetime import date

    earlier = [
        Drawdown("D-1", 1, kg("1000"), date(2023, 7, 1)),
        Drawdown("D-3", 1, kg("2500"), date(2023, 7, 4)),  # lodged after the present one
    ]
    on_the_3rd = [Drawdown("D-2", 1, kg("3000"), date(2023, 7, 3))]
    assert [] == list(check_drawdowns(ECO, earlier, on_the_3rd))
    same_day = [Drawdown("D-2", 1, kg("3000"), date(2023, 7, 4))]
    assert ["eco-quantity-exceeded"] == [f.code for f in check_drawdowns(ECO, earlier, same_day)]


def test_the_present_declarations_own_registration_is_not_counted_again() -> None:
    """A draw-down that names the present declaration is its own registration in NACCS, not an earlier one."""
    earlier = [Drawdown("D-1", 1, kg("1000")), Drawdown("D-2", 1, kg("3000"))]
    assert [] == list(check_drawdowns(ECO, earlier, [Drawdown("D-2", 1, kg("3000"))]))


def test_messages_name_no_declaration_in_any_language() -> None:
    """The declaration's number is a fact, not part of the sentence: no English fragment reaches ja or id."""
    findings = check_drawdowns(ECO, [Drawdown("D-1", 1, kg("3000"))], [Drawdown("D-2", 1, kg("2000"))])
    (finding,) = findings
    assert "D-2" == finding.facts["declaration"]
    from roo.locale import render_finding

    for locale in ("ja", "id"):
        text = render_finding(finding, locale)
        assert "declaration" not in text.lower() and "D-2" not in text, (locale, text)


def test_only_a_jiepa_co_is_checked_for_partial_use() -> None:
    """JIEPA Art 41(6) is the only provision roo knows for partial use: another scheme's CO is refused."""
    with pytest.raises(ValueError, match="JIEPA"):
        check_drawdowns(certificate(), [], [Drawdown("D", 1, kg("1"))])


def test_unknown_item_never_denies_real_items() -> None:
    """A drawdown on an item the e-CO lacks is reported against that number only."""
    findings = check_drawdowns(ECO, [], [Drawdown("D-1", 9, kg("1"))])
    assert [("eco-drawdown-unknown-item", 9)] == [(f.code, f.item) for f in findings]


def test_item_without_quantity() -> None:
    """An e-CO item with no quantity cannot be drawn down with certainty."""
    eco = certificate(scheme="JIEPA", items=[item_data(1, quantity=None)])
    assert ["eco-item-without-quantity"] == [f.code for f in check_drawdowns(eco, [], [Drawdown("D", 1, kg("1"))])]
