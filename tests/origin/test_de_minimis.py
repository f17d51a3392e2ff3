"""AJCEP Art 28 / JIEPA Art 31: de minimis, at its boundaries, by chapter, by weight, and what it never does."""

from __future__ import annotations

from typing import Any

import pytest

from roo.origin import determine
from tests.origin.helpers import codes, criterion, fob, good, material, run, table


def biscuits(premix: str, **changes: Any) -> Any:
    """Biscuits (Ch 19, de minimis 10 % of FOB) with a non-originating premix that keeps its heading."""
    return run(material("Flour", "110100", "50.00"), material("Premix", "190590", premix), **changes)


@pytest.mark.parametrize(
    ("premix", "met", "flags"),
    [
        pytest.param("10.00", True, ("DMI",), id="exactly-10-percent-of-fob-is-within"),
        pytest.param("10.01", False, (), id="10.01-percent-exceeds"),
        pytest.param("9.99", True, ("DMI",), id="below-10-percent"),
        pytest.param("0.00", True, ("DMI",), id="worthless-material-still-needs-dmi"),
    ],
)
def test_chapter_19_de_minimis_at_10_percent(premix: str, met: bool, flags: tuple[str, ...]) -> None:
    """Chapter 19: materials that keep their heading pass CTH up to 10 % of the FOB, flagged DMI."""
    determination = biscuits(premix)
    rule = next(c for c in determination.criteria if c.criterion == "CTH")
    assert (met, flags) == (rule.met, rule.flags)


def test_dmi_is_not_flagged_when_every_material_changes() -> None:
    """DMI only when the criterion depends on it."""
    determination = run(material("Flour", "110100", "50.00"))
    assert ("CTH", ()) == (determination.box8, determination.flags)


def test_recommended_box8_with_de_minimis() -> None:
    """A good meeting CTH only thanks to de minimis is recommended ``CTH, DMI``."""
    determination = run(material("Flour", "110100", "55.00"), material("Premix", "190590", "10.00"))
    assert ("CTH, DMI", ("DMI",), ("CTH",)) == (determination.box8, determination.flags, determination.satisfied)


CHOCOLATE_7 = table({"hs": "1806", "rule": "CTH", "de_minimis": {"percent": "7"}})
CHOCOLATE_10 = table({"hs": "1806", "rule": "CTH", "de_minimis": {"percent": "10"}})
CHOCOLATE_UNSAID = table({"hs": "1806", "rule": "CTH"})


def chocolate(value: str, psr: Any) -> bool | None:
    """Chocolate (Ch 18) with non-originating chocolate preparation (same heading) worth ``value`` of 100."""
    determination = run(
        material("Cocoa beans", "180100", "20.00"),
        material("Chocolate couverture", "180620", value),
        psr=psr,
        hs_code="180632",
    )
    return criterion(determination, "CTH")


@pytest.mark.parametrize(
    ("value", "psr", "expected"),
    [
        pytest.param("7.00", CHOCOLATE_7, True, id="chapter-18-exactly-7-percent-row-says-7"),
        pytest.param("7.01", CHOCOLATE_7, False, id="chapter-18-7.01-percent-row-says-7"),
        pytest.param("7.01", CHOCOLATE_10, True, id="chapter-18-7.01-percent-row-says-10"),
        pytest.param("10.00", CHOCOLATE_10, True, id="chapter-18-exactly-10-percent-row-says-10"),
        pytest.param("7.00", CHOCOLATE_UNSAID, True, id="row-silent-7-percent-passes-either-way"),
        pytest.param("8.00", CHOCOLATE_UNSAID, None, id="row-silent-8-percent-depends-on-annex-2"),
        pytest.param("10.00", CHOCOLATE_UNSAID, None, id="row-silent-10-percent-depends-on-annex-2"),
        pytest.param("10.01", CHOCOLATE_UNSAID, False, id="row-silent-above-10-percent-fails-either-way"),
    ],
)
def test_chapter_18_de_minimis_7_or_10_percent(value: str, psr: Any, expected: bool | None) -> None:
    """Art 28.1(b): Chapters 18 and 21 get 10 % or 7 % of the FOB, as the product-specific rule says."""
    assert expected == chocolate(value, psr)


def test_chapter_18_undetermined_names_the_missing_percentage() -> None:
    """When 7 % fails and 10 % would pass, the finding says the table does not give the percentage."""
    determination = run(
        material("Chocolate couverture", "180620", "8.00"), psr=CHOCOLATE_UNSAID, hs_code="180632"
    )
    assert "origin-de-minimis-percent-unknown" in codes(determination)


def test_chapter_18_without_a_table_row_uses_the_general_rule() -> None:
    """No row: the general rule's CTH, with the same 7-or-10 uncertainty."""
    determination = run(material("Chocolate couverture", "180620", "8.00"), hs_code="180632")
    assert criterion(determination, "CTH") is None


