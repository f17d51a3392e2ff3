"""De minimis at the edges a mutation sample found unpinned: materials of unknown classification, a missing value at
exactly the lower percentage, and a de minimis parameter switched off.

AJCEP Art 28 (paraphrased): a good that fails a change in tariff classification still qualifies when the
non-originating materials that do not change are, in total, within a small share of its FOB (10 % for Chapter 19;
10 % or 7 %, as Annex 2 says, for Chapters 18 and 21). A material whose classification is unknown may be one of
them, so roo counts it in the worst case; doubt never turns into a pass.
"""

from __future__ import annotations

from roo.origin import Determination, determine
from tests.origin.helpers import codes, criterion, good, material, run, table


def test_a_material_of_unknown_heading_counts_in_the_worst_case() -> None:
    """5 % that keeps its heading plus 8 % of unknown heading may be 13 % that fails to change: above 10 %, so the
    change of heading cannot be confirmed, only left undetermined for the unknown code."""
    determination = run(
        material("Flour", "110100", "50.00"), material("Premix", "190590", "5.00"), material("Mystery", None, "8.00")
    )
    cth = next(c for c in determination.criteria if c.criterion == "CTH")
    assert (None, ("materials[2].hs_code",)) == (cth.met, cth.needed)
    assert "origin-de-minimis-applied" not in codes(determination)


def test_within_de_minimis_even_if_the_unknown_material_does_not_change() -> None:
    """The contrast: 5 % plus 4 % of unknown heading is within 10 % whatever that heading: met, flagged DMI."""
    determination = run(
        material("Flour", "110100", "50.00"), material("Premix", "190590", "5.00"), material("Mystery", None, "4.00")
    )
    cth = next(c for c in determination.criteria if c.criterion == "CTH")
    assert (True, ("DMI",)) == (cth.met, cth.flags)


CHOCOLATE_UNSAID = table({"hs": "1806", "rule": "CTH"})


def test_exactly_seven_percent_known_with_a_value_missing_asks_only_for_the_value() -> None:
    """Chapter 18, Art 28.1(b): 7 % passes under either percentage. With 7 % known and one value missing, roo asks
    for that value; which percentage Annex 2 sets does not matter yet, so it is not asked for."""
    determination = run(
        material("Cocoa beans", "180100", "20.00"),
        material("Chocolate couverture", "180620", "7.00"),
        material("Chocolate filling", "180690", None),
        psr=CHOCOLATE_UNSAID,
        hs_code="180632",
    )
    cth = next(c for c in determination.criteria if c.criterion == "CTH")
    assert (None, ("materials[2].value",)) == (cth.met, cth.needed)
    assert "origin-de-minimis-percent-unknown" not in codes(determination)


def test_a_de_minimis_parameter_switched_off_leaves_the_change_undetermined() -> None:
    """A parameter the context sets to null is not in force: the CTH route that needed de minimis is left
    undetermined, naming the parameter, never decided without it."""
    data = good(material("Flour", "110100", "50.00"), material("Premix", "190590", "5.00"))
    determination = determine(data, parameters={"ajcep.de_minimis.value_chapters": None})
    cth = next(c for c in determination.criteria if c.criterion == "CTH")
    assert (None, ("parameter ajcep.de_minimis.value_chapters",)) == (cth.met, cth.needed)
    missing = [f for f in determination.findings if f.code == "origin-parameter-not-in-force"]
    assert [("AJCEP/ART/24", "CTH")] == [(f.rule, f.facts["criterion"]) for f in missing]
    assert criterion(determination, "RVC") is True


def test_jiepa_de_minimis_by_weight_without_the_goods_weight_cites_jiepa() -> None:
    """JIEPA Art 31: the product-specific rule may set the de minimis as a share of the good's weight; without the
    good's weight the change is left undetermined, and the note cites Art 31, not the AJCEP article."""
    shirts = table({"hs": "6109", "rule": "CC", "de_minimis": {"percent": "10", "basis": "weight"}}, scheme="JIEPA")
    determination = run(
        material("Cotton fabric", "520812", "30.00"),
        material("Knitted panels", "610990", "5.00", weight={"value": "0.1", "unit": "KGM"}),
        psr=shirts,
        scheme="JIEPA",
        exporting_party="ID",
        hs_code="610910",
    )
    missing = [f for f in determination.findings if f.code == "origin-de-minimis-measure-missing"]
    assert [("JIEPA/ART/31", "weight", "the good")] == [(f.rule, f.facts["basis"], f.facts["missing"]) for f in missing]
    assert ("weight",) == next(c.needed for c in determination.criteria if c.criterion == "CC")


def shirts(good_weight: str, trim_weight: str | None) -> Determination:
    """Cotton T-shirts (Ch 61, de minimis 10 % of the good's weight, AJCEP Art 28.1(c)) with knitted trim that keeps
    its heading."""
    trim = {"value": trim_weight, "unit": "KGM"} if trim_weight is not None else None
    return run(
        material("Cotton yarn", "520512", "20.00", weight={"value": "90", "unit": "KGM"}),
        material("Knitted trim", "610990", "40.00", weight=trim),
        hs_code="610910",
        weight={"value": good_weight, "unit": "KGM"},
    )


def test_a_good_of_no_weight_gives_no_share_to_compare() -> None:
    """A share of a weight of zero is no share: the change is left undetermined for want of the good's weight,
    never divided by zero."""
    determination = shirts("0", "5")
    cth = next(c for c in determination.criteria if c.criterion == "CTH")
    assert (None, ("weight",)) == (cth.met, cth.needed)


def test_a_material_weight_missing_names_the_criterion() -> None:
    """Without the trim's weight its share cannot be told; the note says which criterion it concerns."""
    determination = shirts("100", None)
    (missing,) = [f for f in determination.findings if f.code == "origin-de-minimis-measure-missing"]
    assert ("CTH", "weight", ("'Knitted trim' (materials[1])",)) == (
        missing.facts["criterion"],
        missing.facts["basis"],
        missing.facts["missing"],
    )


def test_jiepa_material_weight_missing_cites_jiepa() -> None:
    """JIEPA Art 31 sets the de minimis by weight for the row: a material whose weight is not given leaves the
    change undetermined, and the note cites the JIEPA article."""
    shirts_row = table({"hs": "6109", "rule": "CC", "de_minimis": {"percent": "10", "basis": "weight"}}, scheme="JIEPA")
    determination = run(
        material("Cotton fabric", "520812", "30.00", weight={"value": "90", "unit": "KGM"}),
        material("Knitted panels", "610990", "5.00"),
        psr=shirts_row,
        scheme="JIEPA",
        exporting_party="ID",
        hs_code="610910",
        weight={"value": "100", "unit": "KGM"},
    )
    (missing,) = [f for f in determination.findings if f.code == "origin-de-minimis-measure-missing"]
    assert (missing.rule, missing.facts["missing"]) == ("JIEPA/ART/31", ("'Knitted panels' (materials[1])",))
