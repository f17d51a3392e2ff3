"""The vessel conditions of sea fishing, where a mutation sample found a gap.

AJCEP Art 23(b) (JIEPA Art 28(c), paraphrased): a vessel or factory ship of a Party is one registered in it, sailing
under its flag, at least half owned by nationals of the Parties, and with at least three quarters of its master,
officers and crew nationals of the Parties. Goods of sea fishing are wholly obtained only when taken by such a
vessel (AJCEP Art 25(g)); when the vessel fails, the finding gives every condition it fails, in that order.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.origin.helpers import criterion, run

SHRIMP: dict[str, Any] = {"hs_code": "030617", "exporting_party": "ID", "description": "Frozen shrimp"}


@pytest.mark.parametrize(("scheme", "rule"), [("AJCEP", "AJCEP/ART/23(b)"), ("JIEPA", "JIEPA/ART/28(c)")])
def test_a_vessel_failing_every_condition_is_given_every_reason(scheme: str, rule: str) -> None:
    vessel = {"name": "Far Star", "registered_in": "SG", "flag": "PH", "ownership_percent": "40", "crew_percent": "60"}
    determination = run(wholly_obtained="sea_fishing", vessel=vessel, scheme=scheme, **SHRIMP)
    assert criterion(determination, "WO") is False
    (finding,) = [f for f in determination.findings if f.code == "origin-vessel-not-of-party"]
    assert finding.facts["vessel"] == "'Far Star'"
    assert finding.facts["reason"] == (
        "registered in SG; flagged in PH; 40% owned by nationals of the Parties, below 50%; "
        "60% of master, officers and crew nationals of the Parties, below 75%"
    )
    assert finding.rule == rule


def test_a_vessel_with_a_share_unknown_names_the_missing_fact() -> None:
    """Art 23(b) asks for the crew's nationality: without that share, WO is left undetermined, naming it."""
    vessel = {"name": "Far Star", "registered_in": "ID", "flag": "ID", "ownership_percent": "60"}
    determination = run(wholly_obtained="sea_fishing", vessel=vessel, **SHRIMP)
    (finding,) = [f for f in determination.findings if f.code == "origin-vessel-facts-missing"]
    assert (("vessel.crew_percent",), ("vessel.crew_percent",)) == (finding.facts["needed"], determination.needed)


@pytest.mark.parametrize(
    ("known", "needed"),
    [
        pytest.param({}, ("vessel.registered_in", "vessel.flag"), id="neither"),
        pytest.param({"registered_in": "ID"}, ("vessel.flag",), id="flag-unknown"),
        pytest.param({"flag": "ID"}, ("vessel.registered_in",), id="registry-unknown"),
    ],
)
def test_a_vessel_whose_registry_or_flag_is_unknown_names_each_missing_field(
    known: dict[str, str], needed: tuple[str, ...]
) -> None:
    """Art 23(b) asks both where the vessel is registered and whose flag it flies: each unknown one is named."""
    vessel = {"name": "Far Star", "ownership_percent": "60", "crew_percent": "80", **known}
    determination = run(wholly_obtained="sea_fishing", vessel=vessel, **SHRIMP)
    assert criterion(determination, "WO") is None
    (finding,) = [f for f in determination.findings if f.code == "origin-vessel-facts-missing"]
    assert (finding.facts["needed"], determination.needed) == (needed, needed)


def test_an_unnamed_vessel_owned_by_no_national_is_named_unnamed_and_its_share_given() -> None:
    """A share of nought is a share (a vessel owned by no national of the Parties): it loads, and fails Art 23(b);
    a vessel the bill does not name is shown as unnamed."""
    vessel = {"registered_in": "SG", "flag": "ID", "ownership_percent": "0", "crew_percent": "80"}
    determination = run(wholly_obtained="sea_fishing", vessel=vessel, **SHRIMP)
    (finding,) = [f for f in determination.findings if f.code == "origin-vessel-not-of-party"]
    assert (finding.facts["vessel"], finding.facts["reason"]) == (
        "(unnamed)",
        "registered in SG; 0% owned by nationals of the Parties, below 50%",
    )
