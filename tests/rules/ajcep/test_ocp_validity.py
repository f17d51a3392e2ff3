"""AJCEP OCP: the CO is presented within its validity, which follows the original for replacements and copies."""

from __future__ import annotations

from datetime import date

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.rules.ajcep import ocp_validity
from tests.builders import certificate

ISSUED_5_MARCH = certificate()  # issued 2024-03-05
ISSUED_29_FEBRUARY = certificate(issue_date="2024-02-29", exporter_declaration={"place": "Surabaya", "date": "2024-02-28", "signed": True})
REPLACEMENT = certificate(
    issue_date="2024-09-01", replaces={"reference_number": "ID/2024/AJ/000100", "issue_date": "2024-03-05"}
)
COPY = certificate(certified_true_copy=True, certified_true_copy_date="2024-09-01")


@pytest.mark.parametrize(
    ("co", "on", "outcome"),
    [
        pytest.param(ISSUED_5_MARCH, date(2024, 3, 20), Outcome.PASSED, id="presented-15-days-after-issuance"),
        pytest.param(ISSUED_5_MARCH, date(2024, 3, 5), Outcome.PASSED, id="presented-on-the-day-of-issuance"),
        pytest.param(ISSUED_5_MARCH, date(2025, 3, 5), Outcome.PASSED, id="last-day-of-validity"),
        pytest.param(ISSUED_5_MARCH, date(2025, 3, 6), Outcome.FAILED, id="day-after-validity"),
        pytest.param(ISSUED_29_FEBRUARY, date(2025, 2, 28), Outcome.PASSED, id="issued-29-february-last-day-28-february"),
        pytest.param(ISSUED_29_FEBRUARY, date(2025, 3, 1), Outcome.FAILED, id="issued-29-february-presented-1-march"),
        pytest.param(REPLACEMENT, date(2025, 3, 5), Outcome.PASSED, id="replacement-on-the-original-last-day"),
        pytest.param(REPLACEMENT, date(2025, 3, 6), Outcome.FAILED, id="replacement-after-the-original-validity"),
        pytest.param(COPY, date(2025, 3, 5), Outcome.PASSED, id="certified-copy-on-the-original-last-day"),
        pytest.param(COPY, date(2025, 3, 6), Outcome.FAILED, id="certified-copy-after-the-original-validity"),
    ],
)
def test_presented_within_validity(co: roo.Certificate, on: date, outcome: Outcome) -> None:
    """Valid up to and including the same day twelve months after issuance (of the original, for IR 5)."""
    assert outcome == ocp_validity.check_validity(co, Context(on=on)).outcome


def test_presented_after_validity_is_a_certificate_error() -> None:
    """The finding is an error on the whole CO, naming the dates."""
    (finding,) = ocp_validity.check_validity(REPLACEMENT, Context(on=date(2025, 3, 6))).findings
    expected = ("co-presented-after-validity", Severity.ERROR, None, date(2025, 3, 5), date(2024, 3, 5))
    actual = (finding.code, finding.severity, finding.item, finding.facts["valid_until"], finding.facts["counted_from"])
    assert expected == actual


def test_replacement_not_counted_from_its_own_date() -> None:
    """A replacement issued in September is not valid until the next September."""
    assert Outcome.FAILED == ocp_validity.check_validity(REPLACEMENT, Context(on=date(2025, 8, 1))).outcome


def test_no_presentation_date_is_not_evaluated() -> None:
    """Without the presentation date validity cannot be judged."""
    result = ocp_validity.check_validity(ISSUED_5_MARCH, Context())
    assert (Outcome.NOT_EVALUATED, ("context.on",)) == (result.outcome, result.needed)


def test_replacement_without_original_date_is_not_evaluated() -> None:
    """A replacement that does not show the original's date (IR 5(a)'s finding) cannot be timed here."""
    co = certificate(replaces={"reference_number": "ID/2024/AJ/000100", "issue_date": None})
    result = ocp_validity.check_validity(co, Context(on=date(2024, 3, 20)))
    assert (Outcome.NOT_EVALUATED, ("certificate.replaces.issue_date",)) == (result.outcome, result.needed)