@pytest.mark.parametrize(
    ("hs_code", "material_hs"),
    [
        pytest.param("151190", "151110", id="chapter-15-none"),
        pytest.param("170191", "170199", id="chapter-17-none"),
        pytest.param("020130", "020120", id="chapter-2-none"),
        pytest.param("240220", "240210", id="chapter-24-none"),
    ],
)
def test_no_de_minimis_outside_the_listed_chapters(hs_code: str, material_hs: str) -> None:
    """Goods of Chapters 1-15, 17 and 24-27 get no de minimis: even 1 % failing the CTH fails it."""
    determination = run(material("Same heading", material_hs, "1.00"), hs_code=hs_code)
    assert (False, True) == (
        criterion(determination, "CTH"),
        "origin-de-minimis-not-available" in codes(determination),
    )


def shirts(yarn_weight: str, **changes: Any) -> Any:
    """Cotton T-shirts (Ch 61, de minimis 10 % of weight) with non-originating knitted fabric of the same heading."""
    return run(
        material("Cotton yarn", "520512", "20.00", weight={"value": "90", "unit": "KGM"}),
        material("Knitted trim", "610990", "40.00", weight={"value": yarn_weight, "unit": "KGM"}),
        **{"hs_code": "610910", "weight": {"value": "100", "unit": "KGM"}, **changes},
    )


@pytest.mark.parametrize(
    ("weight", "expected"),
    [
        pytest.param("10", True, id="exactly-10-percent-of-weight-within"),
        pytest.param("10.001", False, id="just-above-10-percent-of-weight"),
    ],
)
def test_textiles_de_minimis_by_weight(weight: str, expected: bool) -> None:
    """Chapters 50-63: de minimis is 10 % of the good's weight, whatever the value (here 40 % of FOB)."""
    assert expected == criterion(shirts(weight), "CTH")


def test_textiles_weight_missing_or_in_another_unit() -> None:
    """Without the good's weight, or with weights in different units, de minimis by weight cannot be told."""
    no_weight = shirts("5", weight=None)
    other_unit = shirts("5", weight={"value": "100000", "unit": "GRM"})
    assert (None, None) == (criterion(no_weight, "CTH"), criterion(other_unit, "CTH"))


def test_de_minimis_never_helps_rvc() -> None:
    """De minimis is for CTC rules only: RVC below the threshold stays failed."""
    determination = biscuits("9.00", fob_value=fob("90.00"))
    assert (True, False) == (criterion(determination, "CTH"), criterion(determination, "RVC"))


def test_parameter_override_changes_the_de_minimis() -> None:
    """The de minimis percentage is a dated parameter a caller can override."""
    data = good(material("Flour", "110100", "50.00"), material("Premix", "190590", "12.00"))
    default = determine(data)
    wider = determine(data, parameters={"ajcep.de_minimis.value_percent": "15"})
    assert (False, True) == (criterion(default, "CTH"), criterion(wider, "CTH"))


JIEPA_TABLE = table(
    {"hs": "1806", "rule": "CTH", "de_minimis": {"percent": "10"}},
    {"hs": "1905", "rule": "CTH"},
    {"hs": "6109", "rule": "CC", "de_minimis": {"percent": "10", "basis": "weight"}},
    scheme="JIEPA",
)


def jiepa(hs_code: str, *materials: dict[str, Any], **changes: Any) -> bool | None:
    """Whether an Indonesian good meets the CTC of its JIEPA row."""
    data = good(*materials, scheme="JIEPA", exporting_party="ID", hs_code=hs_code, **changes)
    determination = determine(data, JIEPA_TABLE)
    return next(c.met for c in determination.criteria if c.criterion in ("CTH", "CC"))


@pytest.mark.parametrize(
    ("hs_code", "value", "expected"),
    [
        pytest.param("180632", "10.00", True, id="row-sets-10-percent-exactly-10"),
        pytest.param("180632", "10.01", False, id="row-sets-10-percent-above"),
        pytest.param("190531", "0.01", False, id="row-sets-no-de-minimis"),
    ],
)
def test_jiepa_de_minimis_only_from_the_rule(hs_code: str, value: str, expected: bool) -> None:
    """JIEPA Art 31: de minimis exists only where the product-specific rule sets it."""
    failing = "180620" if hs_code.startswith("18") else "190590"
    assert expected == jiepa(hs_code, material("Same heading", failing, value))


def test_jiepa_de_minimis_by_weight() -> None:
    """A JIEPA row may set its de minimis by weight."""
    fabric = material("Trim", "610990", "40.00", weight={"value": "10", "unit": "KGM"})
    assert jiepa("610910", fabric, weight={"value": "100", "unit": "KGM"}) is True
