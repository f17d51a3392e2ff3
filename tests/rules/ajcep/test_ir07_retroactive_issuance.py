"""AJCEP IR 7: issuance by shipment or within 3 days; retroactive issuance within 12 months, box ticked."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.rules.ajcep import ir07_retroactive_issuance as ir07
from roo.rules.base import Result
from tests.builders import CLEAN_CERTIFICATE, PRESENTED_ON, certificate

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

Seen = tuple[Outcome, list[tuple[str, Severity, int | None]]]


def seen(result: Result) -> Seen:
    """A rule result as (outcome, [(code, severity, item)])."""
    return result.outcome, [(f.code, f.severity, f.item) for f in result.findings]


def shipped(departure: str | None, issued: str, ticked: bool = False, **changes: Any) -> roo.Certificate:
    """A CO whose box 3 shows ``departure``, issued on ``issued``, with the retroactive box as ``ticked``."""
    transport = dict(CLEAN_CERTIFICATE["transport"], departure_date=departure)
    return certificate(transport=transport, issue_date=issued, issued_retroactively=ticked, **changes)


ON_TIME: Seen = (Outcome.PASSED, [])
RETROACTIVE: Seen = (Outcome.PASSED, [("issued-retroactively", INFO, None)])
NOT_TICKED: Seen = (Outcome.FAILED, [("retroactive-box-not-ticked", ERROR, None)])


@pytest.mark.parametrize(
    ("departure", "issued", "ticked", "expected"),
    [
        pytest.param("2024-03-04", "2024-03-01", False, ON_TIME, id="issued-before-shipment"),
        pytest.param("2024-03-04", "2024-03-04", False, ON_TIME, id="issued-on-the-day-of-shipment"),
        pytest.param("2024-03-04", "2024-03-07", False, ON_TIME, id="issued-on-day-3"),
        pytest.param("2024-03-04", "2024-03-08", False, NOT_TICKED, id="issued-on-day-4-not-ticked"),
        pytest.param("2024-03-04", "2024-03-08", True, RETROACTIVE, id="issued-on-day-4-ticked"),
        pytest.param("2024-02-27", "2024-03-01", False, ON_TIME, id="day-3-across-29-february"),
        pytest.param("2024-02-27", "2024-03-02", False, NOT_TICKED, id="day-4-across-29-february"),
        pytest.param("2024-03-04", "2025-03-04", True, RETROACTIVE, id="12-months-to-the-day"),
        pytest.param(
            "2024-03-04",
            "2025-03-05",
            True,
            (Outcome.FAILED, [("retroactive-issuance-too-late", ERROR, None)]),
            id="12-months-and-a-day",
        ),
        pytest.param("2024-02-29", "2025-02-28", True, RETROACTIVE, id="shipped-29-february-issued-28-february"),
        pytest.param(
            "2024-02-29",
            "2025-03-01",
            True,
            (Outcome.FAILED, [("retroactive-issuance-too-late", ERROR, None)]),
            id="shipped-29-february-issued-1-march",
        ),
        pytest.param(
            "2024-03-04",
            "2025-06-01",
            False,
            (Outcome.FAILED, [("retroactive-box-not-ticked", ERROR, None), ("retroactive-issuance-too-late", ERROR, None)]),
            id="too-late-and-not-ticked",
        ),
        pytest.param(
            "2024-03-04",
            "2024-03-07",
            True,
            (Outcome.PASSED, [("retroactive-box-ticked-on-time", INFO, None)]),
            id="ticked-although-on-time",
        ),
    ],
)
def test_issuance_timing(departure: str, issued: str, ticked: bool, expected: Seen) -> None:
    """On time up to the third day after shipment; later only ticked and within twelve months."""
    assert expected == seen(ir07.check_issuance_timing(shipped(departure, issued, ticked), Context()))


def test_retroactive_without_shipment_date_is_an_error() -> None:
    """A CO ticked 'Issued Retroactively' must show the date of shipment in box 3."""
    assert (Outcome.FAILED, [("retroactive-shipment-date-missing", ERROR, None)]) == seen(
        ir07.check_issuance_timing(shipped(None, "2024-06-01", True), Context())
    )


def test_retroactive_without_transport_box_is_an_error() -> None:
    """No box 3 at all on a retroactive CO is the same omission."""
    co = certificate(transport=None, issued_retroactively=True)
    assert (Outcome.FAILED, [("retroactive-shipment-date-missing", ERROR, None)]) == seen(
        ir07.check_issuance_timing(co, Context())
    )


def test_no_shipment_date_not_ticked_is_not_evaluated() -> None:
    """Without a shipment date roo cannot tell whether the CO was issued on time."""
    result = ir07.check_issuance_timing(shipped(None, "2024-03-05"), Context())
    assert (Outcome.NOT_EVALUATED, ("certificate.transport.departure_date",)) == (result.outcome, result.needed)


def test_replacement_is_judged_by_its_original() -> None:
    """IR 5(a): the new CO "will be valid during the term of the validity of the original CO": it keeps its life.

    Issued on 2024-09-01, six months after shipment, for an original issued the day after shipment: IR 7 looks at
    the original's date, on time, and the late date of the replacement itself is no defect.
    """
    co = shipped("2024-03-04", "2024-09-01", replaces={"reference_number": "ID/2024/AJ/000100", "issue_date": "2024-03-05"})
    assert ON_TIME == seen(ir07.check_issuance_timing(co, Context()))


REPLACES = {"reference_number": "ID/2024/AJ/000100", "issue_date": "2025-03-05"}


@pytest.mark.parametrize(
    ("original_issued", "ticked", "expected"),
    [
        pytest.param("2025-03-04", True, (Outcome.PASSED, [("replaced-original-issued-retroactively", INFO, None)]), id="original-12-months-to-the-day"),
        pytest.param(
            "2025-03-05",
            True,
            (Outcome.FAILED, [("replaced-original-issued-too-late", ERROR, None)]),
            id="original-12-months-and-a-day",
        ),
        pytest.param(
            "2024-03-08",
            False,
            (Outcome.FAILED, [("replaced-original-retroactive-box-not-ticked", ERROR, None)]),
            id="original-on-day-4-neither-ticked",
        ),
        pytest.param(
            "2024-03-07",
            True,
            (Outcome.PASSED, [("replaced-original-retroactive-box-ticked-on-time", INFO, None)]),
            id="original-on-day-3-ticked",
        ),
    ],
)
def test_replacement_keeps_the_original_timing(original_issued: str, ticked: bool, expected: Seen) -> None:
    """IR 7 with IR 5(a): retroactive issuance "within twelve (12) months from the date of shipment" binds the original.

    An original issued too late does not become good by being replaced: the replacement, valid only during the
    original's validity, has no life of its own to give it.
    """
    co = shipped("2024-03-04", "2025-06-01", ticked, replaces=dict(REPLACES, issue_date=original_issued))
    assert expected == seen(ir07.check_issuance_timing(co, Context()))


def test_replacement_is_judged_by_the_original_in_the_context() -> None:
    """The original in ``related_certificates`` gives its own issue date, box 3 and tick (IR 5(a), IR 7).

    The replacement shows the original as issued on 2024-03-05, but the original itself was issued on 2025-03-10,
    more than twelve months after shipment: the replacement is rejected. The replacement's tick, which the
    original lacked, counts (a new CO may correct the form, IR 4(b)(ii)); the date it cannot correct.
    """
    original = shipped("2024-03-04", "2025-03-10", False, reference_number="ID/2024/AJ/000100")
    co = shipped("2024-03-04", "2025-06-01", True, replaces=dict(REPLACES, issue_date="2024-03-05"))
    assert (Outcome.FAILED, [("replaced-original-issued-too-late", ERROR, None)]) == seen(
        ir07.check_issuance_timing(co, Context(related_certificates=(original,)))
    )
    evaluation = roo.evaluate(co, on=date(2025, 6, 2), related_certificates=(original,))
    assert roo.Status.REJECTED == evaluation.status
    assert "replaced-original-issued-too-late" in {f.code for f in evaluation.findings}


def test_replacement_without_the_original_date_is_not_evaluated() -> None:
    """Without the original's issue date there is nothing to count from (the replacement rule reports the gap)."""
    co = shipped("2024-03-04", "2024-09-01", replaces={"reference_number": "ID/2024/AJ/000100"})
    result = ir07.check_issuance_timing(co, Context())
    assert (Outcome.NOT_EVALUATED, ("certificate.replaces.issue_date",)) == (result.outcome, result.needed)


