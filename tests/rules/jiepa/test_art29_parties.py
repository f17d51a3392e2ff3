"""JIEPA Arts 29 and 40: a CO is for a good of Japan or Indonesia imported into the other."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.rules.jiepa import art29_parties
from tests.rules.jiepa.helpers import jiepa


@pytest.mark.parametrize(
    ("exporting", "importing", "expected"),
    [
        pytest.param("ID", "JP", [], id="indonesia-to-japan"),
        pytest.param("JP", "ID", [], id="japan-to-indonesia"),
        pytest.param("TH", "JP", [("jiepa-exporting-party-not-a-party", "JIEPA/ART/29(1)")], id="thailand-is-not-a-party"),
        pytest.param("ID", "SG", [("jiepa-importing-party-not-a-party", "JIEPA/ART/40")], id="import-into-singapore"),
        pytest.param("ID", "ID", [("jiepa-exporting-party-is-importing-party", "JIEPA/ART/40")], id="indonesia-to-itself"),
    ],
)
def test_parties(exporting: str, importing: str, expected: list[tuple[str, str]]) -> None:
    """Only Japan and Indonesia, one to the other; anything else is a certificate error."""
    co = jiepa(exporting_party=exporting, importing_party=importing)
    result = art29_parties.check_parties(co, Context())
    assert expected == [(f.code, f.rule) for f in result.findings]
    assert all(f.severity is Severity.ERROR and f.item is None for f in result.findings)
    assert (Outcome.PASSED if not expected else Outcome.FAILED) == result.outcome


def test_thai_co_under_jiepa_is_rejected() -> None:
    """Through roo.evaluate: a JIEPA CO from Thailand is rejected as a whole."""
    assert roo.Status.REJECTED == roo.evaluate(jiepa(exporting_party="TH")).status


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        pytest.param("2008-06-30", ["jiepa-issued-before-entry-into-force"], id="the-day-before"),
        pytest.param("2008-07-01", [], id="the-day-of-entry-into-force"),
        pytest.param("2001-01-01", ["jiepa-issued-before-entry-into-force"], id="years-before"),
    ],
)
def test_issued_before_the_agreement_entered_into_force(issued: str, expected: list[str]) -> None:
    """Art 41(1): a CO is issued by the competent authority under the Agreement, and Japan and Indonesia are
    Parties (Art 29(1)) only from its entry into force on 2008-07-01. A CO dated the day before is no CO under
    it: a certificate error; on the day itself it passes.
    """
    from datetime import date

    co = jiepa(issue_date=issued)
    result = art29_parties.check_in_force(co, Context(on=date(2008, 7, 2)))
    assert expected == [f.code for f in result.findings]
    assert all(f.severity is Severity.ERROR and f.item is None and f.rule == "JIEPA/ART/41(1)" for f in result.findings)
    if expected:
        assert date(2008, 7, 1) == result.findings[0].facts["entry_into_force"]


def test_issued_before_entry_into_force_is_rejected_through_evaluate() -> None:
    """Through roo.evaluate: the whole CO is rejected, whatever else holds (issue 16: a date before the rules
    existed is a finding, never a silent grant)."""
    from datetime import date

    evaluation = roo.evaluate(jiepa(issue_date="2008-06-01"), Context(on=date(2008, 6, 20)))
    assert "jiepa-issued-before-entry-into-force" in [f.code for f in evaluation.findings]
    assert roo.Status.REJECTED == evaluation.status


def test_entry_into_force_for_a_party_that_is_not_one_is_left_to_the_parties_rule() -> None:
    """A CO from Thailand is not a JIEPA CO at all; the in-force check does not add a second finding."""
    co = jiepa(exporting_party="TH", issue_date="2008-06-01")
    assert Outcome.NOT_APPLICABLE == art29_parties.check_in_force(co, Context()).outcome


# Art 29(1): a good qualifies as an originating good "of a Party"; Art 2(1)(f): the Parties are Japan and
# Indonesia, which they were from the Agreement's entry into force on 1 July 2008.


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(date(2008, 6, 30), ["jiepa-imported-before-entry-into-force"], id="day-before-entry-into-force"),
        pytest.param(date(2008, 7, 1), [], id="day-of-entry-into-force"),
        pytest.param(date(2008, 2, 29), ["jiepa-imported-before-entry-into-force"], id="leap-day-before"),
    ],
)
def test_goods_imported_before_entry_into_force_are_goods_of_no_party(on: date, expected: list[str]) -> None:
    """Goods imported before 1 July 2008 were not goods of a Party: a certificate error, whatever the CO."""
    result = art29_parties.check_in_force_on_import(jiepa(issue_date="2008-02-01"), Context(on=on))
    assert expected == [f.code for f in result.findings]
    assert all((f.rule, f.severity, f.item) == ("JIEPA/ART/29(1)", Severity.ERROR, None) for f in result.findings)


@pytest.mark.parametrize(
    ("issue_date", "outcome", "needed"),
    [
        pytest.param("2008-07-01", Outcome.NOT_APPLICABLE, (), id="issued-from-entry-into-force"),
        pytest.param("2008-06-30", Outcome.NOT_EVALUATED, ("context.on",), id="issued-before-entry-into-force"),
    ],
)
def test_without_the_import_date(issue_date: str, outcome: Outcome, needed: tuple[str, ...]) -> None:
    """A CO issued from the entry into force was presented after it; an earlier one leaves the import date in doubt."""
    result = art29_parties.check_in_force_on_import(jiepa(issue_date=issue_date), Context())
    assert (outcome, needed) == (result.outcome, result.needed)


def test_the_waiver_keeps_the_denial_of_goods_imported_before_entry_into_force() -> None:
    """Art 40(2) waives the CO for a low-value consignment of *originating* goods: the document, not the Parties.
    A CO dated before the entry into force is a defect of the document that the waiver lifts; goods imported
    before it are still goods of no Party, and stay denied."""
    direct = {"direct": True, "transit": [], "evidence": []}
    co = jiepa(issue_date="2008-06-20", transport=None)
    low = roo.Money(Decimal("1000"), "JPY")
    before = roo.evaluate(co, on=date(2008, 6, 30), customs_value=low, consignment=direct)
    assert "jiepa-imported-before-entry-into-force" in [f.code for f in before.findings]
    assert roo.Status.REJECTED == before.status
    after = roo.evaluate(co, on=date(2008, 7, 2), customs_value=low, consignment=direct)
    assert roo.Status.NOT_REQUIRED == after.status
