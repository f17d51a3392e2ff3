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
