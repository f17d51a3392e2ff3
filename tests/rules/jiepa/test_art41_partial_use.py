"""JIEPA Art 41(6): partial use of one CO across several import declarations."""

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


def _evaluate_present(declaration: dict[str, Any], earlier: list[dict[str, Any]]) -> roo.Evaluation:
    ctx = roo.load_context({"on": "2023-07-05", "declaration": declaration, "eco_drawdowns": earlier})
    return roo.evaluate(CO, ctx)


@pytest.mark.parametrize(
    ("later_on", "expected"),
    [
        pytest.param("2023-07-03", ["eco-quantity-exceeded"], id="same-day-counts"),
        pytest.param("2023-07-04", [], id="next-day-does-not-count"),
    ],
)
def test_a_drawdown_dated_after_the_present_declaration_does_not_count(later_on: str, expected: list[str]) -> None:
    """Art 41(6), one importation in parts: the present declaration of 3 July is judged by what was drawn by then."""
    declaration = {"number": "100-2023-0002", "declared_on": "2023-07-03", "items": [{"certificate_item": 1, "quantity": kg("9200")}]}
    earlier = [
        {"declaration": "100-2023-0001", "item": 1, "quantity": kg("10000"), "declared_on": "2023-07-01"},
        {"declaration": "100-2023-0003", "item": 1, "quantity": kg("1"), "declared_on": later_on},
    ]
    evaluation = _evaluate_present(declaration, earlier)
    assert expected == [f.code for f in evaluation.findings if f.rule == "JIEPA/ART/41"]


def test_the_present_declaration_registered_in_naccs_is_not_counted_twice() -> None:
    """A draw-down under the present declaration's own number is that declaration, not an earlier one."""
    declaration = {"number": "100-2023-0002", "items": [{"certificate_item": 1, "quantity": kg("9200")}]}
    earlier = [
        {"declaration": "100-2023-0001", "item": 1, "quantity": kg("10000")},
        {"declaration": "100-2023-0002", "item": 1, "quantity": kg("9200")},
    ]
    assert 1 in _evaluate_present(declaration, earlier).granted


def test_naccs_no_counts_against_pcs_certified() -> None:
    """NACCS declares a count as NO; the CO certifies PCS: the same count, compared."""
    co = jiepa(items=[jiepa_item(1, quantity={"value": "100", "unit": "PCS"})])
    ctx = roo.load_context(
        {"on": "2023-07-05", "declaration": {"items": [{"certificate_item": 1, "quantity": {"value": "61", "unit": "NO"}}]},
         "eco_drawdowns": [{"declaration": "A", "item": 1, "quantity": {"value": "40", "unit": "NO"}}]}
    )
    evaluation = roo.evaluate(co, ctx)
    assert ["eco-quantity-exceeded"] == [f.code for f in evaluation.findings if f.rule == "JIEPA/ART/41"]
    finding = next(f for f in evaluation.findings if f.code == "eco-quantity-exceeded")
    assert ("61", "NO", "60", "PCS") == tuple(str(finding.facts[k]) for k in ("requested", "requested_unit", "remaining", "unit"))


def _partial_use_checks(evaluation: roo.Evaluation, item: int) -> list[tuple[roo.Outcome, tuple[str, ...]]]:
    return [(c.outcome, c.needed) for c in evaluation.checks if c.rule == "JIEPA/ART/41" and c.item == item]


@pytest.mark.parametrize(
    ("lines", "earlier", "needed", "code"),
    [
        pytest.param(
            [{"certificate_item": 2, "quantity": {"value": "3", "unit": "MTQ"}}],
            [],
            ("context.declaration.items.quantity",),
            "eco-drawdown-unit-mismatch",
            id="declared-in-cubic-metres-against-kilograms",
        ),
        pytest.param(
            [{"certificate_item": 2, "quantity": kg("100")}],
            [{"declaration": "100-2023-0001", "item": 2, "quantity": {"value": "4", "unit": "MTQ"}}],
            ("context.eco_drawdowns.quantity",),
            "eco-drawdown-unit-mismatch",
            id="earlier-draw-down-in-another-measure",
        ),
    ],
)
def test_quantities_roo_cannot_compare_leave_the_check_not_evaluated(
    lines: list[dict[str, Any]], earlier: list[dict[str, Any]], needed: tuple[str, ...], code: str
) -> None:
    """Art 41(6): a CO applies to a single importation, so the parts it is declared in may not together draw more
    than the CO certifies for the item. Where a quantity is in a unit that does not measure what the item's does,
    what remains cannot be computed: the warning says so, the item is not denied, and the check is not evaluated
    (naming the quantity to give in a comparable unit), so the grant does not rest on it."""
    evaluation = evaluate(lines, earlier)
    assert code in [f.code for f in evaluation.findings if f.item == 2]
    assert [(roo.Outcome.NOT_EVALUATED, needed)] == _partial_use_checks(evaluation, 2)
    assert 2 in evaluation.granted
    assert needed in [c.needed for c in evaluation.unverified]


