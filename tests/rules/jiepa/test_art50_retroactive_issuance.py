"""JIEPA Art 50 (Operational Procedures): retroactive issuance, with unverified periods, never denies."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from roo import params
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.rules.jiepa import art50_retroactive_issuance as art50
from tests.rules.jiepa.helpers import jiepa, jiepa_data

SHIPPED = jiepa_data()["transport"]  # departure 2023-05-09


def shipped_on(departure: str, issued: str, ticked: bool) -> roo.Certificate:
    """A JIEPA CO shipped on ``departure`` and issued on ``issued``, marked retroactive or not."""
    return jiepa(transport=dict(SHIPPED, departure_date=departure), issue_date=issued, issued_retroactively=ticked)


def codes(co: roo.Certificate, ctx: Context | None = None) -> list[tuple[str, Severity]]:
    """The rule's findings as (code, severity)."""
    return [(f.code, f.severity) for f in art50.check_issuance_timing(co, ctx or Context()).findings]


@pytest.mark.parametrize(
    ("departure", "issued", "ticked", "expected"),
    [
        pytest.param("2023-05-09", "2023-05-09", False, [], id="issued-on-the-day-of-shipment"),
        pytest.param("2023-05-09", "2023-05-12", False, [], id="day-3-in-time"),
        pytest.param(
            "2023-05-09",
            "2023-05-13",
            False,
            [("jiepa-retroactive-box-not-ticked", Severity.WARNING)],
            id="day-4-not-marked-warning",
        ),
        pytest.param(
            "2023-05-09", "2023-05-13", True, [("jiepa-issued-retroactively", Severity.INFO)], id="day-4-marked"
        ),
        pytest.param(
            "2023-05-09",
            "2023-05-12",
            True,
            [("jiepa-retroactive-box-ticked-on-time", Severity.INFO)],
            id="marked-although-in-time",
        ),
        pytest.param(
            "2023-05-09", "2024-05-09", True, [("jiepa-issued-retroactively", Severity.INFO)], id="12-months-to-the-day"
        ),
        pytest.param(
            "2023-05-09",
            "2024-05-10",
            True,
            [("jiepa-retroactive-issuance-too-late", Severity.WARNING)],
            id="day-after-12-months",
        ),
        pytest.param(
            "2024-02-29", "2025-02-28", True, [("jiepa-issued-retroactively", Severity.INFO)], id="29-february-plus-12"
        ),
        pytest.param(
            "2024-02-29",
            "2025-03-01",
            True,
            [("jiepa-retroactive-issuance-too-late", Severity.WARNING)],
            id="29-february-then-1-march-too-late",
        ),
        pytest.param(
            "2023-05-09",
            "2024-06-01",
            False,
            [
                ("jiepa-retroactive-box-not-ticked", Severity.WARNING),
                ("jiepa-retroactive-issuance-too-late", Severity.WARNING),
            ],
            id="late-and-not-marked",
        ),
    ],
)
def test_issuance_timing(departure: str, issued: str, ticked: bool, expected: list[Any]) -> None:
    """Within 3 days of shipment is in time; later the CO is marked retroactive and issued within 12 months."""
    assert expected == codes(shipped_on(departure, issued, ticked))


def test_nothing_denies() -> None:
    """The periods are unverified: a CO issued late and unmarked is still accepted."""
    co = shipped_on("2023-05-09", "2024-06-01", False)
    assert roo.Status.ACCEPTED == roo.evaluate(co, on=date(2024, 6, 10)).status


def test_marked_without_shipment_date_is_a_warning() -> None:
    """A CO marked retroactive that does not show the date of shipment: customs may ask for it."""
    co = jiepa(transport=dict(SHIPPED, departure_date=None), issued_retroactively=True)
    assert [("jiepa-retroactive-shipment-date-missing", Severity.WARNING)] == codes(co)


def test_no_shipment_date_and_not_marked_is_not_evaluated() -> None:
    """Without the date of shipment the timing cannot be judged."""
    result = art50.check_issuance_timing(jiepa(transport=None), Context())
    assert (Outcome.NOT_EVALUATED, ("certificate.transport.departure_date",)) == (result.outcome, result.needed)


def test_periods_are_unverified_parameters() -> None:
    """Both periods are dated parameters marked unverified, citing the Operational Procedures (Art 50)."""
    periods = [params.get(art50.GRACE_DAYS), params.get(art50.MAX_MONTHS)]
    assert [(False, "JIEPA/ART/50"), (False, "JIEPA/ART/50")] == [(p.verified, p.reference) for p in periods]


def test_caller_can_override_the_grace_days() -> None:
    """A caller who knows the procedures' figure gives it in the context."""
    co = shipped_on("2023-05-09", "2023-05-13", False)
    assert [] == codes(co, Context(parameters={"jiepa.retroactive.grace_days": 5}))