def test_certified_true_copy_is_checked_on_the_original_date() -> None:
    """A certified true copy bears the original's issue date, and that date is what IR 7 checks."""
    co = shipped("2024-03-04", "2024-03-05", certified_true_copy=True, certified_true_copy_date="2024-09-01")
    assert ON_TIME == seen(ir07.check_issuance_timing(co, Context()))


def test_grace_days_are_a_parameter() -> None:
    """A different grace period, given as an override, moves the boundary."""
    ctx = Context(parameters={"ajcep.retroactive.grace_days": 5})
    assert ON_TIME == seen(ir07.check_issuance_timing(shipped("2024-03-04", "2024-03-09"), ctx))


def test_findings_state_the_days_after_shipment() -> None:
    """The finding names the shipment date, the issue date and the days between them."""
    (finding,) = ir07.check_issuance_timing(shipped("2024-03-04", "2024-03-08"), Context()).findings
    expected = (date(2024, 3, 4), date(2024, 3, 8), 4)
    assert expected == (finding.facts["shipment_date"], finding.facts["issue_date"], finding.facts["days_after_shipment"])


@pytest.mark.parametrize(
    ("departure", "issued", "ticked", "expected"),
    [
        pytest.param("2008-11-20", "2008-12-05", True, RETROACTIVE, id="in-transit-at-entry-into-force-retroactive-co"),
        pytest.param(
            "2008-11-20",
            "2009-11-21",
            True,
            (Outcome.FAILED, [("retroactive-issuance-too-late", ERROR, None)]),
            id="twelve-months-and-a-day-after-a-shipment-before-entry-into-force",
        ),
        pytest.param("2008-11-20", "2009-11-20", True, RETROACTIVE, id="twelve-months-to-the-day"),
        pytest.param("2008-11-28", "2008-12-01", False, ON_TIME, id="within-three-days-across-entry-into-force"),
    ],
)
def test_shipment_before_the_agreement_uses_the_first_periods(
    departure: str, issued: str, ticked: bool, expected: Seen
) -> None:
    """Goods shipped before 2008-12-01 (in transit under IR 15) are held to the periods the Rules set from the start."""
    assert expected == seen(ir07.check_issuance_timing(shipped(departure, issued, ticked), Context()))