def test_validity_is_a_parameter() -> None:
    """A different validity, given as an override, moves the last day."""
    ctx = Context(on=date(2024, 9, 6), parameters={"ajcep.co.validity_months": 6})
    assert Outcome.FAILED == ocp_validity.check_validity(ISSUED_5_MARCH, ctx).outcome


def test_expired_co_is_rejected() -> None:
    """Through roo.evaluate: a CO presented after its validity is rejected."""
    assert roo.Status.REJECTED == roo.evaluate(ISSUED_5_MARCH, on=date(2025, 3, 6)).status


def test_validity_ending_after_the_calendar_does_not_crash() -> None:
    """A CO issued in 9999 is valid to the last representable date rather than crashing the rule."""
    co = certificate(issue_date="9999-06-01")
    assert Outcome.PASSED == ocp_validity.check_validity(co, Context(on=date(9999, 12, 31))).outcome


# --- dates outside the rule: never a check silently skipped (issue 16 §2) ----------------------------------------
# Validity runs *from* the date of issuance (OCP Rule 4(1)); the period's first value takes effect on
# 1 December 2008, the Agreement's first entry into force (Art 79).


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(date(2024, 3, 4), [("co-presented-before-issue", Severity.ERROR, None)], id="day-before-issuance"),
        pytest.param(date(2024, 3, 5), [], id="day-of-issuance"),
        pytest.param(date(2000, 1, 1), [("co-presented-before-issue", Severity.ERROR, None)], id="years-before"),
    ],
)
def test_presented_before_issuance_is_an_error(on: date, expected: list[tuple[str, Severity, None]]) -> None:
    """A CO presented before it was issued was not valid when presented: a certificate error naming both dates."""
    result = ocp_validity.check_validity(ISSUED_5_MARCH, Context(on=on))
    assert expected == [(f.code, f.severity, f.item) for f in result.findings]


def test_presented_before_issuance_names_the_dates() -> None:
    """The facts are the presentation date and the CO's own date of issuance."""
    (finding,) = ocp_validity.check_validity(ISSUED_5_MARCH, Context(on=date(2024, 3, 4))).findings
    assert (date(2024, 3, 4), date(2024, 3, 5)) == (finding.facts["presented"], finding.facts["issue_date"])


@pytest.mark.parametrize(
    ("issue_date", "codes"),
    [
        pytest.param("2008-11-30", ["co-issued-before-agreement"], id="day-before-first-entry-into-force"),
        pytest.param("2008-12-01", ["co-presented-after-validity"], id="first-day-then-expired-by-2024"),
        pytest.param("2008-01-10", ["co-issued-before-agreement"], id="issued-2008"),
        pytest.param("0001-01-01", ["co-issued-before-agreement"], id="issued-year-1"),
        pytest.param("2010-01-10", ["co-presented-after-validity"], id="issued-2010"),
    ],
)
def test_a_co_issued_before_the_rules_is_a_finding_not_a_skip(issue_date: str, codes: list[str]) -> None:
    """Presented in 2024, a CO issued before 1 December 2008 is not a CO under the Agreement (an error), never
    'not evaluated' and granted; one issued on or after it is judged by its validity (expired by 2024)."""
    co = certificate(issue_date=issue_date)
    result = ocp_validity.check_validity(co, Context(on=date(2024, 3, 20)))
    assert (Outcome.FAILED, codes) == (result.outcome, [f.code for f in result.findings])


def test_issued_before_the_rules_close_to_the_start_is_still_a_finding() -> None:
    """Boundary: issued 30 November 2008 and presented 2 December 2008 (within any twelve months): still an error,
    since no rule for a CO applied on its date of issuance."""
    co = certificate(issue_date="2008-11-30")
    (finding,) = ocp_validity.check_validity(co, Context(on=date(2008, 12, 2))).findings
    expected = ("co-issued-before-agreement", date(2008, 11, 30), date(2008, 12, 1), "this CO")
    assert expected == (finding.code, finding.facts["counted_from"], finding.facts["in_force_from"], finding.facts["basis"])


