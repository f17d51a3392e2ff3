"""AJCEP Art 25 / JIEPA Art 29.2: wholly obtained goods, and the vessel conditions of AJCEP Art 23(b) / JIEPA Art 28(c)."""

from __future__ import annotations

from typing import Any

import pytest

from roo.origin import WhollyObtained, determine
from roo.origin.wholly_obtained import ARTICLES
from tests.origin.helpers import codes, criterion, good, material, run

SHRIMP: dict[str, Any] = {"hs_code": "030617", "exporting_party": "ID", "description": "Frozen shrimp"}

GOOD_VESSEL: dict[str, Any] = {
    "name": "KM Samudra 7",
    "registered_in": "ID",
    "flag": "ID",
    "ownership_percent": "50",
    "crew_percent": "75",
}


def fish(**vessel: Any) -> Any:
    """Sea-fishing tuna taken by a vessel with ``vessel`` facts."""
    return run(wholly_obtained="sea_fishing", vessel={**GOOD_VESSEL, **vessel}, **SHRIMP)


def test_wholly_obtained_good_without_materials() -> None:
    """A good grown in the Party is WO; box 8 says so and no material criterion is tried."""
    determination = run(wholly_obtained="plant", hs_code="090111", exporting_party="VN")
    assert (True, "WO", ("WO",), ["WO"]) == (
        determination.originating,
        determination.box8,
        determination.satisfied,
        [c.criterion for c in determination.criteria],
    )


def test_wo_cites_the_category_paragraph() -> None:
    """The trace cites the paragraph of Art 25 (or Art 29.2) the category falls under."""
    ajcep = run(wholly_obtained="mineral", hs_code="260111")
    jiepa = run(wholly_obtained="mineral", hs_code="260111", scheme="JIEPA", exporting_party="ID")
    assert (["AJCEP/ART/25(e)"], ["JIEPA/ART/29(2)(e)"]) == (
        [c.rule for c in ajcep.checks],
        [c.rule for c in jiepa.checks if c.title.startswith("wholly")],
    )


def test_every_category_has_a_paragraph_in_both_schemes() -> None:
    """Every category maps to a paragraph of AJCEP Art 25 and of JIEPA Art 29.2."""
    assert all(set(ARTICLES[scheme]) == set(WhollyObtained) for scheme in ARTICLES)


@pytest.mark.parametrize(
    ("vessel", "met"),
    [
        pytest.param({}, True, id="exactly-50-percent-owned-and-75-percent-crew"),
        pytest.param({"ownership_percent": "49.99"}, False, id="ownership-below-50-percent"),
        pytest.param({"crew_percent": "74.99"}, False, id="crew-below-75-percent"),
        pytest.param({"flag": "PH"}, False, id="flagged-in-another-party"),
        pytest.param({"registered_in": "SG"}, False, id="registered-in-another-party"),
        pytest.param({"crew_percent": None}, None, id="crew-share-not-known"),
        pytest.param({"registered_in": None, "flag": None}, None, id="registration-not-known"),
    ],
)
def test_vessel_of_the_party(vessel: dict[str, Any], met: bool | None) -> None:
    """Sea fishing is WO only when the vessel is one of the exporting Party (Art 23(b))."""
    assert met == criterion(fish(**vessel), "WO")


def test_vessel_failure_says_why() -> None:
    """A vessel that is not one of the Party is named with every reason."""
    determination = fish(flag="PH", crew_percent="60")
    message = next(f.message for f in determination.findings if f.code == "origin-vessel-not-of-party")
    assert "flagged in PH; 60% of master, officers and crew nationals of the Parties, below 75%" in message


def test_vessel_missing_entirely() -> None:
    """Factory-ship goods without any vessel facts are undetermined, naming the vessel."""
    determination = run(wholly_obtained="factory_ship", **SHRIMP)
    assert (None, ("vessel",)) == (determination.originating, determination.needed)


def test_vessel_thresholds_are_parameters() -> None:
    """The 75 % crew threshold is a dated parameter a caller can override."""
    data = good(wholly_obtained="sea_fishing", vessel={**GOOD_VESSEL, "crew_percent": "70"}, **SHRIMP)
    assert (False, True) == (
        determine(data).originating,
        determine(data, parameters={"ajcep.vessel.crew_min_percent": "70"}).originating,
    )


def test_goods_made_from_wholly_obtained_goods() -> None:
    """Art 25(k): a good obtained in the Party exclusively from the goods of (a)-(j), each obtained *in the Party*.

    Cassava roots wholly obtained in Thailand make Thai starch WO; roots that are not originating do not.
    """
    made = run(material("Cassava roots", "071410", "5.00", originating=True, wholly_obtained_in="TH"),
               wholly_obtained="from_wholly_obtained", hs_code="110814")
    not_made = run(material("Cassava roots", "071410", "5.00", originating=False),
                   wholly_obtained="from_wholly_obtained", hs_code="110814")
    assert (True, False) == (criterion(made, "WO"), criterion(not_made, "WO"))
    assert "WO" == made.box8
    assert "origin-wo-materials-not-originating" in codes(not_made)