def test_late_unticked_co_is_rejected() -> None:
    """Through roo.evaluate: a CO issued late without the box ticked is rejected as a whole."""
    assert roo.Status.REJECTED == roo.evaluate(shipped("2024-03-04", "2024-03-08"), on=PRESENTED_ON).status


def test_shipment_at_the_end_of_the_calendar_does_not_crash() -> None:
    """Periods that would end after 9999-12-31 end on the last representable date."""
    assert ON_TIME == seen(ir07.check_issuance_timing(shipped("9999-12-31", "9999-12-31"), Context()))


# --- a replacement of a replacement (IR 5(a)): the first CO's timing ----------------------------------------------


def test_replacement_of_a_replacement_is_timed_by_the_first_co() -> None:
    """IR 7: a CO is issued by shipment or within three days; IR 5(a): a new CO replacing a lost one keeps its
    life. The CO a second replacement replaces is itself a replacement, issued months after shipment because the
    first CO was lost: the timing judged is the first CO's (issued 5 March 2024, a day after shipment on 4 March,
    as the first replacement shows), not the first replacement's own date, so neither is late."""
    first_replacement = certificate(
        reference_number="ID/2024/AJ/000200",
        issue_date="2024-06-01",
        replaces={"reference_number": "ID/2024/AJ/000100", "issue_date": "2024-03-05"},
    )
    second = certificate(
        reference_number="ID/2024/AJ/000300",
        issue_date="2024-09-01",
        replaces={"reference_number": "ID/2024/AJ/000200", "issue_date": "2024-06-01"},
    )
    result = ir07.check_issuance_timing(second, Context(related_certificates=(first_replacement,)))
    assert (Outcome.PASSED, []) == (result.outcome, [f.code for f in result.findings])
    # With the first CO in the context as well, its own date counts: issued 10 March, six days after shipment,
    # and not ticked, it is the error it always was, replaced twice or not.
    first = certificate(reference_number="ID/2024/AJ/000100", issue_date="2024-03-10")
    late = ir07.check_issuance_timing(second, Context(related_certificates=(first_replacement, first)))
    assert ["replaced-original-retroactive-box-not-ticked"] == [f.code for f in late.findings]
    assert date(2024, 3, 10) == late.findings[0].facts["issue_date"]
