"""JIEPA Art 40(2): no CO for a consignment of aggregate customs value up to USD 200 (JPY 200,000 in Japan)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.model.money import Money
from roo.rules.jiepa import art40_waiver
from tests.rules.jiepa.helpers import jiepa

INTO_JAPAN = jiepa()
INTO_INDONESIA = jiepa(exporting_party="JP", importing_party="ID")
ON = date(2023, 7, 3)


def money(amount: str, currency: str) -> Money:
    """An amount in ``currency``."""
    return Money(Decimal(amount), currency)


@pytest.mark.parametrize(
    ("customs_value", "waived"),
    [
        pytest.param("199999", True, id="below-200000-yen"),
        pytest.param("200000", True, id="exactly-200000-yen-does-not-exceed"),
        pytest.param("200000.00", True, id="exactly-200000-yen-with-decimals"),
        pytest.param("200001", False, id="one-yen-over"),
    ],
)
def test_japan_applies_200000_yen(customs_value: str, waived: bool) -> None:
    """Japan waives the CO when the aggregate customs value does not exceed JPY 200,000."""
    result = art40_waiver.check_waiver(INTO_JAPAN, Context(on=ON, customs_value=money(customs_value, "JPY")))
    expected = (Outcome.PASSED, True, ["jiepa-co-waived"]) if waived else (Outcome.NOT_APPLICABLE, False, [])
    assert expected == (result.outcome, result.waived, [f.code for f in result.findings])


@pytest.mark.parametrize(
    ("customs_value", "waived"),
    [
        pytest.param("199.99", True, id="below-usd-200"),
        pytest.param("200", True, id="exactly-usd-200"),
        pytest.param("200.01", False, id="one-cent-over"),
    ],
)
def test_indonesia_applies_usd_200(customs_value: str, waived: bool) -> None:
    """Imports into Indonesia: waived up to an aggregate customs value of USD 200."""
    result = art40_waiver.check_waiver(INTO_INDONESIA, Context(on=ON, customs_value=money(customs_value, "USD")))
    assert waived == result.waived


@pytest.mark.parametrize(
    ("co", "value", "rates", "waived"),
    [
        pytest.param(INTO_JAPAN, money("1331", "USD"), {"USD/JPY": "150.25"}, True, id="usd-199982-yen-at-150.25"),
        pytest.param(INTO_JAPAN, money("1332", "USD"), {"USD/JPY": "150.25"}, False, id="usd-200133-yen-at-150.25"),
        pytest.param(INTO_INDONESIA, money("3100000", "IDR"), {"USD/IDR": "15500"}, True, id="idr-usd-200-inverse"),
        pytest.param(INTO_INDONESIA, money("3100200", "IDR"), {"USD/IDR": "15500"}, False, id="idr-over-usd-200"),
    ],
)
def test_converted_only_with_the_contexts_rate(
    co: roo.Certificate, value: Money, rates: dict[str, str], waived: bool
) -> None:
    """A value in another currency is converted with the rate the context gives, the inverse pair if need be."""
    ctx = Context(on=ON, customs_value=value, exchange_rates={k: Decimal(v) for k, v in rates.items()})
    assert waived == art40_waiver.check_waiver(co, ctx).waived


def test_no_rate_is_not_evaluated() -> None:
    """roo never looks a rate up: without one the waiver is not evaluated."""
    result = art40_waiver.check_waiver(INTO_JAPAN, Context(on=ON, customs_value=money("1000", "USD")))
    assert (Outcome.NOT_EVALUATED, ("context.exchange_rates",)) == (result.outcome, result.needed)


def test_no_customs_value_is_not_evaluated() -> None:
    """Without the aggregate customs value the waiver cannot be judged."""
    result = art40_waiver.check_waiver(INTO_JAPAN, Context(on=ON))
    assert (Outcome.NOT_EVALUATED, ("context.customs_value",)) == (result.outcome, result.needed)


def test_the_amount_is_a_parameter() -> None:
    """A higher amount Japan establishes, given as an override, waives more."""
    overrides = {"jiepa.waiver.japan.customs_value": "300000"}
    ctx = Context(on=ON, customs_value=money("250000", "JPY"), parameters=overrides)
    assert art40_waiver.check_waiver(INTO_JAPAN, ctx).waived


def test_waived_co_is_not_required_through_evaluate() -> None:
    """The status is not_required; the finding is an info citing Art 40(2), read as of the presentation date."""
    evaluation = roo.evaluate(INTO_JAPAN, Context(on=ON, customs_value=money("200000", "JPY")))
    (finding,) = [f for f in evaluation.findings if f.code == "jiepa-co-waived"]
    expected = (roo.Status.NOT_REQUIRED, "JIEPA/ART/40(2)", Severity.INFO, ON, money("200000", "JPY"))
    facts = finding.facts
    assert expected == (evaluation.status, finding.rule, finding.severity, facts["as_of"], facts["limit"])


def test_without_presentation_date_the_issue_date_is_used() -> None:
    """The amount is read as of the CO's issue date when the context has no presentation date."""
    result = art40_waiver.check_waiver(INTO_JAPAN, Context(customs_value=money("1", "JPY")))
    assert date(2023, 5, 10) == result.findings[0].facts["as_of"]


