"""Exact arithmetic at any magnitude, where a mutation sample found a gap.

roo runs every origin computation in a decimal context of its own, with the widest exponent range (issue 16: no
exception escapes, whatever the input, and no verdict depends on the caller's decimal settings). A good built in
code is not range-checked as a loaded one is, so even an amount with a six-digit exponent is computed exactly.
"""

from __future__ import annotations

from decimal import Decimal

from roo.model.certificate import Scheme
from roo.model.money import Money
from roo.origin import Good, Material, determine


def test_amounts_of_any_magnitude_are_computed_exactly() -> None:
    """AJCEP Art 27: RVC = (FOB - VNM) / FOB x 100; here 90 %, at magnitudes no context of 28 digits could hold."""
    huge = Decimal("1E+999998")
    good = Good(
        Scheme.AJCEP,
        "TH",
        "190531",
        fob_value=Money(huge * 10, "USD"),
        final_process_in_party=True,
        materials=(Material("Flour", "110100", Money(huge, "USD"), originating=False),),
    )
    determination = determine(good)
    assert (True, Decimal("90.00")) == (determination.originating, determination.rvc_percent)
