"""JIEPA Art 41(6): a CO valid for 12 months from issuance, for a single importation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import roo
from roo.context import Context, Declaration, DeclarationItem, Drawdown
from roo.evaluation import Outcome, Severity
from roo.model.money import Quantity
from roo.rules.jiepa import art41_validity
from tests.rules.jiepa.helpers import jiepa

ISSUED_10_MAY = jiepa()  # issued 2023-05-10
ISSUED_29_FEBRUARY = jiepa(issue_date="2024-02-29", transport=None)
REPLACEMENT = jiepa(
    issue_date="2023-09-01", replaces={"reference_number": "0000100/JIEPA/2023", "issue_date": "2023-05-10"}
)


def kg(value: str) -> Quantity:
    """A quantity in kilograms."""
    return Quantity(Decimal(value), "KGM")


@pytest.mark.parametrize(
    ("co", "on", "outcome"),
    [
        pytest.param(ISSUED_10_MAY, date(2023, 5, 10), Outcome.PASSED, id="presented-on-the-day-of-issuance"),
        pytest.param(ISSUED_10_MAY, date(2024, 5, 10), Outcome.PASSED, id="last-day-of-validity-12-months-to-the-day"),
        pytest.param(ISSUED_10_MAY, date(2024, 5, 11), Outcome.FAILED, id="day-after-validity"),
        pytest.param(ISSUED_29_FEBRUARY, date(2025, 2, 28), Outcome.PASSED, id="29-february-valid-to-28-february"),
        pytest.param(ISSUED_29_FEBRUARY, date(2025, 3, 1), Outcome.FAILED, id="issued-29-february-presented-1-march"),
        pytest.param(REPLACEMENT, date(2024, 9, 1), Outcome.PASSED, id="replacement-counts-from-its-own-issue-date"),
        pytest.param(REPLACEMENT, date(2024, 9, 2), Outcome.FAILED, id="replacement-after-its-own-12-months"),
    ],
)
def test_presented_within_validity(co: roo.Certificate, on: date, outcome: Outcome) -> None:
    """Valid up to and including the same day twelve months after the CO's own issuance."""
    assert outcome == art41_validity.check_validity(co, Context(on=on)).outcome


def test_presented_after_validity_is_a_certificate_error() -> None:
    """The finding is an error on the whole CO, citing Art 41(6) and naming the dates."""
    (finding,) = art41_validity.check_validity(ISSUED_10_MAY, Context(on=date(2024, 5, 11))).findings
    expected = (
        "jiepa-co-presented-after-validity",
        "JIEPA/ART/41(6)",
        Severity.ERROR,
        None,
        date(2024, 5, 10),
        date(2023, 5, 10),
        12,
    )
    facts = finding.facts
    actual = (
        finding.code,
        finding.rule,
        finding.severity,
        finding.item,
        facts["valid_until"],
        facts["counted_from"],
        facts["validity_months"],
    )
    assert expected == actual


def test_expired_co_is_rejected() -> None:
    """Through roo.evaluate: every item of a CO presented after its validity is denied."""
    evaluation = roo.evaluate(ISSUED_10_MAY, on=date(2024, 5, 11))
    assert (roo.Status.REJECTED, (1,)) == (evaluation.status, evaluation.denied)


def test_no_presentation_date_is_not_evaluated() -> None:
    """Without the presentation date validity cannot be judged."""
    result = art41_validity.check_validity(ISSUED_10_MAY, Context())
    assert (Outcome.NOT_EVALUATED, ("context.on",)) == (result.outcome, result.needed)


def test_validity_is_a_parameter() -> None:
    """A different validity, given as an override, moves the last day."""
    ctx = Context(on=date(2023, 11, 11), parameters={"jiepa.co.validity_months": 6})
    assert Outcome.FAILED == art41_validity.check_validity(ISSUED_10_MAY, ctx).outcome


def test_no_earlier_declaration_single_importation_not_applicable() -> None:
    """A CO no earlier declaration drew on raises no question of a second importation."""
    assert Outcome.NOT_APPLICABLE == art41_validity.check_single_importation(ISSUED_10_MAY, Context()).outcome


def test_earlier_declarations_are_noted_as_parts_of_the_importation() -> None:
    """Earlier declarations are listed once each, in an info finding on the certificate: nothing is denied."""
    earlier = (
        Drawdown("100-2023-0001", 1, kg("5000")),
        Drawdown("100-2023-0002", 1, kg("4000")),
        Drawdown("100-2023-0001", 1, kg("1")),
    )
    result = art41_validity.check_single_importation(ISSUED_10_MAY, Context(eco_drawdowns=earlier))
    (finding,) = result.findings
    expected = (
        Outcome.PASSED,
        "jiepa-co-drawn-by-earlier-declarations",
        Severity.INFO,
        None,
        2,
        ("100-2023-0001", "100-2023-0002"),
    )
    actual = (
        result.outcome,
        finding.code,
        finding.severity,
        finding.item,
        finding.facts["count"],
        finding.facts["declarations"],
    )
    assert expected == actual


@pytest.mark.parametrize(
    ("requested", "granted"),
    [
        pytest.param("9200", True, id="parts-within-the-certified-quantity"),
        pytest.param("9201", False, id="more-than-the-co-certifies-needs-another-importation"),
    ],
)
def test_single_importation_quantities_are_checked_by_the_ledger(requested: str, granted: bool) -> None:
    """19,200 kg certified, 10,000 kg drawn earlier: drawing more than 9,200 kg denies the item (Art 41)."""
    earlier = (Drawdown("100-2023-0001", 1, kg("10000")),)
    line = DeclarationItem(1, quantity=kg(requested))
    ctx = Context(on=date(2023, 7, 3), eco_drawdowns=earlier, declaration=Declaration(items=(line,)))
    evaluation = roo.evaluate(ISSUED_10_MAY, ctx)
    notes = [f.code for f in evaluation.findings if f.rule == "JIEPA/ART/41(6)"]
    assert (granted, ["jiepa-co-drawn-by-earlier-declarations"]) == (1 in evaluation.granted, notes)


