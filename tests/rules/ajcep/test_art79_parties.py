"""AJCEP Art 79 and form notes 1-2: goods of one Party exported to another, the Agreement in force for the exporter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.rules.ajcep import art79_parties as art79
from roo.rules.base import Result
from tests.builders import certificate

ERROR, WARNING = Severity.ERROR, Severity.WARNING

Seen = tuple[Outcome, list[tuple[str, Severity, int | None]]]


def seen(result: Result) -> Seen:
    """A rule result as (outcome, [(code, severity, item)])."""
    return result.outcome, [(f.code, f.severity, f.item) for f in result.findings]


# --- Form notes 1-2: two different Parties ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exporting", "importing", "expected"),
    [
        pytest.param("ID", "JP", (Outcome.PASSED, []), id="asean-member-to-japan"),
        pytest.param("JP", "VN", (Outcome.PASSED, []), id="japan-to-asean-member"),
        pytest.param("TH", "VN", (Outcome.PASSED, []), id="between-two-asean-members"),
        pytest.param(
            "CN", "JP", (Outcome.FAILED, [("exporting-party-not-a-party", ERROR, None)]), id="china-is-not-a-party"
        ),
        pytest.param(
            "JP", "US", (Outcome.FAILED, [("importing-party-not-a-party", ERROR, None)]), id="import-into-a-non-party"
        ),
        pytest.param(
            "JP", "JP", (Outcome.FAILED, [("exporting-party-is-importing-party", ERROR, None)]), id="japan-to-japan"
        ),
        pytest.param(
            "CN",
            "CN",
            (
                Outcome.FAILED,
                [
                    ("exporting-party-not-a-party", ERROR, None),
                    ("importing-party-not-a-party", ERROR, None),
                    ("exporting-party-is-importing-party", ERROR, None),
                ],
            ),
            id="china-to-china",
        ),
    ],
)
def test_parties(exporting: str, importing: str, expected: Seen) -> None:
    """The exporting and importing countries are two different Parties: Japan and the ASEAN Member States."""
    co = certificate(exporting_party=exporting, importing_party=importing)
    assert expected == seen(art79.check_parties(co, Context()))


@pytest.mark.parametrize(("exporting", "importing"), [("CN", "JP"), ("JP", "JP")])
def test_non_party_co_is_rejected(exporting: str, importing: str) -> None:
    """Through roo.evaluate: a CO from a non-Party, or from a Party to itself, is rejected as a whole."""
    co = certificate(exporting_party=exporting, importing_party=importing)
    assert roo.Status.REJECTED == roo.evaluate(co, on=date(2024, 3, 20)).status


def test_non_party_finding_names_the_parties() -> None:
    """The finding names the country and the Parties it is not among."""
    (finding,) = art79.check_parties(certificate(exporting_party="CN"), Context()).findings
    assert ("CN", "AJCEP/FORM/1", "JP" in finding.facts["parties"]) == (
        finding.facts["exporting_party"],
        finding.rule,
        True,
    )


# --- Art 79: the Agreement in force for the exporting Party ----------------------------------------------------


@pytest.mark.parametrize(
    ("exporting", "issued", "expected"),
    [
        pytest.param("TH", "2009-06-01", (Outcome.PASSED, []), id="thailand-issued-on-its-entry-into-force"),
        pytest.param(
            "TH",
            "2009-05-31",
            (Outcome.FAILED, [("ajcep-not-in-force-for-exporting-party", ERROR, None)]),
            id="thailand-issued-the-day-before",
        ),
        pytest.param(
            "PH",
            "2010-06-30",
            (Outcome.FAILED, [("ajcep-not-in-force-for-exporting-party", ERROR, None)]),
            id="philippines-issued-the-day-before",
        ),
        pytest.param(
            "ID",
            "2017-06-01",
            (Outcome.PASSED, [("ajcep-not-in-force-for-exporting-party-unverified", WARNING, None)]),
            id="indonesia-2017-before-its-unverified-date",
        ),
        pytest.param("ID", "2018-03-01", (Outcome.PASSED, []), id="indonesia-on-its-unverified-date"),
        pytest.param(
            "JP",
            "2008-11-30",
            (Outcome.FAILED, [("ajcep-not-in-force-for-exporting-party", ERROR, None)]),
            id="before-the-agreements-first-entry-into-force",
        ),
    ],
)
def test_in_force_for_exporting_party(exporting: str, issued: str, expected: Seen) -> None:
    """A CO issued before the Agreement bound the exporting Party is not one; an unverified date only warns."""
    importing = "VN" if exporting == "JP" else "JP"
    co = certificate(exporting_party=exporting, importing_party=importing, issue_date=issued)
    assert expected == seen(art79.check_in_force_for_exporting_party(co, Context()))


def test_indonesian_co_of_2017_is_not_rejected() -> None:
    """Through roo.evaluate: ID to JP in 2017, before Indonesia's unconfirmed date, is accepted with a warning."""
    co = certificate(issue_date="2017-06-01", transport={"departure_date": "2017-06-01"})
    evaluation = roo.evaluate(co, on=date(2017, 6, 20))
    codes = [(f.code, f.severity) for f in evaluation.findings if f.rule == "AJCEP/ART/79"]
    expected = (roo.Status.ACCEPTED, [("ajcep-not-in-force-for-exporting-party-unverified", WARNING)])
    assert expected == (evaluation.status, codes)


