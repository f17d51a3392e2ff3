"""Loading a bill of materials: a material wholly obtained in a Party must say so consistently.

AJCEP Art 24(a) and JIEPA Art 29.1(a) (paraphrased): a good wholly obtained in a
Party originates in that Party. A material marked ``wholly_obtained_in`` a
country therefore names a real country code, is not also marked non-originating,
and names no other origin party. A mutation sample showed that these input
checks could be turned off or lose the JSON path of the problem unnoticed.
"""

from __future__ import annotations

from typing import Any

import pytest

import roo
from roo.origin import load_good
from tests.origin.helpers import good_data, material


def _problems(**changes: Any) -> list[tuple[str, str, object]]:
    data = good_data(material("Palm fruit", "120710", "20.00", **changes))
    with pytest.raises(roo.InvalidGood) as raised:
        load_good(data)
    return [(p.path, p.message, p.value) for p in raised.value.problems]


def test_wholly_obtained_in_a_real_party_loads() -> None:
    good = load_good(good_data(material("Palm fruit", "120710", "20.00", originating=None, wholly_obtained_in="TH")))
    assert good.materials[0].wholly_obtained_in == "TH"


@pytest.mark.parametrize("code", ["Thailand", "th", "T1", ""])
def test_wholly_obtained_in_is_a_country_code(code: str) -> None:
    problems = _problems(originating=None, wholly_obtained_in=code)
    assert [(path, message) for path, message, _ in problems if path.endswith("wholly_obtained_in")] == [
        ("materials[0].wholly_obtained_in", "not an ISO 3166-1 alpha-2 country code")
    ]


def test_wholly_obtained_material_cannot_be_non_originating() -> None:
    problems = _problems(originating=False, wholly_obtained_in="TH")
    assert problems == [
        (
            "materials[0].wholly_obtained_in",
            "a material wholly obtained in a Party is originating; 'originating' is false",
            "TH",
        )
    ]


def test_wholly_obtained_material_originates_where_it_was_obtained() -> None:
    problems = _problems(originating=True, wholly_obtained_in="TH", origin_party="JP")
    assert problems == [
        ("materials[0].origin_party", "a material wholly obtained in TH originates there, not in JP", "JP")
    ]


def test_origin_party_not_a_code_quotes_the_value() -> None:
    """A material's origin party is a Party, named by its ISO 3166-1 alpha-2 code; the problem quotes what was given."""
    assert _problems(origin_party="JPN") == [
        ("materials[0].origin_party", "not an ISO 3166-1 alpha-2 country code", "JPN")
    ]


def test_a_negative_material_value_must_not_be_negative() -> None:
    """A value cannot be below zero; the good's FOB must moreover be above zero, since the value content formula
    divides by it (AJCEP Art 27, JIEPA Art 29.4(b)). Each problem says which of the two it is."""
    with pytest.raises(roo.InvalidGood) as negative:
        load_good(good_data(material("Sugar", "170199", "-0.01")))
    with pytest.raises(roo.InvalidGood) as zero_fob:
        load_good(good_data(fob_value={"amount": "0", "currency": "USD"}))
    assert [("materials[0].value.amount", "must not be negative", "-0.01")] == [
        (p.path, p.message, p.value) for p in negative.value.problems
    ]
    assert [("fob_value.amount", "must be above zero", "0")] == [
        (p.path, p.message, p.value) for p in zero_fob.value.problems
    ]


def test_the_goods_code_and_volume_problems_name_their_field() -> None:
    """The good's HS code is a six-digit subheading (the level of Annex 2's rules); a volume is not negative."""
    data = good_data(hs_code="1905", volume={"value": "-1", "unit": "LTR"})
    with pytest.raises(roo.InvalidGood) as raised:
        load_good(data)
    assert [
        ("hs_code", "the good's HS code is a six-digit subheading", "1905"),
        ("volume.value", "must not be negative", "-1"),
    ] == [(p.path, p.message, p.value) for p in raised.value.problems]


def test_vessel_problems_name_the_field_and_quote_the_value() -> None:
    """A vessel's registry and flag are countries (ISO 3166-1 alpha-2); its shares are percentages from 0 to 100."""
    data = good_data(vessel={"registered_in": "ID", "flag": "Thai", "ownership_percent": "101", "crew_percent": "75"})
    with pytest.raises(roo.InvalidGood) as raised:
        load_good(data)
    assert [
        ("vessel.flag", "not an ISO 3166-1 alpha-2 country code", "Thai"),
        ("vessel.ownership_percent", "a percentage from 0 to 100", "101"),
    ] == [(p.path, p.message, p.value) for p in raised.value.problems]