def test_an_item_without_a_certified_quantity_leaves_the_check_not_evaluated() -> None:
    """The e-CO item shows no quantity: nothing to draw down from, so the check names the item's quantity."""
    co = jiepa(items=[jiepa_item(1, quantity=None)])
    ctx = roo.load_context({"on": "2023-07-03", "declaration": {"items": [{"certificate_item": 1, "quantity": kg("5")}]}})
    evaluation = roo.evaluate(co, ctx)
    assert "eco-item-without-quantity" in [f.code for f in evaluation.findings]
    assert [(roo.Outcome.NOT_EVALUATED, ("certificate.items.quantity",))] == _partial_use_checks(evaluation, 1)


def test_comparable_units_are_checked_and_complete() -> None:
    """Tonnes against the item's kilograms compare (UN/ECE Rec 20): the check is made and passes."""
    evaluation = evaluate([{"certificate_item": 2, "quantity": {"value": "0.5", "unit": "TNE"}}], [])
    assert [(roo.Outcome.PASSED, ())] == _partial_use_checks(evaluation, 2)


# --- a line must draw on an item the CO has ---------------------------------------------------------------------


def _unknown(evaluation: roo.Evaluation) -> list[tuple[int | None, roo.Severity, Any]]:
    return [(f.item, f.severity, f.facts.get("declaration")) for f in evaluation.findings if f.code == "eco-drawdown-unknown-item"]


def test_a_line_under_an_item_the_co_does_not_have_is_reported() -> None:
    """Art 41(6): the declarations of one importation draw on what the CO certifies; a line under item 9 of a CO of
    two items draws on nothing it certifies. An error against item 9, which denies neither of the CO's own items.

    Regression: such a line was accepted without a word, and the ledger's finding for it was never reported.
    """
    declaration = {
        "number": "100-2023-0417",
        "items": [
            {"certificate_item": 1, "quantity": kg("100")},
            {"certificate_item": 2, "quantity": kg("100")},
            {"certificate_item": 9, "quantity": kg("500")},
        ],
    }
    evaluation = _evaluate_present(declaration, [])
    assert [(9, roo.Severity.ERROR, "100-2023-0417")] == _unknown(evaluation)
    assert ((1, 2), roo.Status.ACCEPTED) == (evaluation.granted, evaluation.status)


def test_several_lines_under_one_absent_item_are_one_finding_and_a_line_without_quantity_counts() -> None:
    """Each absent item number is named once, whatever its lines say, a quantity or none."""
    lines = [{"certificate_item": 7}, {"certificate_item": 7, "quantity": kg("1")}, {"certificate_item": 8}]
    evaluation = _evaluate_present({"items": lines}, [])
    assert [(7, roo.Severity.ERROR, None), (8, roo.Severity.ERROR, None)] == _unknown(evaluation)


@pytest.mark.parametrize(
    ("declaration", "outcome"),
    [
        pytest.param({"items": [{"certificate_item": 1, "quantity": kg("1")}]}, roo.Outcome.PASSED, id="lines-on-co-items"),
        pytest.param({"items": []}, roo.Outcome.NOT_APPLICABLE, id="no-lines"),
    ],
)
def test_lines_on_the_cos_own_items_pass(declaration: dict[str, Any], outcome: roo.Outcome) -> None:
    """Lines only under the CO's items: nothing to report."""
    evaluation = _evaluate_present(declaration, [])
    assert [] == _unknown(evaluation)
    title = "each declaration line draws on an item the CO has"
    assert [outcome] == [c.outcome for c in evaluation.checks if c.title == title]


def test_without_a_declaration_the_lines_are_not_evaluated() -> None:
    """No declaration: no line to look at, the check says what it needs."""
    title = "each declaration line draws on an item the CO has"
    assert [("context.declaration",)] == [c.needed for c in roo.evaluate(CO).checks if c.title == title]