@pytest.mark.parametrize("scheme, party, other", [("AJCEP", "TH", "VN"), ("JIEPA", "ID", "JP")])
def test_materials_wholly_obtained_in_another_party_make_pe_never_wo(scheme: str, party: str, other: str) -> None:
    """AJCEP Art 25(k) / JIEPA Art 29.2(l): the goods of the listed paragraphs are obtained "in the Party", the
    exporting one. Roots wholly obtained in another Party are originating materials of that Party: the starch
    made from them is produced entirely from originating materials (AJCEP Art 24(c); JIEPA Art 29.1(b) through
    Art 30.1, so with ACU), never wholly obtained.
    """
    determination = run(
        material("Cassava roots", "071410", "5.00", originating=None, wholly_obtained_in=other),
        wholly_obtained="from_wholly_obtained", hs_code="110814", scheme=scheme, exporting_party=party,
    )
    assert (True, False, True) == (determination.originating, criterion(determination, "WO"), criterion(determination, "PE"))
    assert "origin-wo-materials-of-other-party" in codes(determination)
    expected_box8 = "PE, ACU" if scheme == "JIEPA" else "PE"
    assert (expected_box8, "PE", False) == (
        determination.box8, determination.satisfied[0], "WO" in determination.satisfied
    )


def test_materials_originating_in_another_party_make_pe_never_wo() -> None:
    """A material stated only as originating in another Party (not where it was obtained) is no good of (a)-(j)
    of the exporting Party either: Art 25(k) is not met."""
    determination = run(
        material("Cassava roots", "071410", "5.00", originating=True, origin_party="VN"),
        wholly_obtained="from_wholly_obtained", hs_code="110814",
    )
    assert (False, True, "PE") == (criterion(determination, "WO"), criterion(determination, "PE"), determination.box8)


def test_materials_not_stated_wholly_obtained_leave_wo_unknown() -> None:
    """An originating material of the exporting Party may have been produced there, not wholly obtained: without
    its ``wholly_obtained_in`` roo cannot tell whether Art 25(k) holds, and names the fact it needs. The good
    still qualifies as PE.
    """
    determination = run(material("Cassava roots", "071410", "5.00", originating=True),
                        wholly_obtained="from_wholly_obtained", hs_code="110814")
    wo = next(c for c in determination.criteria if c.criterion == "WO")
    assert (None, ("materials[0].wholly_obtained_in",)) == (wo.met, wo.needed)
    assert (True, "PE") == (determination.originating, determination.box8)
    assert "origin-wo-materials-not-shown-wholly-obtained" in codes(determination)


def test_indirect_materials_do_not_stop_wo() -> None:
    """Indirect materials are originating wherever produced (AJCEP Art 34) and are no material of the good for
    Art 25(k): fuel from another Party does not stop the starch being WO."""
    determination = run(
        material("Cassava roots", "071410", "5.00", originating=True, wholly_obtained_in="TH"),
        material("Fuel", "271019", "1.00", originating=False, role="indirect"),
        wholly_obtained="from_wholly_obtained", hs_code="110814",
    )
    assert (True, "WO") == (criterion(determination, "WO"), determination.box8)


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        ({"wholly_obtained_in": "Thailand"}, "materials[0].wholly_obtained_in", "ISO 3166-1"),
        ({"wholly_obtained_in": "TH", "originating": False}, "materials[0].wholly_obtained_in", "is originating"),
        ({"wholly_obtained_in": "TH", "origin_party": "VN"}, "materials[0].origin_party", "originates there"),
    ],
)
def test_wholly_obtained_in_must_agree_with_origin(changes: dict[str, Any], path: str, message: str) -> None:
    """A material wholly obtained in a Party originates in that Party (AJCEP Art 24(a)): contradictions are input
    errors with their JSON path."""
    import roo

    data = material("Cassava roots", "071410", "5.00", originating=None)
    data.update(changes)
    with pytest.raises(roo.origin.InvalidGood) as caught:
        good(data)
    assert any(p.path == path and message in p.message for p in caught.value.problems)


def test_wholly_obtained_in_round_trips() -> None:
    """The new field is optional (older JSON loads unchanged) and survives dump and load."""
    import roo

    loaded = good(material("Roots", "071410", "5.00", originating=None, wholly_obtained_in="TH"))
    assert roo.load_good(roo.origin.dump_good(loaded)) == loaded
    assert good(material("Roots", "071410", "5.00")).materials[0].wholly_obtained_in is None


def test_failed_wo_claim_without_materials_is_not_originating() -> None:
    """A WO claim that fails, with no materials to try other criteria on, leaves the good not originating."""
    assert fish(ownership_percent="10").originating is False
