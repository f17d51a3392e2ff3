"""Date arithmetic for legal periods, and the one way roo counts them.

Every period in roo is counted here, so that "within 3 days", "within 12
months" and "valid for 12 months" mean the same thing in every rule.

How roo counts:

* **"within N days of X"** (e.g. AJCEP IR 7: a CO issued "no later than three
  (3) days from the date of shipment") holds for a date ``d`` when
  ``d <= add_days(X, N)``. X itself is day 0, so the third day after a
  shipment on 4 March is 7 March, and 7 March is still on time.
* **"within N months of X"** (e.g. IR 7: retroactive issuance "within twelve
  (12) months from the date of shipment") holds when
  ``d <= add_months(X, N)``: the same day of the month N months later, or the
  last day of that month when it has no such day (31 March + 1 month = 30
  April; 29 February 2024 + 12 months = 28 February 2025).
* **"valid for N months from issuance"** (JIEPA Art 41, AJCEP validity) means
  the CO can be used up to and including ``add_months(issue, N)``.

Why this choice:

1. It is the civil-law rule the Parties' own laws use for periods (e.g.
   Japan's Civil Code, Arts 140 and 143): the day of the event is not counted,
   and a period of months ends on the day corresponding to the start day, or
   on the last day of the month when there is none. Counting from the day
   after the event and ending on the day before the corresponding day gives
   exactly ``add_months(X, N)`` inclusive.
2. Where readings differ, it is the more generous one, and doubt never
   denies preference.
3. It is what ``dateutil.relativedelta`` computes; roo computes the same
   date directly, and a property test holds the two equal on every kind of
   date (month ends, 29 February, the calendar's limits).

The period lengths themselves are dated parameters (``roo.params``), never
literals in rule code.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

__all__ = ["add_days", "add_months", "days_between", "within"]


def add_days(d: date, n: int) -> date:
    """The date ``n`` days after ``d`` (before it when ``n`` is negative).

    >>> add_days(date(2024, 3, 4), 3)
    datetime.date(2024, 3, 7)
    >>> add_days(date(2024, 2, 28), 1)
    datetime.date(2024, 2, 29)
    >>> add_days(date(2023, 12, 31), 1)
    datetime.date(2024, 1, 1)

    A result beyond the calendar's range saturates at ``date.max`` / ``date.min``
    (a period running past year 9999 has not ended for any practical purpose):

    >>> add_days(date(9999, 12, 30), 5)
    datetime.date(9999, 12, 31)
    """
    # Building a timedelta costs several times the addition: the periods the parameters give are taken ready-made.
    delta = _DAYS[n] if 0 <= n < _DAYS_KEPT else timedelta(n)
    try:
        return d + delta
    except OverflowError:
        return date.max if n > 0 else date.min


#: ``timedelta(n)`` for the short periods of days the rules count on every certificate (the schemes' grace days,
#: 3 today): immutable values, built once.
_DAYS_KEPT: Final = 16
_DAYS: Final = tuple(timedelta(n) for n in range(_DAYS_KEPT))


def add_months(d: date, n: int) -> date:
    """The same day of the month ``n`` months after ``d``, or the last day of that month if it is shorter.

    >>> add_months(date(2024, 3, 5), 12)
    datetime.date(2025, 3, 5)
    >>> add_months(date(2024, 2, 29), 12)
    datetime.date(2025, 2, 28)
    >>> add_months(date(2023, 3, 31), 1)
    datetime.date(2023, 4, 30)
    >>> add_months(date(2024, 11, 30), -1)
    datetime.date(2024, 10, 30)
    >>> add_months(date(9999, 6, 1), 12)
    datetime.date(9999, 12, 31)
    """
    # What ``d + dateutil.relativedelta(months=n)`` gives (tests/test_dates.py compares the two on every kind of
    # date), without building a relativedelta: that costs more than a whole rule.
    year, month = divmod(d.year * 12 + d.month - 1 + n, 12)
    if year < date.min.year:
        return date.min
    if year > date.max.year:
        return date.max
    month += 1
    last = _DAYS_IN_MONTH[month] if month != 2 or not _is_leap(year) else 29
    return date(year, month, d.day if d.day <= last else last)


#: Days in each month of a common year (index 1-12).
_DAYS_IN_MONTH: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_between(a: date, b: date) -> int:
    """How many days ``b`` is after ``a`` (``b - a``; negative when ``b`` is earlier).

    >>> days_between(date(2024, 3, 4), date(2024, 3, 7))
    3
    >>> days_between(date(2024, 3, 7), date(2024, 3, 4))
    -3
    >>> days_between(date(2023, 12, 31), date(2024, 1, 1))
    1
    """
    return (b - a).days


def within(d: date, start: date, end: date) -> bool:
    """Whether ``start <= d <= end`` (both ends count).

    >>> within(date(2025, 3, 5), date(2024, 3, 5), add_months(date(2024, 3, 5), 12))
    True
    >>> within(date(2025, 3, 6), date(2024, 3, 5), add_months(date(2024, 3, 5), 12))
    False
    >>> within(date(2024, 3, 4), date(2024, 3, 5), date(2024, 3, 5))
    False
    """
    return start <= d <= end
