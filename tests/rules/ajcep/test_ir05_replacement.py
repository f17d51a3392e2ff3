"""AJCEP IR 5: replacement COs and certified true copies after theft, loss or destruction."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.rules.ajcep import ir05_replacement as ir05
from roo.rules.ajcep import ir07_retroactive_issuance as ir07
from roo.rules.base import Result
from tests.builders import PRESENTED_ON, certificate

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

Seen = tuple[Outcome, list[tuple[str, Severity, int | None]]]


def seen(result: Result) -> Seen:
    """A rule result as (outcome, [(code, severity, item)])."""
    return result.outcome, [(f.code, f.severity, f.item) for f in result.findings]


ORIGINAL_REFERENCE = "ID/2024/AJ/000100"


def replacement(**replaces: Any) -> roo.Certificate:
    """A replacement CO (new reference ID/2024/AJ/000123, issued 2024-03-05) for a CO issued on 2024-03-01."""
    data: dict[str, Any] = {"reference_number": ORIGINAL_REFERENCE, "issue_date": "2024-03-01"}
    data.update(replaces)
    return certificate(replaces=data)


# --- IR 5(a): replacement CO ---------------------------------------------------------------------------------


def test_not_a_replacement_is_not_applicable() -> None:
    """The replacement rule concerns only a CO that replaces another."""
    assert Outcome.NOT_APPLICABLE == ir05.check_replacement(certificate(), Context()).outcome


@pytest.mark.parametrize(
    ("co", "expected"),
    [
        pytest.param(replacement(), (Outcome.PASSED, []), id="new-reference-original-reference-and-date-shown"),
        pytest.param(
            replacement(reference_number="ID/2024/AJ/000123"),
            (Outcome.FAILED, [("replacement-reference-not-new", ERROR, None)]),
            id="replacement-keeps-the-original-reference",
        ),
        pytest.param(
            replacement(reference_number=" id/2024/aj/000123 "),
            (Outcome.FAILED, [("replacement-reference-not-new", ERROR, None)]),
            id="same-reference-in-other-case",
        ),
        pytest.param(
            replacement(reference_number=""),
            (Outcome.FAILED, [("replacement-original-reference-missing", ERROR, None)]),
            id="original-reference-not-shown",
        ),
        pytest.param(
            replacement(issue_date=None),
            (Outcome.FAILED, [("replacement-original-date-missing", ERROR, None)]),
            id="original-issue-date-not-shown",
        ),
        pytest.param(
            replacement(issue_date="2024-03-05"), (Outcome.PASSED, []), id="replacement-issued-the-same-day"
        ),
        pytest.param(
            replacement(issue_date="2024-03-06"),
            (Outcome.PASSED, [("replacement-predates-original", WARNING, None)]),
            id="replacement-dated-before-the-original",
        ),
    ],
)
def test_replacement(co: roo.Certificate, expected: Seen) -> None:
    """A replacement has its own reference number and shows the original's reference and issue date."""
    assert expected == seen(ir05.check_replacement(co, Context()))


@pytest.mark.parametrize(
    ("exporting_party", "importing_party", "box", "form"),
    [
        pytest.param("ID", "JP", 12, "the ASEAN Member States' form", id="asean-form-box-12"),
        pytest.param("JP", "TH", 9, "Japan's form", id="japan-form-box-9"),
    ],
)
def test_replacement_finding_names_the_box_of_the_form(
    exporting_party: str, importing_party: str, box: int, form: str
) -> None:
    """The missing original date is looked for in box 12 of the ASEAN form and box 9 of Japan's form: the finding
    names both the box and the form, since the two forms number their boxes differently."""
    co = certificate(
        exporting_party=exporting_party,
        importing_party=importing_party,
        replaces={"reference_number": ORIGINAL_REFERENCE, "issue_date": None},
    )
    (finding,) = ir05.check_replacement(co, Context()).findings
    assert (box, form) == (finding.facts["box"], finding.facts["form"])