def test_a_replacement_of_an_original_issued_before_the_rules() -> None:
    """A replacement counts from its original's date (IR 5): an original dated before the rules is the finding."""
    co = certificate(issue_date="2009-01-05", replaces={"reference_number": "X/1", "issue_date": "2008-06-01"})
    (finding,) = ocp_validity.check_validity(co, Context(on=date(2009, 1, 6))).findings
    assert ("co-issued-before-agreement", "the CO it replaces") == (finding.code, finding.facts["basis"])


def test_a_parameter_switched_off_is_still_not_evaluated() -> None:
    """A period the context switches off (null) is not a date before the rules: not evaluated, as before."""
    ctx = Context(on=date(2024, 3, 20), parameters={"ajcep.co.validity_months": None})
    assert Outcome.NOT_EVALUATED == ocp_validity.check_validity(ISSUED_5_MARCH, ctx).outcome


def test_issued_before_the_rules_through_evaluate_is_rejected_and_complete() -> None:
    """Through roo.evaluate: the 2008 CO presented in 2024 is rejected, never an unqualified grant."""
    evaluation = roo.evaluate(certificate(issue_date="2008-01-10"), on="2024-03-20")
    assert roo.Status.REJECTED == evaluation.status


# --- IR 5(a): the replacement is valid during the original's validity, the original's own --------------------

#: The CO REPLACEMENT replaces, as the context may hold it: issued on 1 February 2024, not on the 5 March the
#: replacement shows for it.
REPLACED_1_FEBRUARY = certificate(reference_number="ID/2024/AJ/000100", issue_date="2024-02-01")


@pytest.mark.parametrize(
    ("on", "outcome"),
    [
        pytest.param(date(2025, 2, 1), Outcome.PASSED, id="last-day-of-the-original-own-validity"),
        pytest.param(date(2025, 2, 2), Outcome.FAILED, id="day-after-the-original-own-validity"),
        pytest.param(date(2025, 3, 5), Outcome.FAILED, id="last-day-counted-from-the-date-shown"),
    ],
)
def test_replacement_valid_during_the_original_own_validity(on: date, outcome: Outcome) -> None:
    """IR 5(a): "The new CO will be valid during the term of the validity of the original CO."

    The original's term runs from its own date of issuance. When the context holds the CO replaced, the
    replacement is valid until twelve months from that CO's own issue date (1 February 2024, so 1 February 2025
    inclusive), not from a later date the replacement shows for it (5 March 2024).
    """
    ctx = Context(on=on, related_certificates=(REPLACED_1_FEBRUARY,))
    assert outcome == ocp_validity.check_validity(REPLACEMENT, ctx).outcome


def test_replacement_counted_from_the_original_own_date_names_it() -> None:
    """IR 5(a): the finding gives the original's own date as the one validity counts from."""
    ctx = Context(on=date(2025, 2, 2), related_certificates=(REPLACED_1_FEBRUARY,))
    (finding,) = ocp_validity.check_validity(REPLACEMENT, ctx).findings
    expected = (date(2024, 2, 1), date(2025, 2, 1), "the CO it replaces")
    assert expected == (finding.facts["counted_from"], finding.facts["valid_until"], finding.facts["basis"])


def test_replacement_of_a_replacement_keeps_the_first_original_validity() -> None:
    """IR 5(a): a replacement is valid during the original's validity, so a replacement of a replacement is
    valid during the first CO's: 1 February 2024 here, held in the context, whatever the dates shown on the way."""
    first_replacement = certificate(
        reference_number="ID/2024/AJ/000100",
        issue_date="2024-06-01",
        replaces={"reference_number": "ID/2024/AJ/000050", "issue_date": "2024-02-10"},
    )
    first = certificate(reference_number="ID/2024/AJ/000050", issue_date="2024-02-01")
    related = (first_replacement, first)
    last_day = ocp_validity.check_validity(REPLACEMENT, Context(on=date(2025, 2, 1), related_certificates=related))
    day_after = ocp_validity.check_validity(REPLACEMENT, Context(on=date(2025, 2, 2), related_certificates=related))
    assert (Outcome.PASSED, Outcome.FAILED) == (last_day.outcome, day_after.outcome)
    # Where the context stops (the first CO not held), the date the first replacement shows counts.
    stops = Context(on=date(2025, 2, 10), related_certificates=(first_replacement,))
    after = Context(on=date(2025, 2, 11), related_certificates=(first_replacement,))
    outcomes = (ocp_validity.check_validity(REPLACEMENT, stops).outcome, ocp_validity.check_validity(REPLACEMENT, after).outcome)
    assert (Outcome.PASSED, Outcome.FAILED) == outcomes