# --- dates outside the rule (issue 16 §2) ---------------------------------------------------------------------------
# Art 41(6): valid for twelve months *from* the date of issuance. A CO issued before 1 July 2008 (JIEPA's entry
# into force) is Art 29's in-force error; here its validity is not evaluated.


@pytest.mark.parametrize(
    ("issue_date", "on", "codes", "outcome"),
    [
        pytest.param("2008-06-30", date(2008, 7, 2), [], Outcome.NOT_EVALUATED, id="day-before-entry"),
        pytest.param("2008-07-01", date(2008, 7, 2), [], Outcome.PASSED, id="day-of-entry-into-force"),
        pytest.param("2023-05-10", date(2023, 5, 9), ["jiepa-co-presented-before-issue"], Outcome.FAILED, id="day-before"),
        pytest.param("2023-05-10", date(2023, 5, 10), [], Outcome.PASSED, id="presented-on-issue-day"),
    ],
)
def test_dates_outside_the_rule(issue_date: str, on: date, codes: list[str], outcome: Outcome) -> None:
    """A CO presented before its issuance is a certificate error; validity is judged from the issue day itself."""
    result = art41_validity.check_validity(jiepa(issue_date=issue_date, transport=None), Context(on=on))
    assert (codes, outcome) == ([f.code for f in result.findings], result.outcome)
    assert all(f.severity is Severity.ERROR and f.item is None for f in result.findings)


@pytest.mark.parametrize("issue_date", ["2008-06-30", "0001-01-01"])
def test_a_co_issued_before_the_agreement_is_rejected_through_evaluate(issue_date: str) -> None:
    """Presented in 2024, a CO dated before JIEPA's entry into force (or in year 1) is rejected by the in-force
    check, never granted on a validity check left unmade."""
    evaluation = roo.evaluate(jiepa(issue_date=issue_date, transport=None), on="2024-03-20")
    codes = {f.code for f in evaluation.findings}
    assert (roo.Status.REJECTED, True) == (evaluation.status, "jiepa-issued-before-entry-into-force" in codes)


# --- a replacement CO: its own validity denies, its original's only warns -------------------------------------


@pytest.mark.parametrize(
    ("on", "warned"),
    [
        pytest.param(date(2024, 5, 10), False, id="last-day-of-the-originals-12-months"),
        pytest.param(date(2024, 5, 11), True, id="day-after-the-originals-12-months"),
        pytest.param(date(2024, 9, 1), True, id="last-day-of-its-own-12-months"),
    ],
)
def test_a_replacement_past_its_originals_validity_is_warned_not_denied(on: date, warned: bool) -> None:
    """Art 41(6): a CO is "valid for 12 months from the date of issuance" (paraphrased); the Agreement says
    nothing of a replacement, and the Operational Procedures (Art 50) that would are not in a text roo reads.
    The replacement (issued 1 September 2023, for a CO issued 10 May 2023) is valid from its own issuance; past
    the original's twelve months, it passes with a warning naming the doubt."""
    result = art41_validity.check_validity(REPLACEMENT, Context(on=on))
    found = [(f.code, f.severity) for f in result.findings]
    expected = [("jiepa-replacement-beyond-original-validity", Severity.WARNING)] if warned else []
    assert (Outcome.PASSED, expected) == (result.outcome, found)


def test_the_warning_names_the_originals_dates() -> None:
    (finding,) = art41_validity.check_validity(REPLACEMENT, Context(on=date(2024, 6, 1))).findings
    facts = finding.facts
    assert (date(2023, 5, 10), date(2024, 5, 10), 12, date(2024, 6, 1)) == (
        facts["original_issue_date"],
        facts["original_valid_until"],
        facts["validity_months"],
        facts["presented"],
    )


def test_a_replacement_after_its_own_validity_is_denied_without_the_warning() -> None:
    """Its own twelve months are what the text gives: past them, the error alone."""
    result = art41_validity.check_validity(REPLACEMENT, Context(on=date(2024, 9, 2)))
    assert ["jiepa-co-presented-after-validity"] == [f.code for f in result.findings]


def test_a_replacement_whose_original_date_is_unknown_is_not_warned() -> None:
    """Nothing to compare: the replacement is read on its own validity, silently."""
    co = jiepa(issue_date="2023-09-01", replaces={"reference_number": "0000100/JIEPA/2023"})
    result = art41_validity.check_validity(co, Context(on=date(2024, 8, 1)))
    assert (Outcome.PASSED, ()) == (result.outcome, result.findings)


def test_a_replacement_is_timed_by_the_first_co_of_the_chain_the_context_holds() -> None:
    """A replacement of a replacement: the warning counts from the first CO the context holds (10 May 2023), not
    from the date the last replacement shows for the one it replaces."""
    first_replacement = jiepa(
        reference_number="0000101/JIEPA/2023",
        issue_date="2023-07-01",
        replaces={"reference_number": "0000100/JIEPA/2023", "issue_date": "2023-05-10"},
    )
    second = jiepa(
        issue_date="2023-09-01", replaces={"reference_number": "0000101/JIEPA/2023", "issue_date": "2023-07-01"}
    )
    ctx = Context(on=date(2024, 6, 1), related_certificates=(first_replacement,))
    (finding,) = art41_validity.check_validity(second, ctx).findings
    assert date(2023, 5, 10) == finding.facts["original_issue_date"]