def test_a_callers_date_for_indonesia_is_taken_as_verified() -> None:
    """Indonesia's date supplied in the context makes a CO issued before it an error."""
    co = certificate(issue_date="2017-06-01")
    ctx = Context(parameters={"ajcep.entry_into_force.ID": "2018-03-01"})
    assert (Outcome.FAILED, [("ajcep-not-in-force-for-exporting-party", ERROR, None)]) == seen(
        art79.check_in_force_for_exporting_party(co, ctx)
    )


def test_non_party_exporter_is_left_to_the_parties_rule() -> None:
    """A non-Party has no entry-into-force date: that check does not apply, the Parties rule reports it."""
    co = certificate(exporting_party="CN")
    assert Outcome.NOT_APPLICABLE == art79.check_in_force_for_exporting_party(co, Context()).outcome


def test_unverified_warning_says_so() -> None:
    """The warning names the date and says it is not confirmed."""
    co = certificate(issue_date="2017-06-01")
    (finding,) = art79.check_in_force_for_exporting_party(co, Context()).findings
    assert (date(2018, 3, 1), True) == (finding.facts["entry_into_force"], "not confirmed" in finding.message)


# --- Arts 1(i) and 79: the exporting country a Party when the goods are imported -----------------------------


@pytest.mark.parametrize(
    ("issued", "on", "expected"),
    [
        pytest.param(
            "2010-07-01", date(2010, 7, 1), (Outcome.PASSED, []), id="issued-and-imported-on-entry-into-force"
        ),
        pytest.param(
            "2010-06-20",
            date(2010, 7, 1),
            (Outcome.FAILED, [("ajcep-not-in-force-for-exporting-party", ERROR, None)]),
            id="issued-before-imported-on-entry-into-force",
        ),
        pytest.param(
            "2010-06-20",
            date(2010, 6, 30),
            (
                Outcome.FAILED,
                [
                    ("ajcep-not-in-force-for-exporting-party", ERROR, None),
                    ("ajcep-not-in-force-for-exporting-party-on-import", ERROR, None),
                ],
            ),
            id="issued-and-imported-the-day-before",
        ),
    ],
)
def test_exporting_party_a_party_when_imported(issued: str, on: date, expected: Seen) -> None:
    """Art 1(i): a "Party" is a country for which the Agreement has entered into force (Art 79: the Philippines on
    1 July 2010). Goods imported before that date are not goods of a Party: a finding of its own, beside the CO
    issued too early, since it concerns the goods and not the document."""
    co = certificate(exporting_party="PH", importing_party="JP", issue_date=issued)
    assert expected == seen(art79.check_in_force_for_exporting_party(co, Context(on=on)))


def test_unconfirmed_date_on_import_only_warns() -> None:
    """Art 79: a date roo's data do not confirm (Indonesia's) denies nothing, on import as on issuance."""
    co = certificate(issue_date="2017-06-01")
    result = art79.check_in_force_for_exporting_party(co, Context(on=date(2017, 6, 20)))
    assert (Outcome.PASSED, [("ajcep-not-in-force-for-exporting-party-unverified", WARNING, None)]) == seen(result)


def test_waiver_keeps_the_denial_of_goods_from_a_country_not_yet_a_party() -> None:
    """Through roo.evaluate: IR 6 waives the CO for a consignment of originating goods, not the Agreement's
    scope. Goods of the Philippines imported into Japan before the Agreement entered into force for the
    Philippines (1 July 2010) keep their denial under the waiver; imported on that day, the waiver applies and
    the CO issued too early is a defect of a document not required."""
    co = certificate(exporting_party="PH", importing_party="JP", issue_date="2010-06-20")
    value = roo.Money(Decimal("100000"), "JPY")
    before = roo.evaluate(co, on=date(2010, 6, 30), customs_value=value)
    on_the_day = roo.evaluate(co, on=date(2010, 7, 1), customs_value=value)
    assert () == before.granted
    assert "ajcep-not-in-force-for-exporting-party-on-import" in {f.code for f in before.findings}
    assert "co-waived" in {f.code for f in on_the_day.findings}
    assert "ajcep-not-in-force-for-exporting-party-on-import" not in {f.code for f in on_the_day.findings}


# --- Art 79 with IR 5(a): a replacement lives the life of the CO it replaces -----------------------------------

PH_REPLACEMENT: dict[str, object] = {
    "exporting_party": "PH",
    "importing_party": "JP",
    "reference_number": "PH-NEW-1",
    "issue_date": "2010-07-05",
    "transport": {"departure_date": "2010-06-20"},
}