def test_a_co_of_another_party_with_the_same_reference_is_not_the_original() -> None:
    """IR 5(a): the original is the CO of the same exporting Party the replacement names; a CO of another Party
    that happens to bear the same reference number does not shorten the replacement's validity."""
    other = certificate(reference_number="ID/2024/AJ/000100", issue_date="2024-02-01", exporting_party="TH")
    ctx = Context(on=date(2025, 3, 5), related_certificates=(other,))
    assert Outcome.PASSED == ocp_validity.check_validity(REPLACEMENT, ctx).outcome


def test_replacement_presented_after_validity_denies_it_through_evaluate() -> None:
    """Through roo.evaluate: a replacement presented after the original's own validity gives no preference."""
    evaluation = roo.evaluate(REPLACEMENT, on=date(2025, 2, 20), related_certificates=(REPLACED_1_FEBRUARY,))
    assert "co-presented-after-validity" in {finding.code for finding in evaluation.findings}
    assert () == evaluation.granted


# --- IR 5(b): the certified true copy is what is presented --------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(
            date(2024, 8, 31),
            (Outcome.FAILED, ["certified-true-copy-presented-before-made"]),
            id="presented-the-day-before-it-was-made",
        ),
        pytest.param(date(2024, 9, 1), (Outcome.PASSED, []), id="presented-on-the-day-it-was-made"),
        pytest.param(date(2025, 3, 5), (Outcome.PASSED, []), id="presented-on-the-last-day-of-the-original-validity"),
        pytest.param(
            date(2025, 3, 6),
            (Outcome.FAILED, ["co-presented-after-validity"]),
            id="presented-after-the-original-validity",
        ),
    ],
)
def test_certified_true_copy_presented_before_it_was_made(on: date, expected: tuple[Outcome, list[str]]) -> None:
    """IR 5(b): a certified true copy of the original CO is issued on the exporter's request and is valid during
    the original's validity; the copy, bearing the original's issue date, is what is presented. Presented before
    the date it was made, it did not exist when presented, as a CO presented before its issuance was not valid."""
    result = ocp_validity.check_validity(COPY, Context(on=on))
    assert expected == (result.outcome, [f.code for f in result.findings])


def test_copy_made_after_presentation_is_rejected_and_names_the_dates() -> None:
    """Through roo.evaluate, the review's case: a copy of a CO of 5 March 2024, made on 10 April 2024, presented
    on 20 March 2024, is rejected; the finding gives both dates."""
    co = certificate(certified_true_copy=True, certified_true_copy_date="2024-04-10")
    evaluation = roo.evaluate(co, on=date(2024, 3, 20))
    (finding,) = [f for f in evaluation.findings if f.code == "certified-true-copy-presented-before-made"]
    expected = (roo.Status.REJECTED, Severity.ERROR, date(2024, 3, 20), date(2024, 4, 10))
    assert expected == (
        evaluation.status,
        finding.severity,
        finding.facts["presented"],
        finding.facts["certified_true_copy_date"],
    )


def test_copy_without_its_date_is_left_to_the_copy_rule() -> None:
    """Without ``certified_true_copy_date`` roo cannot tell when the copy was made: IR 5(b)'s own rule reports the
    missing date; validity counts from the original's issue date the copy bears."""
    co = certificate(certified_true_copy=True, certified_true_copy_date=None)
    assert Outcome.PASSED == ocp_validity.check_validity(co, Context(on=date(2024, 3, 20))).outcome
