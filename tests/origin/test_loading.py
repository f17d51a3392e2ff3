"""Loading goods (docs/origin.md): the JSON shape, every problem with its path, and the round trip."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import roo
from roo.origin import InvalidGood, MaterialRole, OperationKind, WhollyObtained, dump_good, load_good
from tests.origin.helpers import good_data, material

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "goods"

CONTRACT_EXAMPLE: dict[str, Any] = {
    "scheme": "AJCEP",
    "exporting_party": "TH",
    "hs_code": "190531",
    "description": "Sweet biscuits",
    "fob_value": {"amount": "100.00", "currency": "USD"},
    "final_process_in_party": True,
    "wholly_obtained": None,
    "operations": [],
    "materials": [
        {"description": "Wheat flour", "hs_code": "110100", "value": {"amount": "40", "currency": "USD"},
         "originating": False, "origin_party": None, "weight": None},
        {"description": "Cocoa powder", "hs_code": "180500", "value": {"amount": "5", "currency": "USD"},
         "originating": True, "origin_party": "VN"},
    ],
}


def test_the_design_example_loads() -> None:
    """The Good JSON of docs/origin.md loads through the public API."""
    good = roo.load_good(CONTRACT_EXAMPLE)
    assert (Decimal("100.00"), "USD", 2, True) == (
        good.fob_value.amount if good.fob_value else None,
        good.fob_value.currency if good.fob_value else None,
        len(good.materials),
        good.materials[1].originating,
    )


def test_defaults() -> None:
    """Only scheme, exporting Party and HS code are required; the rest defaults to unknown or empty."""
    good = load_good({"scheme": "JIEPA", "exporting_party": "ID", "hs_code": "8544.30"})
    assert (None, None, None, (), (), None) == (
        good.fob_value,
        good.final_process_in_party,
        good.wholly_obtained,
        good.operations,
        good.materials,
        good.on,
    )


def test_enums_and_nested_materials() -> None:
    """Roles, operation kinds, wholly-obtained categories and nested materials load as typed values."""
    data = good_data(
        material(
            "Crude palm oil",
            originating=None,
            role="input",
            operations=[{"kind": "production", "description": "pressing"}],
            materials=[material("Fresh fruit bunches", "120710", originating=True)],
        ),
        material("Carton", role="shipping_packing"),
        wholly_obtained="from_wholly_obtained",
        operations=[{"kind": "simple_packing", "process": None}],
        on="2024-03-01",
    )
    good = load_good(data)
    expected = (
        MaterialRole.SHIPPING_PACKING,
        OperationKind.PRODUCTION,
        True,
        WhollyObtained.FROM_WHOLLY_OBTAINED,
        OperationKind.SIMPLE_PACKING,
        date(2024, 3, 1),
    )
    assert expected == (
        good.materials[1].role,
        good.materials[0].operations[0].kind,
        good.materials[0].materials[0].originating,
        good.wholly_obtained,
        good.operations[0].kind,
        good.on,
    )


def test_structural_problems_with_paths() -> None:
    """Wrong types, unknown fields and bad enum values are listed with their JSON paths."""
    data = good_data(
        material("a", materials=[material("b", value=None, originating="yes")]),
        material("c", role="by-product"),
        unknown=1,
    )
    with pytest.raises(InvalidGood) as caught:
        load_good(data)
    paths = {p.path for p in caught.value.problems}
    assert {"materials[0].materials[0].originating", "materials[1].role", "$"} == paths


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        pytest.param({"scheme": "ID-MOTR-16-2024"}, "scheme", id="non-preferential-scheme"),
        pytest.param({"exporting_party": "th"}, "exporting_party", id="party-lower-case"),
        pytest.param({"hs_code": "1905"}, "hs_code", id="heading-not-subheading"),
        pytest.param({"fob_value": {"amount": "0", "currency": "USD"}}, "fob_value.amount", id="fob-zero"),
        pytest.param({"fob_value": {"amount": "10", "currency": "usd"}}, "fob_value.currency", id="currency-lower-case"),
        pytest.param({"refunded_excise": {"amount": "-1", "currency": "USD"}}, "refunded_excise.amount", id="negative-excise"),
        pytest.param({"weight": {"value": "-1", "unit": "KGM"}}, "weight.value", id="negative-weight"),
        pytest.param({"vessel": {"flag": "Thai"}}, "vessel.flag", id="vessel-flag-not-a-code"),
        pytest.param({"vessel": {"crew_percent": "101"}}, "vessel.crew_percent", id="crew-above-100"),
        pytest.param({"operations": [{"kind": "production", "process": " "}]}, "operations[0].process", id="blank-process"),
        pytest.param({"materials": [material(hs_code="11a1")]}, "materials[0].hs_code", id="material-hs-not-digits"),
        pytest.param({"materials": [material(hs_code="1")]}, "materials[0].hs_code", id="material-hs-one-digit"),
        pytest.param({"materials": [material(value="-0.01")]}, "materials[0].value.amount", id="negative-material-value"),
        pytest.param({"materials": [material(origin_party="JPN")]}, "materials[0].origin_party", id="alpha-3-party"),
        pytest.param(
            {"materials": [material(materials=[material(hs_code="x")])]},
            "materials[0].materials[0].hs_code",
            id="nested-material-path",
        ),
    ],
)
def test_content_problems_with_paths(changes: dict[str, Any], path: str) -> None:
    """What the types cannot say is checked after structuring, each problem at its path."""
    with pytest.raises(InvalidGood) as caught:
        load_good(good_data(**changes))
    assert [path] == [p.path for p in caught.value.problems]


def test_invalid_good_is_an_invalid_input_and_a_value_error() -> None:
    """One ``except roo.InvalidInput`` (or ``ValueError``) catches a malformed good; the certificate's does not."""
    with pytest.raises(roo.InvalidInput) as raised:
        load_good({"scheme": "AJCEP"})
    assert not isinstance(raised.value, roo.InvalidCertificate)
    with pytest.raises(ValueError, match="invalid good"):
        load_good([])


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_round_trip_of_the_examples(path: Path) -> None:
    """``load_good(dump_good(good)) == good`` and the dump is plain JSON."""
    good = load_good(json.loads(path.read_text(encoding="utf-8")))
    dumped = dump_good(good)
    assert good == load_good(json.loads(json.dumps(dumped)))


def test_fast_path_reads_nested_materials() -> None:
    """roo's fast converter reads a good whose materials contain materials (no detour through the detailed one)."""
    from roo import codec
    from roo.origin import Good

    data = json.loads((EXAMPLES / "refined_palm_oil_id.json").read_text(encoding="utf-8"))
    assert load_good(data) == codec.FAST.structure(data, Good)