def ph_replacement(original_issued: str | None) -> roo.Certificate:
    """A Philippine replacement CO of 5 July 2010 (the Agreement in force for the Philippines on 1 July 2010)."""
    return certificate(**PH_REPLACEMENT, replaces={"reference_number": "PH-OLD-1", "issue_date": original_issued})


def ph_original(issued: str, replaces: dict[str, str] | None = None, reference: str = "PH-OLD-1") -> roo.Certificate:
    """The CO replaced, as the context's related certificates hold it."""
    return certificate(
        exporting_party="PH", importing_party="JP", reference_number=reference, issue_date=issued, replaces=replaces
    )


@pytest.mark.parametrize(
    ("original_issued", "expected"),
    [
        pytest.param(
            "2010-06-20",
            (Outcome.FAILED, [("ajcep-replaced-co-not-in-force-for-exporting-party", ERROR, None)]),
            id="original-before-entry-into-force",
        ),
        pytest.param(
            "2010-06-30",
            (Outcome.FAILED, [("ajcep-replaced-co-not-in-force-for-exporting-party", ERROR, None)]),
            id="original-the-day-before",
        ),
        pytest.param("2010-07-01", (Outcome.PASSED, []), id="original-on-entry-into-force"),
        pytest.param(None, (Outcome.PASSED, []), id="original-date-not-shown-left-to-the-replacement-rule"),
    ],
)
def test_replacement_is_judged_by_the_co_it_replaces(original_issued: str | None, expected: Seen) -> None:
    """IR 5(a): a replacement CO is valid only during the validity of the CO it replaces, and Art 79: a CO issued
    before the Agreement entered into force for its exporting Party is not one. A replacement issued after that
    date cannot make good an original issued before it (the review's case: PH, original 20 June 2010,
    replacement 5 July 2010, the Agreement in force for the Philippines on 1 July 2010)."""
    co = ph_replacement(original_issued)
    assert expected == seen(art79.check_in_force_for_exporting_party(co, Context(on=date(2010, 7, 10))))


def test_replacement_of_pre_entry_into_force_original_is_rejected() -> None:
    """Through roo.evaluate, the review's case with the original in the context too: rejected as a whole, the
    original's own issue date deciding (IR 5(a), Art 79)."""
    co = ph_replacement("2010-06-20")
    alone = roo.evaluate(co, on=date(2010, 7, 10))
    with_original = roo.evaluate(co, on=date(2010, 7, 10), related_certificates=(ph_original("2010-06-20"),))
    code = "ajcep-replaced-co-not-in-force-for-exporting-party"
    assert (roo.Status.REJECTED, roo.Status.REJECTED) == (alone.status, with_original.status)
    assert code in {f.code for f in alone.findings} & {f.code for f in with_original.findings}


def test_the_original_in_the_context_decides_over_the_date_the_replacement_shows() -> None:
    """The first issue date the data show counts: the original in the context, issued before 1 July 2010,
    whatever later date the replacement gives for it; and a chain goes back to its first CO."""
    co = ph_replacement("2010-07-02")
    first = ph_original("2010-06-25", reference="PH-FIRST")
    middle = ph_original("2010-07-02", replaces={"reference_number": "PH-FIRST", "issue_date": "2010-06-25"})
    result = art79.check_in_force_for_exporting_party(
        co, Context(on=date(2010, 7, 10), related_certificates=(middle, first))
    )
    assert (Outcome.FAILED, [("ajcep-replaced-co-not-in-force-for-exporting-party", ERROR, None)]) == seen(result)
    assert date(2010, 6, 25) == result.findings[0].facts["original_issue_date"]


def test_replacement_itself_issued_before_entry_into_force_gets_the_one_finding() -> None:
    """A replacement issued before the date is itself no CO under the Agreement: the existing finding, once."""
    co = certificate(
        **{**PH_REPLACEMENT, "issue_date": "2010-06-25"},
        replaces={"reference_number": "PH-OLD-1", "issue_date": "2010-06-20"},
    )
    result = art79.check_in_force_for_exporting_party(co, Context(on=date(2010, 7, 10)))
    assert (Outcome.FAILED, [("ajcep-not-in-force-for-exporting-party", ERROR, None)]) == seen(result)


def test_replacement_of_original_before_an_unconfirmed_date_only_warns() -> None:
    """Art 79 with Indonesia's unconfirmed date (1 March 2018): the original's earlier date warns, never denies."""
    co = certificate(issue_date="2018-03-05", replaces={"reference_number": "ID-OLD", "issue_date": "2018-02-20"})
    result = art79.check_in_force_for_exporting_party(co, Context(on=date(2018, 3, 10)))
    expected = (Outcome.PASSED, [("ajcep-replaced-co-not-in-force-for-exporting-party-unverified", WARNING, None)])
    assert expected == seen(result)
