"""Verification due dates (AJCEP IR 14, JIEPA Arts 43-44)."""

from __future__ import annotations

from datetime import date

import pytest

from roo.deadlines import (
    additional_information_deadline,
    determination_deadline,
    verification_deadlines,
    visit_deadlines,
)


def test_ajcep_response_due_three_months_after_confirmed_receipt_unverified() -> None:
    """IR 14(c): the period runs from confirmation of receipt; its length is unverified data."""
    (deadline,) = verification_deadlines("AJCEP", date(2024, 3, 20))
    assert (date(2024, 6, 20), "AJCEP/IR/14(c)", False) == (deadline.due, deadline.rule, deadline.verified)


def test_jiepa_response_due_six_months_after() -> None:
    """JIEPA Art 43: reply within 6 months."""
    (deadline,) = verification_deadlines("JIEPA", date(2024, 3, 20))
    assert (date(2024, 9, 20), "JIEPA/ART/43", True) == (deadline.due, deadline.rule, deadline.verified)


@pytest.mark.parametrize(
    ("confirmed", "due"),
    [
        pytest.param(date(2023, 8, 31), date(2024, 2, 29), id="month-end-to-leap-day"),
        pytest.param(date(2024, 2, 29), date(2024, 8, 29), id="from-leap-day"),
        pytest.param(date(2024, 8, 31), date(2025, 2, 28), id="month-end-clamped"),
    ],
)
def test_month_arithmetic_at_month_ends(confirmed: date, due: date) -> None:
    """Months are calendar months, clamped to the month's last day."""
    assert due == verification_deadlines("JIEPA", confirmed)[0].due


def test_additional_information() -> None:
    """JIEPA: 4 months; AJCEP: 3 months (unverified)."""
    assert date(2024, 7, 20) == additional_information_deadline("JIEPA", date(2024, 3, 20)).due
    ajcep = additional_information_deadline("AJCEP", date(2024, 3, 20))
    assert (date(2024, 6, 20), False) == (ajcep.due, ajcep.verified)


def test_determination_period_unknown_is_reported_not_guessed() -> None:
    """IR 14(d): no confirmed length, so no date; the parameter needed is named."""
    deadline = determination_deadline(date(2024, 3, 20))
    assert (None, ("parameters.ajcep.verification.determination_months",)) == (deadline.due, deadline.needed)


def test_determination_period_from_caller() -> None:
    """A caller who knows the period supplies it and gets the date."""
    deadline = determination_deadline(
        date(2024, 3, 20), overrides={"ajcep.verification.determination_months": 2}
    )
    assert date(2024, 5, 20) == deadline.due


def test_override_changes_the_period() -> None:
    """A Party's changed period is data: an override applies."""
    (deadline,) = verification_deadlines(
        "AJCEP", date(2024, 3, 20), overrides={"ajcep.verification.reply_months": 6}
    )
    assert (date(2024, 9, 20), True) == (deadline.due, deadline.verified)


def test_visit_dates() -> None:
    """Art 44: request 40 days ahead, answer within 30 days, findings within 45 days of the last day."""
    deadlines = {
        d.name: d.due
        for d in visit_deadlines(
            planned_first_day=date(2024, 6, 10),
            request_received=date(2024, 4, 15),
            last_visit_day=date(2024, 6, 14),
        )
    }
    assert {
        "latest_request": date(2024, 5, 1),
        "acceptance": date(2024, 5, 15),
        "findings": date(2024, 7, 29),
    } == deadlines


def test_unknown_scheme_is_an_error() -> None:
    """No verification periods are defined for the Indonesian non-preferential COO."""
    with pytest.raises(ValueError, match="ID-MOTR-16-2024"):
        verification_deadlines("ID-MOTR-16-2024", date(2024, 3, 20))
