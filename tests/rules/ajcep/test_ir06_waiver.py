"""AJCEP IR 6: waiver of the CO for consignments of low value."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.model.money import Money
from roo.rules.ajcep import ir06_waiver as ir06
from tests.builders import PRESENTED_ON, certificate

INTO_JAPAN = certificate()
INTO_THAILAND = certificate(exporting_party="JP", importing_party="TH")


def yen(amount: str) -> Money:
    """An amount in Japanese yen."""
    return Money(Decimal(amount), "JPY")


def usd(amount: str) -> Money:
    """An amount in US dollars."""
    return Money(Decimal(amount), "USD")


@pytest.mark.parametrize(
    ("customs_value", "waived"),
    [
        pytest.param("150000", True, id="below-200000-yen"),
        pytest.param("200000", True, id="exactly-200000-yen-does-not-exceed"),
        pytest.param("200000.00", True, id="exactly-200000-yen-with-decimals"),
        pytest.param("200000.01", False, id="one-sen-over"),
        pytest.param("5000000", False, id="well-over"),
    ],
)
def test_japan_aggregate_customs_value(customs_value: str, waived: bool) -> None:
    """Japan waives the CO when the aggregate customs value does not exceed JPY 200,000."""
    result = ir06.check_waiver(INTO_JAPAN, Context(on=PRESENTED_ON, customs_value=yen(customs_value)))
    expected = (Outcome.PASSED, True, ["co-waived"]) if waived else (Outcome.NOT_APPLICABLE, False, [])
    assert expected == (result.outcome, result.waived, [f.code for f in result.findings])


@pytest.mark.parametrize(
    ("exporting_value", "waived"),
    [
        pytest.param("199.99", True, id="below-usd-200"),
        pytest.param("200", True, id="exactly-usd-200"),
        pytest.param("200.01", False, id="one-cent-over"),
    ],
)
def test_asean_exporting_value(exporting_value: str, waived: bool) -> None:
    """An ASEAN Member State waives the CO when the exporting value does not exceed USD 200."""
    result = ir06.check_waiver(INTO_THAILAND, Context(on=PRESENTED_ON, exporting_value=usd(exporting_value)))
    assert waived == result.waived


def test_waiver_finding_is_info_about_the_whole_co() -> None:
    """The waiver is an info finding on the CO as a whole, stating value, limit and date."""
    result = ir06.check_waiver(INTO_JAPAN, Context(on=PRESENTED_ON, customs_value=yen("200000")))
    (finding,) = result.findings
    expected = (Severity.INFO, None, "AJCEP/IR/6(a)(i)", "200000 JPY", "200000 JPY", PRESENTED_ON)
    actual = (finding.severity, finding.item, finding.rule, finding.facts["value"], finding.facts["limit"], finding.facts["as_of"])
    assert expected == actual


def test_asean_waiver_cites_the_asean_paragraph() -> None:
    """Into an ASEAN Member State the USD 200 exporting value of IR 6(a)(ii) applied, and the finding says so."""
    result = ir06.check_waiver(INTO_THAILAND, Context(on=PRESENTED_ON, exporting_value=usd("200")))
    (finding,) = result.findings
    assert ("AJCEP/IR/6(a)(ii)", "co-waived") == (finding.rule, finding.code)


@pytest.mark.parametrize(
    ("value", "rates", "waived"),
    [
        pytest.param(usd("1331"), {"USD/JPY": "150.25"}, True, id="usd-converted-under-the-limit"),
        pytest.param(usd("1332"), {"USD/JPY": "150.25"}, False, id="usd-converted-over-the-limit"),
        pytest.param(usd("1000"), {"JPY/USD": "0.005"}, True, id="inverse-rate-exactly-at-the-limit"),
    ],
)
def test_japan_converts_with_the_context_rates(value: Money, rates: dict[str, str], waived: bool) -> None:
    """A customs value in another currency is converted with the context's rate, in either direction."""
    ctx = roo.load_context({"on": "2024-03-20", "exchange_rates": rates, "customs_value": {"amount": str(value.amount), "currency": value.currency}})
    assert waived == ir06.check_waiver(INTO_JAPAN, ctx).waived


def test_no_rate_is_not_evaluated() -> None:
    """Without a rate the value is never converted by guess: the waiver is not evaluated."""
    result = ir06.check_waiver(INTO_JAPAN, Context(on=PRESENTED_ON, customs_value=usd("100")))
    assert (Outcome.NOT_EVALUATED, ("context.exchange_rates",), False) == (result.outcome, result.needed, result.waived)


@pytest.mark.parametrize(
    ("co", "ctx", "needed"),
    [
        pytest.param(INTO_JAPAN, Context(on=PRESENTED_ON, exporting_value=usd("10")), "context.customs_value", id="japan-needs-customs-value"),
        pytest.param(INTO_THAILAND, Context(on=PRESENTED_ON, customs_value=yen("10")), "context.exporting_value", id="asean-needs-exporting-value"),
    ],
)
def test_missing_value_is_not_evaluated(co: roo.Certificate, ctx: Context, needed: str) -> None:
    """Each importing Party's waiver reads its own kind of value."""
    result = ir06.check_waiver(co, ctx)
    assert (Outcome.NOT_EVALUATED, (needed,)) == (result.outcome, result.needed)


def test_a_modified_amount_applies_from_its_date() -> None:
    """A Party's modified amount (IR 6(b)), given as an override, replaces the packaged one."""
    ctx = Context(on=PRESENTED_ON, customs_value=yen("250000"), parameters={"ajcep.waiver.japan.customs_value": "300000"})
    assert ir06.check_waiver(INTO_JAPAN, ctx).waived


def test_without_presentation_date_the_issue_date_is_used() -> None:
    """With no ``on`` the amount in force on the CO's issue date applies, and the finding says so."""
    (finding,) = ir06.check_waiver(INTO_JAPAN, Context(customs_value=yen("1000"))).findings
    assert date(2024, 3, 5) == finding.facts["as_of"]


def test_before_the_agreement_is_not_evaluated() -> None:
    """No amount is in force before the Agreement: not evaluated, never waived by guess."""
    result = ir06.check_waiver(INTO_JAPAN, Context(on=date(2008, 11, 30), customs_value=yen("1000")))
    assert (Outcome.NOT_EVALUATED, False) == (result.outcome, result.waived)


def test_importing_party_outside_ajcep_is_not_applicable() -> None:
    """A CO into a country that is not a Party has no AJCEP waiver."""
    co = certificate(importing_party="CN")
    assert Outcome.NOT_APPLICABLE == ir06.check_waiver(co, Context(customs_value=yen("1"), exporting_value=usd("1"))).outcome


def test_waived_co_is_not_required_even_with_defects() -> None:
    """Through roo.evaluate, a waived CO has status not_required and every item keeps preference."""
    co = certificate(certification={"authority": None, "signatory": None, "place": None, "signed": False, "sealed": False})
    evaluation = roo.evaluate(co, on=PRESENTED_ON, customs_value=yen("200000"))
    assert (roo.Status.NOT_REQUIRED, (1,)) == (evaluation.status, evaluation.granted)
