"""JIEPA e-CO arrangement §4(c): e-CO with the copy of its data during the pilot."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from tests.rules.jiepa.helpers import jiepa, jiepa_data, jiepa_item


def evaluate(on: date, data_copy: dict[str, Any] | None = None, **changes: Any) -> roo.Evaluation:
    """Evaluate the clean e-CO presented on ``on`` with an optional copy of its data."""
    ctx = roo.load_context({"on": on.isoformat(), "eco_data_copy": data_copy})
    return roo.evaluate(jiepa(**changes), ctx)


def codes(evaluation: roo.Evaluation) -> list[str]:
    """Codes of the e-CO arrangement's findings."""
    return [f.code for f in evaluation.findings if f.rule.startswith("JIEPA/ECO")]


@pytest.mark.parametrize(
    ("on", "with_copy", "expected"),
    [
        pytest.param(date(2023, 4, 30), True, ["eco-before-exchange"], id="day-before-pilot"),
        pytest.param(date(2023, 5, 1), False, ["eco-data-copy-missing"], id="first-pilot-day-without-copy"),
        pytest.param(date(2023, 5, 1), True, [], id="first-pilot-day-with-copy"),
        pytest.param(date(2023, 5, 31), False, ["eco-data-copy-missing"], id="last-day-copy-required"),
        pytest.param(date(2023, 6, 1), False, [], id="first-day-copy-not-required"),
        pytest.param(date(2023, 6, 25), False, [], id="last-pilot-day"),
        pytest.param(date(2023, 6, 26), False, [], id="full-operation-e-co-alone"),
    ],
)
def test_copy_required_from_1_to_31_may_2023(on: date, with_copy: bool, expected: list[str]) -> None:
    """The copy must accompany the e-CO from 1 to 31 May 2023; from June the e-CO may stand alone."""
    evaluation = evaluate(on, jiepa_data() if with_copy else None)
    assert expected == codes(evaluation)
    assert (roo.Status.REJECTED if expected else roo.Status.ACCEPTED) == evaluation.status


def test_without_presentation_date_not_evaluated() -> None:
    """Without context.on the phase cannot be known."""
    evaluation = roo.evaluate(jiepa())
    check = [c for c in evaluation.checks if c.title.startswith("e-CO presented")]
    assert [("not_evaluated", ("context.on",))] == [(c.outcome.value, c.needed) for c in check]


def test_paper_co_is_not_subject_to_the_copy_rule() -> None:
    """Paper COs remain acceptable within their own rules."""
    assert [] == codes(evaluate(date(2023, 5, 15), medium="paper", copy="original"))


def test_minor_discrepancy_is_a_warning() -> None:
    """A lacking data element the copy supplies: customs may refer to the copy."""
    eco_items = [jiepa_item(1, marks=None)]
    evaluation = evaluate(date(2023, 5, 15), jiepa_data(), items=eco_items)
    assert ["eco-copy-discrepancy-minor"] == codes(evaluation)
    assert roo.Status.ACCEPTED == evaluation.status


def test_material_discrepancy_denies_its_item_only() -> None:
    """Copy and e-CO disagreeing on an item's HS code deny that item; the other stays granted."""
    copy = jiepa_data(items=[jiepa_item(1, hs_code="090121"), jiepa_item(2)])
    evaluation = evaluate(date(2023, 5, 15), copy, items=[jiepa_item(1), jiepa_item(2)])
    assert ["eco-copy-discrepancy-material"] == codes(evaluation)
    assert ((1,), (2,)) == (evaluation.denied, evaluation.granted)
