"""The value content when a value is missing, where a mutation sample found a gap.

AJCEP Art 27 (paraphrased): RVC = (FOB - VNM) / FOB x 100, the VNM being the value of the non-originating
materials. When a non-originating material's value is missing, the VNM is at least the sum of the known values, so
the RVC is at most what they give: enough to show a good below the threshold, and the finding says "at least" and
"at most" rather than presenting a bound as the figure.
"""

from __future__ import annotations

from decimal import Decimal

from roo.model.money import Money
from tests.origin.helpers import criterion, material, run, table


def test_a_bound_below_the_threshold_is_shown_as_a_bound() -> None:
    determination = run(material("Premix", "190590", "70.00"), material("Sugar", "170199", None))
    assert criterion(determination, "RVC") is False
    (below,) = [f for f in determination.findings if f.code == "origin-rvc-below-threshold"]
    # The bounds keep their English text (their JSON form); the FOB value is Money, printed as before.
    assert ("at most 30.00", Money(Decimal("100.00"), "USD"), "at least 70.00 USD", "40") == (
        below.facts["rvc_percent"],
        below.facts["fob"],
        below.facts["vnm"],
        below.facts["threshold"],
    )


def test_a_qvc_left_open_by_a_missing_value_cites_jiepa() -> None:
    """JIEPA Art 29.4/29.6: the value of each non-originating material enters the QVC; one missing leaves it open."""
    rule = table({"hs": "8544", "rule": "QVC 40"}, scheme="JIEPA")
    determination = run(
        material("Copper wire", "740811", "10.00"),
        material("Insulation", "390410", None),
        psr=rule,
        scheme="JIEPA",
        exporting_party="ID",
        hs_code="854430",
    )
    missing = [f for f in determination.findings if f.code == "origin-material-value-missing"]
    assert ["JIEPA/ART/29(6)"] == [f.rule for f in missing]


def test_a_value_content_that_is_a_bound_is_worded_in_the_readers_language() -> None:
    """With a material's value missing the RVC is an upper bound and the VNM a lower one (Art 27); a translated
    message words both bounds in its own language, never the English "at least" / "at most"."""
    from roo.locale import render_finding
    from tests.origin.helpers import material, run

    determination = run(material("Flour", "190590", "70.00"), material("Sugar", "170199", None))
    (finding,) = [f for f in determination.findings if f.code == "origin-rvc-below-threshold"]
    assert (finding.facts["vnm"], finding.facts["rvc_percent"]) == ("at least 70.00 USD", "at most 30.00")
    for locale in ("ja", "id"):
        message = render_finding(finding, locale)
        assert "at least" not in message and "at most" not in message, (locale, message)
