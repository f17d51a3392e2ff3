"""Invariants of origin determination, checked with Hypothesis on generated goods and bills of materials."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import roo
from roo.origin import Good, PsrTable, determine, dump_good, load_psr

ROOT = Path(__file__).resolve().parents[2]
TABLES: dict[str, list[PsrTable | None]] = {
    "AJCEP": [None, load_psr(ROOT / "examples" / "psr" / "ajcep_example.json")],
    "JIEPA": [None, load_psr(ROOT / "examples" / "psr" / "jiepa_example.json")],
}
GOOD_CODES = ["190531", "180632", "180610", "210111", "610910", "151190", "730890", "854430", "640411"]
MATERIAL_CODES = [
    "110100", "190590", "180620", "170199", "040510", "520512", "610990", "151110", "640610", "730890",
    "721633", "854449", "853669", "1905", "18", None,
]
PARTIES = [None, "TH", "JP", "VN", "ID", "MY", "CN"]
ROLES = ["input", "input", "input", "retail_packaging", "accessory", "shipping_packing", "indirect"]
OPERATIONS = [
    [],
    [{"kind": "production"}],
    [{"kind": "production", "process": "refining"}],
    [{"kind": "simple_packing"}],
    [{"kind": "preservation"}, {"kind": "set_making"}],
]

amounts = st.decimals(min_value=0, max_value=500, places=2).map(str)


@st.composite
def material_data(draw: st.DrawFn, depth: int = 0) -> dict[str, Any]:
    """One bill-of-materials line, sometimes with its own materials."""
    data: dict[str, Any] = {
        "description": draw(st.sampled_from(["flour", "premix", "yarn", "steel", "wire", "oil"])),
        "hs_code": draw(st.sampled_from(MATERIAL_CODES)),
        "value": draw(st.one_of(st.none(), amounts.map(lambda a: {"amount": a, "currency": "USD"}))),
        "originating": draw(st.sampled_from([True, False, None])),
        "origin_party": draw(st.sampled_from(PARTIES)),
        "weight": draw(st.one_of(st.none(), amounts.map(lambda a: {"value": a, "unit": "KGM"}))),
        "role": draw(st.sampled_from(ROLES)),
    }
    if depth == 0 and draw(st.integers(0, 4)) == 0:
        data["materials"] = draw(st.lists(material_data(depth=1), max_size=3))
    return data


@st.composite
def good_data(draw: st.DrawFn) -> dict[str, Any]:
    """A good of either scheme with up to eight materials."""
    scheme = draw(st.sampled_from(["AJCEP", "JIEPA"]))
    return {
        "scheme": scheme,
        "exporting_party": "ID" if scheme == "JIEPA" else draw(st.sampled_from(["TH", "VN", "ID"])),
        "hs_code": draw(st.sampled_from(GOOD_CODES)),
        "fob_value": draw(st.one_of(st.none(), st.decimals(min_value=1, max_value=2000, places=2).map(
            lambda a: {"amount": str(a), "currency": "USD"}))),
        "final_process_in_party": draw(st.sampled_from([True, False, None])),
        "wholly_obtained": draw(st.sampled_from([None, None, None, "plant", "from_wholly_obtained"])),
        "operations": draw(st.sampled_from(OPERATIONS)),
        "materials": draw(st.lists(material_data(), max_size=8)),
        "weight": draw(st.one_of(st.none(), st.just({"value": "100", "unit": "KGM"}))),
        "on": draw(st.sampled_from([None, "2024-03-01", "2012-01-01"])),
    }


@st.composite
def cases(draw: st.DrawFn) -> tuple[dict[str, Any], PsrTable | None]:
    """A good's data and a table for its scheme (or none)."""
    data = draw(good_data())
    return data, draw(st.sampled_from(TABLES[data["scheme"]]))


def run(data: dict[str, Any], table: PsrTable | None) -> Any:
    """Load and determine."""
    return determine(roo.load_good(data), table)


@given(cases(), st.data())
def test_raising_a_non_originating_value_never_makes_a_good_originate(
    case: tuple[dict[str, Any], PsrTable | None], draw: st.DataObject
) -> None:
    """More value in a non-originating material can only lower the RVC and raise the de minimis share."""
    data, table = case
    candidates = [i for i, m in enumerate(data["materials"]) if m["originating"] is False and m["value"] is not None]
    if not candidates:
        return
    index = draw.draw(st.sampled_from(candidates))
    raised = copy.deepcopy(data)
    value = raised["materials"][index]["value"]
    value["amount"] = str(Decimal(value["amount"]) + draw.draw(st.decimals(min_value=0, max_value=500, places=2)))
    before, after = run(data, table), run(raised, table)
    if before.originating is not True:
        assert after.originating is not True


@given(cases(), st.data())
def test_making_an_unknown_material_originating_never_makes_a_good_fail(
    case: tuple[dict[str, Any], PsrTable | None], draw: st.DataObject
) -> None:
    """An unknown material is treated as non-originating, so learning that it originates can only help."""
    data, table = case
    candidates = [i for i, m in enumerate(data["materials"]) if m["originating"] is None]
    if not candidates:
        return
    index = draw.draw(st.sampled_from(candidates))
    known = copy.deepcopy(data)
    known["materials"][index]["originating"] = True
    before, after = run(data, table), run(known, table)
    if before.originating is True:
        assert after.originating is True


def _scaled(data: dict[str, Any], factor: Decimal) -> dict[str, Any]:
    """``data`` with the FOB, excise and every material value (at every depth) multiplied by ``factor``."""
    out = copy.deepcopy(data)

    def scale(money: dict[str, str] | None) -> None:
        if money is not None:
            money["amount"] = str(Decimal(money["amount"]) * factor)

    def walk(materials: list[dict[str, Any]]) -> None:
        for item in materials:
            scale(item.get("value"))
            walk(item.get("materials", []))

    scale(out.get("fob_value"))
    walk(out["materials"])
    return out


@given(cases(), st.sampled_from([Decimal("0.5"), Decimal("3"), Decimal("7.25"), Decimal("1000")]))
def test_value_content_is_invariant_under_scaling(case: tuple[dict[str, Any], PsrTable | None], factor: Decimal) -> None:
    """Scaling every value by the same factor (a change of currency unit) changes neither the RVC nor the outcome."""
    data, table = case
    before, after = run(data, table), run(_scaled(data, factor), table)
    assert (before.rvc_percent, before.originating, before.satisfied, before.box8) == (
        after.rvc_percent, after.originating, after.satisfied, after.box8,
    )


@given(cases())
def test_determination_is_pure(case: tuple[dict[str, Any], PsrTable | None]) -> None:
    """Determining twice gives equal results and leaves the good as it was."""
    data, table = case
    good: Good = roo.load_good(data)
    dumped = dump_good(good)
    first, second = determine(good, table), determine(good, table)
    assert first == second
    assert first.to_dict() == second.to_dict()
    assert dumped == dump_good(good)


@given(cases())
def test_determination_is_consistent(case: tuple[dict[str, Any], PsrTable | None]) -> None:
    """``originating`` agrees with the criteria, box 8 is given exactly when originating, and every finding is cited."""
    data, table = case
    result = run(data, table)
    met = [c for c in result.criteria if c.met is True]
    assert (result.originating is True) == bool(met)
    assert (result.box8 is not None) == (result.originating is True)
    assert all("/" in f.rule and f.code for f in result.findings)
    if result.originating is None:
        assert result.needed