def test_a_material_may_be_classified_by_its_chapter_alone() -> None:
    """A change of chapter (CC) can be judged from a material's two-digit chapter, so two digits load."""
    loaded = load_good(good_data(material("Cocoa", "18", "5.00")))
    assert loaded.materials[0].hs_digits == "18"


def test_the_deepest_level_allowed_is_still_checked() -> None:
    """At the depth limit every level is loaded and checked: a bad code at the deepest level is reported there."""
    from roo.origin.model import MAX_MATERIAL_DEPTH

    inner: dict[str, Any] = material("leaf", "1x", "1.00", originating=None)
    for _ in range(MAX_MATERIAL_DEPTH - 1):
        inner = material("level", "020200", "1.00", originating=None, materials=[inner])
    with pytest.raises(roo.InvalidGood) as raised:
        load_good(good_data(inner))
    path = "materials[0]" + ".materials[0]" * (MAX_MATERIAL_DEPTH - 1) + ".hs_code"
    assert [(path, "an HS code of 2 to 12 digits (dots allowed)", "1x")] == [
        (p.path, p.message, p.value) for p in raised.value.problems
    ]


def test_a_blank_process_name_quotes_what_was_given() -> None:
    with pytest.raises(roo.InvalidGood) as raised:
        load_good(good_data(operations=[{"kind": "production", "process": "  "}]))
    assert [("operations[0].process", "an empty process name; use null", "")] == [
        (p.path, p.message, p.value) for p in raised.value.problems
    ]


def test_weights_and_volumes_below_one_unit_load() -> None:
    """A weight or volume may be a fraction of its unit (half a kilogram); only a negative one is refused."""
    loaded = load_good(
        good_data(
            material("Yarn", "520512", "5.00", weight={"value": "0.5", "unit": "KGM"}),
            weight={"value": "0.75", "unit": "KGM"},
            volume={"value": "0", "unit": "LTR"},
        )
    )
    assert ("0.75", "0.5") == (
        str(loaded.weight.value if loaded.weight else None),
        str(loaded.materials[0].weight.value if loaded.materials[0].weight else None),
    )


def test_a_currency_not_a_code_quotes_the_value() -> None:
    with pytest.raises(roo.InvalidGood) as raised:
        load_good(good_data(fob_value={"amount": "10", "currency": "usd"}))
    assert [("fob_value.currency", "not an ISO 4217 currency code", "usd")] == [
        (p.path, p.message, p.value) for p in raised.value.problems
    ]


def test_a_material_of_no_value_loads_and_a_negative_one_is_refused() -> None:
    """A material given free of charge has a value of nought, which Art 27's VNM adds as such; only a negative
    value is impossible. The good's FOB value, the divisor of the value content, must be above zero."""
    free = load_good(good_data(material("Sample sachets", "392390", "0.00")))
    assert free.materials[0].value is not None and free.materials[0].value.amount == 0
    with pytest.raises(roo.InvalidGood) as raised:
        load_good(good_data(material("Sample sachets", "392390", "-0.01")))
    assert [(p.path, p.message) for p in raised.value.problems] == [("materials[0].value.amount", "must not be negative")]


def test_no_refunded_excise_loads_as_nought() -> None:
    """JIEPA Art 29.4(b) leaves out of the FOB excise repaid on exportation: none repaid is nought, not an error."""
    data = good_data(material("Flour", "110100", "20.00"), scheme="JIEPA", exporting_party="ID")
    data["refunded_excise"] = {"amount": "0", "currency": "USD"}
    assert load_good(data).refunded_excise is not None


def test_a_good_under_another_scheme_is_refused_saying_which_schemes_determine_origin() -> None:
    """Origin is determined under the Agreements' rules of origin (AJCEP Chapter 3, JIEPA Chapter 3); MoTR 16/2024
    is a non-preferential COO, for which roo determines nothing."""
    data = good_data(material("Flour", "110100", "20.00"), scheme="ID-MOTR-16-2024")
    with pytest.raises(roo.InvalidGood) as raised:
        load_good(data)
    assert [(p.path, p.message) for p in raised.value.problems if p.path == "scheme"] == [
        ("scheme", "origin is determined under AJCEP or JIEPA")
    ]


@pytest.mark.parametrize("party", ["Thailand", "th", "XX1"])
def test_the_exporting_party_is_a_country_code(party: str) -> None:
    """A good originates in a Party (Art 24), named by its ISO 3166-1 code, as the certificate names it."""
    with pytest.raises(roo.InvalidGood) as raised:
        load_good(good_data(material("Flour", "110100", "20.00"), exporting_party=party))
    assert [(p.path, p.message, p.value) for p in raised.value.problems] == [
        ("exporting_party", "not an ISO 3166-1 alpha-2 country code", party)
    ]