def test_co_between_other_countries_not_applicable() -> None:
    """The Article concerns imports into a Party: a CO to any other country is outside it."""
    co = jiepa(importing_party="TH")
    result = art40_waiver.check_waiver(co, Context(on=ON, customs_value=money("1", "USD")))
    assert Outcome.NOT_APPLICABLE == result.outcome


# --- Art 40(2) waives the document, not the rules of origin ------------------------------------------------------
# Art 40(2) waives the CO for an importation of originating goods of low aggregate customs value: the goods must
# still be of one Party imported into the other (Art 29(1), Art 40) and consigned directly (Art 33).


def test_waiver_keeps_the_denial_of_goods_not_consigned_directly() -> None:
    """Goods processed in a non-Party in transit are not consigned directly (Art 33): rejected, waiver or not."""
    transit = {"direct": False, "transit": [{"country": "SG", "operations": ["processing"]}], "evidence": []}
    evaluation = roo.evaluate(INTO_JAPAN, on=ON, customs_value=money("1000", "JPY"), consignment=transit)
    codes = {f.code for f in evaluation.findings}
    assert {"jiepa-co-waived", "jiepa-transit-operation-not-permitted"} <= codes
    assert roo.Status.REJECTED == evaluation.status


def test_waiver_lifts_a_document_defect() -> None:
    """An unsigned CO under the waiver: its defect is reported but denies nothing; not required."""
    co = jiepa(certification={"authority": None, "signatory": None, "place": None, "signed": False, "sealed": False})
    direct = {"direct": True, "transit": [], "evidence": []}
    evaluation = roo.evaluate(co, on=ON, customs_value=money("1000", "JPY"), consignment=direct)
    assert (roo.Status.NOT_REQUIRED, True) == (evaluation.status, evaluation.complete)


def test_the_kept_denials_are_the_parties_and_consignment() -> None:
    """The codes kept under the JIEPA waiver."""
    assert {
        "jiepa-imported-before-entry-into-force",
        "jiepa-exporting-party-not-a-party",
        "jiepa-importing-party-not-a-party",
        "jiepa-exporting-party-is-importing-party",
        "jiepa-transit-operation-not-permitted",
    } == art40_waiver.KEPT


def test_a_co_dated_before_entry_into_force_is_a_document_defect_the_waiver_lifts() -> None:
    """Under the waiver no CO is needed: a CO dated before 2008-07-01 (Art 41(1)) denies nothing on its own when
    the goods are imported, consigned directly, while the Agreement is in force."""
    direct = {"direct": True, "transit": [], "evidence": []}
    co = jiepa(issue_date="2008-06-30", transport=None)
    evaluation = roo.evaluate(co, on=date(2008, 7, 2), customs_value=money("1000", "JPY"), consignment=direct)
    codes = {f.code for f in evaluation.findings}
    assert "jiepa-issued-before-entry-into-force" in codes
    assert roo.Status.NOT_REQUIRED == evaluation.status