@pytest.mark.parametrize(
    ("held", "expected"),
    [
        pytest.param(
            certificate(reference_number=ORIGINAL_REFERENCE, issue_date="2024-03-01"),
            (Outcome.PASSED, []),
            id="date-shown-is-the-original-own",
        ),
        pytest.param(
            certificate(reference_number=ORIGINAL_REFERENCE, issue_date="2024-02-29"),
            (Outcome.PASSED, [("replacement-original-date-differs", WARNING, None)]),
            id="original-issued-a-day-earlier",
        ),
        pytest.param(
            certificate(reference_number=ORIGINAL_REFERENCE, issue_date="2024-03-02"),
            (Outcome.PASSED, [("replacement-original-date-differs", WARNING, None)]),
            id="original-issued-a-day-later",
        ),
        pytest.param(
            certificate(reference_number=ORIGINAL_REFERENCE, issue_date="2024-02-01", exporting_party="TH"),
            (Outcome.PASSED, []),
            id="another-party-co-with-the-same-reference-is-not-the-original",
        ),
    ],
)
def test_replacement_shows_the_original_own_issue_date(held: roo.Certificate, expected: Seen) -> None:
    """IR 5(a): the date of issuance of the original CO is to be indicated in the new CO.

    When the context holds the original, a replacement showing another date for it is a warning: the validity
    rule counts from the original's own date anyway, and customs may verify which date is right.
    """
    result = ir05.check_replacement(replacement(), Context(related_certificates=(held,)))
    assert expected == seen(result)
    if result.findings:
        facts = result.findings[0].facts
        assert (date(2024, 3, 1), held.issue_date) == (facts["stated_issue_date"], facts["original_issue_date"])


# --- IR 5(b): certified true copy ----------------------------------------------------------------------------


def copy_of(made: str | None, issue_date: str = "2024-03-05", endorsed: bool = True) -> roo.Certificate:
    """A certified true copy bearing ``issue_date``, made on ``made``."""
    return certificate(issue_date=issue_date, certified_true_copy=endorsed, certified_true_copy_date=made)


def test_not_a_certified_true_copy_is_not_applicable() -> None:
    """The certified-true-copy rule concerns only a copy."""
    assert Outcome.NOT_APPLICABLE == ir05.check_certified_true_copy(certificate(), Context()).outcome


@pytest.mark.parametrize(
    ("co", "expected"),
    [
        pytest.param(copy_of("2024-06-01"), (Outcome.PASSED, []), id="made-three-months-after-issuance"),
        pytest.param(copy_of("2024-03-05"), (Outcome.PASSED, []), id="made-the-day-of-issuance"),
        pytest.param(copy_of("2025-03-05"), (Outcome.PASSED, []), id="made-one-year-to-the-day-after"),
        pytest.param(
            copy_of("2025-03-06"),
            (Outcome.FAILED, [("certified-true-copy-too-late", ERROR, None)]),
            id="made-one-year-and-a-day-after",
        ),
        pytest.param(
            copy_of("2025-02-28", issue_date="2024-02-29"),
            (Outcome.PASSED, []),
            id="original-of-29-february-copy-on-28-february",
        ),
        pytest.param(
            copy_of("2025-03-01", issue_date="2024-02-29"),
            (Outcome.FAILED, [("certified-true-copy-too-late", ERROR, None)]),
            id="original-of-29-february-copy-on-1-march",
        ),
        pytest.param(
            copy_of("2024-03-04"),
            (Outcome.FAILED, [("certified-true-copy-before-issue", ERROR, None)]),
            id="copy-dated-before-the-original",
        ),
        pytest.param(
            copy_of(None),
            (Outcome.PASSED, [("certified-true-copy-date-missing", WARNING, None)]),
            id="copy-not-dated",
        ),
        pytest.param(
            copy_of("2024-06-01", endorsed=False),
            (Outcome.PASSED, [("certified-true-copy-date-without-endorsement", WARNING, None)]),
            id="copy-date-without-the-endorsement",
        ),
    ],
)
def test_certified_true_copy(co: roo.Certificate, expected: Seen) -> None:
    """A certified true copy is made no later than one year after the original's issuance."""
    assert expected == seen(ir05.check_certified_true_copy(co, Context()))


@pytest.mark.parametrize(
    ("original_issue_date", "expected"),
    [
        pytest.param("2024-03-05", (Outcome.PASSED, []), id="copy-bears-the-original-date"),
        pytest.param(
            "2024-03-01",
            (Outcome.FAILED, [("certified-true-copy-issue-date-differs", ERROR, None)]),
            id="copy-bears-another-date",
        ),
    ],
)
def test_certified_true_copy_bears_the_original_issue_date(original_issue_date: str, expected: Seen) -> None:
    """With the original in the context, the copy must bear its issue date."""
    original = certificate(issue_date=original_issue_date)
    ctx = Context(related_certificates=(original,))
    assert expected == seen(ir05.check_certified_true_copy(copy_of("2024-06-01"), ctx))


