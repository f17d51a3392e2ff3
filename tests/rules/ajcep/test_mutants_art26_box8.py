"""AJCEP Art 26 box 8 cross-check: a bill of materials without a date is judged on the CO's issue date.

Art 26 (paraphrased): a good qualifies under the criteria in force for it; with
accumulation (Art 29), materials of another Party count as originating only
where the Agreement is in force for that Party. A good in the context that
carries no date of its own is therefore judged as of the CO's issue date, not
on the latest parameter values. A mutation sample found that dropping the
issue date passed every test: these tests make the date decide the outcome.
"""

from __future__ import annotations

from datetime import date

import roo
from roo.evaluation import Outcome, Severity
from roo.origin import ItemGood
from roo.rules.ajcep import art26_box8_cross_check as rule
from tests.builders import certificate, item_data
from tests.origin.helpers import good, material

JAPANESE_PREMIX = material("Premix", "190590", "30.00", originating=True, origin_party="JP")
SUGAR = material("Sugar", "170199", "1.00")
#: Thai biscuits (1905.31) from a Japanese premix of the same heading: a change of heading only with ACU.
CO = certificate(items=[item_data(1, hs_code="190531", origin_criterion="CTH, ACU")], exporting_party="TH")
UNDATED = good(JAPANESE_PREMIX, SUGAR)


def _box8(parameters: dict[str, object]) -> tuple[Outcome, list[tuple[str, Severity]]]:
    ctx = roo.Context(goods=(ItemGood(1, UNDATED),), parameters=parameters)
    result = rule.check_box8_against_materials(CO.items[0], CO, ctx)
    return result.outcome, [(f.code, f.severity) for f in result.findings]


def test_undated_good_has_no_date_of_its_own() -> None:
    assert UNDATED.on is None
    assert CO.issue_date == date(2024, 3, 5)


def test_accumulation_counts_when_in_force_on_the_issue_date() -> None:
    """Japan's AJCEP entry into force (2008) precedes the issue date: the Japanese premix accumulates."""
    assert _box8({}) == (Outcome.PASSED, [])


def test_accumulation_not_yet_in_force_on_the_issue_date() -> None:
    """In force for Japan only after the CO was issued: judged on the issue date, the premix does not accumulate.

    On the latest values (no date) Japan would count as a Party and the claim would pass unremarked.
    """
    assert _box8({"ajcep.entry_into_force.JP": date(2025, 1, 1)}) == (
        Outcome.PASSED,
        [("box8-criterion-not-supported", Severity.WARNING)],
    )
