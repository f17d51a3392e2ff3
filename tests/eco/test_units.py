"""Units compared by meaning: UN/ECE Recommendation 20 codes and the table of equivalents (docs/eco.md)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roo.eco import units


@pytest.mark.parametrize("spelling", ["NO", "PCS", "pcs.", " PCE ", "H87", "C62", "NAR", "UNITS"])
def test_every_count_of_articles_is_a_piece(spelling: str) -> None:
    """NACCS's NO and a CO's PCS count the same thing: single articles (Rec 20 H87)."""
    assert "H87" == (units.unit(spelling) or units.Unit("", "", Decimal(0))).code


@pytest.mark.parametrize(
    ("value", "spelling", "target", "expected"),
    [
        ("2", "TNE", "KGM", Decimal("2000")),
        ("2500", "kg", "TNE", Decimal("2.5")),
        ("3", "DZN", "PCS", Decimal("36")),
        ("1", "PR", "PCS", None),  # a pair is not a number of articles
        ("1", "KGM", "LTR", None),  # mass is not volume
        ("5", "BOX", "box", Decimal("5")),  # unknown, but spelt the same
        ("5", "BOX", "CTN", None),  # unknown and spelt otherwise: not guessed
        ("1", "MT", "KGM", None),  # MT is no Rec 20 code: not read as a tonne
    ],
)
def test_in_unit(value: str, spelling: str, target: str, expected: Decimal | None) -> None:
    """Same measure: converted exactly; anything else: None."""
    assert expected == units.in_unit(Decimal(value), spelling, target)


def test_every_equivalent_names_a_known_code() -> None:
    """The table of equivalents only points at codes roo knows."""
    assert set(units.EQUIVALENTS.values()) <= set(units.UNITS)


@given(st.decimals(min_value=0, max_value=10**9, places=3), st.sampled_from(sorted(units.EQUIVALENTS)))
def test_a_quantity_in_its_own_unit_is_itself(value: Decimal, spelling: str) -> None:
    """Converting to the same unit changes nothing."""
    assert value == units.in_unit(value, spelling, spelling)