def test_certified_true_copy_ignores_unrelated_certificates() -> None:
    """A related CO with another reference number is not the original."""
    other = certificate(reference_number="ID/2024/AJ/999999", issue_date="2024-01-01")
    assert (Outcome.PASSED, []) == seen(ir05.check_certified_true_copy(copy_of("2024-06-01"), Context(related_certificates=(other,))))


def test_certified_true_copy_limit_is_a_parameter() -> None:
    """The one-year limit is the parameter ajcep.certified_true_copy.max_months."""
    ctx = Context(parameters={"ajcep.certified_true_copy.max_months": 6})
    assert (Outcome.FAILED, [("certified-true-copy-too-late", ERROR, None)]) == seen(
        ir05.check_certified_true_copy(copy_of("2024-09-06"), ctx)
    )


def test_certified_true_copy_before_the_agreement_is_not_evaluated() -> None:
    """No limit is in force before the Agreement; the check is not evaluated, not failed."""
    result = ir05.check_certified_true_copy(copy_of("2007-06-01", issue_date="2007-03-05"), Context())
    assert (Outcome.NOT_EVALUATED, ("context.parameters[ajcep.certified_true_copy.max_months]",)) == (
        result.outcome,
        result.needed,
    )


# --- through roo.evaluate ------------------------------------------------------------------------------------


def test_replacement_keeping_the_reference_is_rejected() -> None:
    """A replacement without a new reference number is a defect of the whole CO."""
    co = replacement(reference_number="ID/2024/AJ/000123")
    assert roo.Status.REJECTED == roo.evaluate(co, on=PRESENTED_ON).status


def test_copy_of_a_co_issued_at_the_end_of_the_calendar_does_not_crash() -> None:
    """A one-year limit that would end after 9999-12-31 ends on the last representable date."""
    assert (Outcome.PASSED, []) == seen(ir05.check_certified_true_copy(copy_of("9999-12-31", issue_date="9999-06-01"), Context()))


# --- IR 5(a): the replaced CO is invalidated -----------------------------------------------------------------
#
# IR 5(a): when a new CO is issued for one stolen, lost or destroyed, "the original CO will be invalidated".

#: The CO presented: ID/2024/AJ/000100, issued on 2024-03-01.
REPLACED = certificate(reference_number=ORIGINAL_REFERENCE, issue_date="2024-03-01")


@pytest.mark.parametrize(
    ("related", "on", "expected"),
    [
        pytest.param((), PRESENTED_ON, (Outcome.NOT_APPLICABLE, []), id="no-related-certificates"),
        pytest.param(
            (certificate(reference_number="ID/2024/AJ/000999"),), PRESENTED_ON, (Outcome.PASSED, []), id="no-replacement"
        ),
        pytest.param(
            (replacement(),),
            PRESENTED_ON,
            (Outcome.FAILED, [("replaced-co-presented", ERROR, None)]),
            id="replacement-issued-before-presentation",
        ),
        pytest.param(
            (replacement(),),
            date(2024, 3, 5),
            (Outcome.FAILED, [("replaced-co-presented", ERROR, None)]),
            id="presented-on-the-day-the-replacement-was-issued",
        ),
        pytest.param(
            (replacement(),),
            date(2024, 3, 4),
            (Outcome.PASSED, [("replaced-co-presented-before-replacement", WARNING, None)]),
            id="presented-the-day-before-the-replacement",
        ),
        pytest.param(
            (replacement(),), None, (Outcome.FAILED, [("replaced-co-presented", ERROR, None)]), id="import-date-unknown"
        ),
        pytest.param(
            (replacement(reference_number=" id/2024/aj/000100 "),),
            PRESENTED_ON,
            (Outcome.FAILED, [("replaced-co-presented", ERROR, None)]),
            id="reference-written-in-another-case",
        ),
        pytest.param(
            (certificate(exporting_party="TH", replaces={"reference_number": ORIGINAL_REFERENCE}),),
            PRESENTED_ON,
            (Outcome.PASSED, []),
            id="same-number-replaced-in-another-party",
        ),
    ],
)
def test_replaced_co_is_invalidated(related: tuple[roo.Certificate, ...], on: date | None, expected: Seen) -> None:
    """IR 5(a): a CO for which a replacement has been issued is invalid; before that it was still valid."""
    assert expected == seen(ir05.check_not_replaced(REPLACED, Context(on=on, related_certificates=related)))


