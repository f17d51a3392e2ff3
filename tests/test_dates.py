"""roo.dates: day and month arithmetic, and the one way roo counts legal periods."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roo.dates import add_days, add_months, days_between, within


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 3, 5), 12, date(2025, 3, 5)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2023, 2, 28), 12, date(2024, 2, 28)),
        (date(2023, 3, 31), 1, date(2023, 4, 30)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2023, 8, 31), 1, date(2023, 9, 30)),
        (date(2023, 12, 15), 1, date(2024, 1, 15)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 1, 15), -1, date(2023, 12, 15)),
        (date(2024, 3, 5), 0, date(2024, 3, 5)),
    ],
    ids=[
        "twelve-months-to-the-day",
        "29-february-plus-a-year-is-28-february",
        "29-february-plus-four-years-is-29-february",
        "28-february-plus-a-year-into-leap-year-stays-28",
        "31-march-plus-a-month-is-30-april",
        "31-january-plus-a-month-in-leap-year-is-29-february",
        "31-january-plus-a-month-is-28-february",
        "31-august-plus-a-month-is-30-september",
        "december-plus-a-month-crosses-the-year",
        "30-november-plus-three-months-is-end-of-february",
        "backwards-from-31-march-is-29-february",
        "backwards-across-the-year",
        "zero-months",
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    """The same day N months later, or the last day of a shorter month."""
    assert expected == add_months(start, months)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2024, 3, 4), 3, date(2024, 3, 7)),
        (date(2024, 2, 27), 3, date(2024, 3, 1)),
        (date(2023, 2, 27), 3, date(2023, 3, 2)),
        (date(2023, 12, 30), 3, date(2024, 1, 2)),
        (date(2024, 1, 2), -3, date(2023, 12, 30)),
        (date(2024, 3, 4), 0, date(2024, 3, 4)),
    ],
    ids=[
        "three-days-after-shipment",
        "across-29-february-in-leap-year",
        "across-end-of-february-in-common-year",
        "across-the-year",
        "backwards-across-the-year",
        "zero-days",
    ],
)
def test_add_days(start: date, days: int, expected: date) -> None:
    """Calendar days, leap days included."""
    assert expected == add_days(start, days)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (date(2024, 3, 4), date(2024, 3, 7), 3),
        (date(2024, 3, 7), date(2024, 3, 4), -3),
        (date(2024, 2, 28), date(2024, 3, 1), 2),
        (date(2023, 2, 28), date(2023, 3, 1), 1),
        (date(2023, 12, 31), date(2024, 1, 1), 1),
        (date(2024, 3, 5), date(2025, 3, 5), 365),
        (date(2023, 3, 5), date(2024, 3, 5), 366),
        (date(2024, 3, 5), date(2024, 3, 5), 0),
    ],
    ids=[
        "three-days-later",
        "earlier-is-negative",
        "over-29-february",
        "over-end-of-february-in-common-year",
        "over-new-year",
        "a-common-year",
        "a-year-with-29-february",
        "same-day",
    ],
)
def test_days_between(a: date, b: date, expected: int) -> None:
    """b - a in days."""
    assert expected == days_between(a, b)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2024, 3, 4), False),
        (date(2024, 3, 5), True),
        (date(2024, 9, 1), True),
        (date(2025, 3, 5), True),
        (date(2025, 3, 6), False),
    ],
    ids=["day-before-start", "start-day-counts", "inside", "end-day-counts", "day-after-end"],
)
def test_within_is_inclusive(d: date, expected: bool) -> None:
    """Both ends of the window count."""
    assert expected == within(d, date(2024, 3, 5), date(2025, 3, 5))


@pytest.mark.parametrize(
    ("shipment", "issue", "on_time"),
    [
        (date(2024, 3, 4), date(2024, 3, 4), True),
        (date(2024, 3, 4), date(2024, 3, 7), True),
        (date(2024, 3, 4), date(2024, 3, 8), False),
        (date(2024, 2, 27), date(2024, 3, 1), True),
        (date(2024, 2, 27), date(2024, 3, 2), False),
        (date(2023, 12, 30), date(2024, 1, 2), True),
    ],
    ids=[
        "issued-on-shipment-day",
        "issued-on-day-3-is-on-time",
        "issued-on-day-4-is-late",
        "day-3-across-29-february",
        "day-4-across-29-february",
        "day-3-across-new-year",
    ],
)
def test_within_n_days_counts_the_event_as_day_zero(shipment: date, issue: date, on_time: bool) -> None:
    """'No later than 3 days from shipment' (AJCEP IR 7) holds up to and including shipment + 3 days."""
    assert on_time == (issue <= add_days(shipment, 3))


@pytest.mark.parametrize(
    ("issue", "presented", "valid"),
    [
        (date(2024, 3, 5), date(2025, 3, 5), True),
        (date(2024, 3, 5), date(2025, 3, 6), False),
        (date(2024, 2, 29), date(2025, 2, 28), True),
        (date(2024, 2, 29), date(2025, 3, 1), False),
        (date(2023, 12, 31), date(2024, 12, 31), True),
        (date(2023, 12, 31), date(2025, 1, 1), False),
    ],
    ids=[
        "last-day-of-validity",
        "day-after-validity",
        "issued-29-february-valid-through-28-february",
        "issued-29-february-expired-1-march",
        "issued-new-years-eve-valid-through-next-new-years-eve",
        "issued-new-years-eve-expired-next-new-year",
    ],
)
def test_validity_of_n_months_ends_on_add_months_inclusive(issue: date, presented: date, valid: bool) -> None:
    """A CO 'valid 12 months from issuance' can be used up to and including add_months(issue, 12)."""
    assert valid == within(presented, issue, add_months(issue, 12))


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.integers(-3650, 3650))
def test_add_days_and_days_between_agree(d: date, n: int) -> None:
    """days_between(d, add_days(d, n)) is n for any date and any number of days."""
    assert n == days_between(d, add_days(d, n))


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.integers(0, 240))
def test_add_months_lands_in_the_right_month_never_after_the_day(d: date, n: int) -> None:
    """add_months moves exactly n calendar months and keeps the day unless the month is too short."""
    result = add_months(d, n)
    assert (d.year * 12 + d.month - 1 + n) == (result.year * 12 + result.month - 1)
    assert result.day == d.day or (result.day < d.day and add_days(result, 1).month != result.month)


def _by_relativedelta(d: date, months: int) -> date:
    """``add_months`` as dateutil computes it, saturating at the calendar's ends as roo does."""
    from dateutil.relativedelta import relativedelta  # a test dependency: the reference roo's arithmetic keeps to

    try:
        result: date = d + relativedelta(months=months)
    except (OverflowError, ValueError):
        return date.max if months > 0 else date.min
    return result


@given(st.dates(), st.integers(-120_000, 120_000))
def test_add_months_is_what_relativedelta_computes(d: date, months: int) -> None:
    """The period of months counted as the civil-law rule and ``dateutil.relativedelta`` count it, on any date."""
    assert add_months(d, months) == _by_relativedelta(d, months)


@pytest.mark.parametrize(
    ("start", "months"),
    [
        (date(2024, 1, 31), 1),  # into a leap February
        (date(2023, 1, 31), 1),  # into a common February
        (date(2000, 2, 29), 12),  # a leap year divisible by 400, to a common year
        (date(2096, 2, 29), 48),  # 2100 is not a leap year
        (date(2024, 12, 31), 2),
        (date(2025, 3, 31), -1),
        (date(1, 1, 1), -1),  # before the calendar: saturates at its first day
        (date(1, 2, 28), -1),
        (date(9999, 12, 31), 1),  # past the calendar: saturates at its last day
        (date(9999, 11, 30), 1),
    ],
)
def test_add_months_at_month_ends_leap_years_and_the_calendars_limits(start: date, months: int) -> None:
    assert add_months(start, months) == _by_relativedelta(start, months)
