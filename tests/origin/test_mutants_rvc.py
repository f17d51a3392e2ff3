"""The value content when a value is missing, where a mutation sample found a gap.

AJCEP Art 27 (paraphrased): RVC = (FOB - VNM) / FOB x 100, the VNM being the value of the non-originating
materials. When a non-originating material's value is missing, the VNM is at least the sum of the known values, so
the RVC is at most what they give: enough to show a good below the threshold, and the finding says "at least" and
"at most" rather than presenting a bound as the figure.
"""

from __future__ import annotations

from tests.origin.helpers import criterion, material, run


def test_a_bound_below_the_threshold_is_shown_as_a_bound() -> None:
    determination = run(material("Premix", "190590", "70.00"), material("Sugar", "170199", None))
    assert criterion(determination, "RVC") is False
    (below,) = [f for f in determination.findings if f.code == "origin-rvc-below-threshold"]
    assert ("at most 30.00", "100.00 USD", "at least 70.00 USD", "40") == (
        below.facts["rvc_percent"],
        below.facts["fob"],
        below.facts["vnm"],
        below.facts["threshold"],
    )