def test_the_first_replacement_invalidates_the_co() -> None:
    """IR 5(a): the original CO is invalidated once a new CO is issued for it. With two replacements on record,
    the CO was invalid from the first one's issue date: presented between the two, it is rejected, and the
    finding names the first replacement, whatever order the related certificates come in."""
    later = certificate(
        reference_number="ID/2024/AJ/000200", issue_date="2024-03-10", replaces={"reference_number": ORIGINAL_REFERENCE}
    )
    first = replacement()  # issued on 2024-03-05
    result = ir05.check_not_replaced(REPLACED, Context(on=date(2024, 3, 7), related_certificates=(later, first)))
    (finding,) = result.findings
    assert ("replaced-co-presented", first.reference_number, first.issue_date) == (
        finding.code,
        finding.facts["replacement_reference"],
        finding.facts["replacement_issue_date"],
    )


def test_replaced_co_is_rejected_through_evaluate() -> None:
    """IR 5(a) through roo.evaluate: the original presented after its replacement was issued is rejected."""
    evaluation = roo.evaluate(REPLACED, on=PRESENTED_ON, related_certificates=(replacement(),))
    assert roo.Status.REJECTED == evaluation.status
    assert "replaced-co-presented" in {f.code for f in evaluation.findings}


def test_certified_true_copy_of_a_replaced_co_is_invalid() -> None:
    """IR 5: a certified true copy is a copy of the CO; once the CO is invalidated by a replacement, so is the copy."""
    copy = certificate(
        reference_number=ORIGINAL_REFERENCE,
        issue_date="2024-03-01",
        certified_true_copy=True,
        certified_true_copy_date="2024-03-04",
    )
    result = ir05.check_not_replaced(copy, Context(on=PRESENTED_ON, related_certificates=(replacement(),)))
    assert (Outcome.FAILED, [("replaced-co-presented", ERROR, None)]) == seen(result)


def test_the_replacement_itself_is_not_invalidated_by_its_original() -> None:
    """The new CO is the valid one: the original among the related certificates does not invalidate it."""
    result = ir05.check_not_replaced(replacement(), Context(on=PRESENTED_ON, related_certificates=(REPLACED,)))
    assert (Outcome.PASSED, []) == seen(result)


def test_replacement_showing_another_original_date_warns_through_evaluate() -> None:
    """Through roo.evaluate: IR 5(a), the date of issuance of the original CO is to be indicated in the new CO.

    A replacement showing another date than the original's own (held in the context) gets a warning that
    denies nothing; its validity counts from the original's own date.
    """
    held = certificate(reference_number=ORIGINAL_REFERENCE, issue_date="2024-02-28")
    evaluation = roo.evaluate(replacement(), on=date(2024, 3, 20), related_certificates=(held,))
    (finding,) = [f for f in evaluation.findings if f.code == "replacement-original-date-differs"]
    assert (WARNING, date(2024, 2, 28)) == (finding.severity, finding.facts["original_issue_date"])


def test_a_correcting_co_keeps_the_erroneous_co_timing_and_replaces_it() -> None:
    """IR 4(b)(ii): an error is corrected by "issuing a new CO to replace the erroneous one". Read with IR 5(a),
    the only text on a new CO replacing another: the correction issued weeks after shipment is timed by the
    erroneous CO (IR 7 passes without the 'Issued Retroactively' tick), and the erroneous CO, once replaced,
    gives no preference."""
    erroneous = certificate(reference_number=ORIGINAL_REFERENCE, issue_date="2024-03-05")
    correction = certificate(
        reference_number="ID/2024/AJ/000777",
        issue_date="2024-04-20",
        replaces={"reference_number": ORIGINAL_REFERENCE, "issue_date": "2024-03-05"},
    )
    ctx = Context(on=PRESENTED_ON, related_certificates=(erroneous,))
    assert Outcome.PASSED == ir07.check_issuance_timing(correction, ctx).outcome
    replaced = ir05.check_not_replaced(erroneous, Context(on=date(2024, 5, 1), related_certificates=(correction,)))
    assert [("replaced-co-presented", ERROR, None)] == seen(replaced)[1]
