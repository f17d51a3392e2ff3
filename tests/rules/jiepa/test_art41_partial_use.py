"""JIEPA Art 41: partial use of one CO across several import declarations."""

from __future__ import annotations

from typing import Any

import pytest

import roo
from tests.rules.jiepa.helpers import jiepa, jiepa_item

CO = jiepa(items=[jiepa_item(1), jiepa_item(2, quantity={"value": "500", "unit": "KGM"})])


def evaluate(lines: list[dict[str, Any]], earlier: list[dict[str, Any]]) -> roo.Evaluation:
    """Evaluate with the present declaration's lines and earlier drawdowns."""
    ctx = roo.load_context({"on": "2023-07-03", "declaration": {"items": lines}, "eco_drawdowns": earlier})
    return roo.evaluate(CO, ctx)


def kg(value: str) -> dict[str, str]:
    """A quantity in kilograms."""
    return {"value": value, "unit": "KGM"}


@pytest.mark.parametrize(
    ("requested", "expected"),
    [
        pytest.param("9200", [], id="exactly-what-remains"),
        pytest.param("9200.5", ["eco-quantity-exceeded"], id="half-a-kilo-too-much"),
    ],
)
def test_declaration_within_remaining_quantity(requested: str, expected: list[str]) -> None:
    """19,200 kg certified, 10,000 kg already declared: 9,200 kg may still be declared."""
    evaluation = evaluate(
        [{"certificate_item": 1, "quantity": kg(requested)}],
        [{"declaration": "100-2023-0001", "item": 1, "quantity": kg("10000")}],
    )
    assert expected == [f.code for f in evaluation.findings if f.rule == "JIEPA/ART/41"]
    assert (1 in evaluation.granted) == (not expected)
    assert 2 in evaluation.granted


def test_without_declaration_not_evaluated() -> None:
    """No declaration: the ledger cannot be checked."""
    evaluation = roo.evaluate(CO)
    assert {("not_evaluated", ("context.declaration",))} == {
        (c.outcome.value, c.needed) for c in evaluation.checks if c.rule == "JIEPA/ART/41"
    }
