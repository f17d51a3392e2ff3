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


def test_other_unit_is_reported_not_converted() -> None:
    """roo never converts units: a drawdown in tonnes is reported."""
    findings = check_drawdowns(ECO, [], [Drawdown("D-1", 1, Quantity(Decimal("1"), "TNE"))])
    assert ["eco-drawdown-unit-mismatch"] == [f.code for f in findings]


def test_unknown_item_never_denies_real_items() -> None:
    """A drawdown on an item the e-CO lacks is reported against that number only."""
    findings = check_drawdowns(ECO, [], [Drawdown("D-1", 9, kg("1"))])
    assert [("eco-drawdown-unknown-item", 9)] == [(f.code, f.item) for f in findings]


def test_item_without_quantity() -> None:
    """An e-CO item with no quantity cannot be drawn down with certainty."""
    eco = certificate(items=[item_data(1, quantity=None)])
    assert ["eco-item-without-quantity"] == [f.code for f in check_drawdowns(eco, [], [Drawdown("D", 1, kg("1"))])]
