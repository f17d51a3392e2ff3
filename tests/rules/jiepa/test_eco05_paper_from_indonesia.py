"""Paper JIEPA COs from Indonesia after 5 February 2024 are flagged."""

from __future__ import annotations

import pytest

import roo
from tests.rules.jiepa.helpers import jiepa


@pytest.mark.parametrize(
    ("issue_date", "medium", "expected"),
    [
        pytest.param("2024-02-04", "paper", [], id="paper-issued-the-day-before"),
        pytest.param("2024-02-05", "paper", ["paper-co-after-eco-only"], id="paper-issued-on-the-day"),
        pytest.param("2024-06-01", "electronic", [], id="e-co-after"),
        pytest.param("2020-01-10", "paper", [], id="paper-years-before"),
    ],
)
def test_paper_from_indonesia(issue_date: str, medium: str, expected: list[str]) -> None:
    """A warning, never a denial: customs may verify authenticity."""
    co = jiepa(issue_date=issue_date, medium=medium, copy="original" if medium == "paper" else None)
    evaluation = roo.evaluate(co)
    assert expected == [f.code for f in evaluation.findings if f.rule == "JIEPA/ECO/5"]
    assert all(f.severity is roo.Severity.WARNING for f in evaluation.findings if f.rule == "JIEPA/ECO/5")


def test_paper_from_japan_not_flagged() -> None:
    """The change concerns Indonesia's issuing body only."""
    co = jiepa(issue_date="2024-06-01", medium="paper", copy="original", exporting_party="JP", importing_party="ID")
    assert [] == [f for f in roo.evaluate(co).findings if f.rule == "JIEPA/ECO/5"]


def test_the_end_of_paper_issuance_is_unverified() -> None:
    """Arrangement §5: importers may still ask for COs on paper after full implementation; the end of paper
    issuance rests on a notice roo has not read, so the parameter is unverified and the finding a warning."""
    from datetime import date

    from roo import params

    assert not params.verified("jiepa.paper_co_from_indonesia_ends", date(2024, 2, 5))
