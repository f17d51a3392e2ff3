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
from tests.builders import PRESENTED_ON, certificate, item_data

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
    expected = (Severity.INFO, None, "AJCEP/IR/6(a)(i)", yen("200000"), yen("200000"), PRESENTED_ON)
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


# --- IR 6 waives the document, not the rules of origin ----------------------------------------------------------
# IR 6(a) serves OCP Rule 3(2): the importing Party waives the CO for a consignment of originating goods of low
# value. The CO is not needed; the goods must still originate, be consigned directly (Art 31), come from a Party
# to another (form notes 1, 2) and be imported while the Agreement is in force (IR 15, Art 79).

WAIVED = {"on": PRESENTED_ON.isoformat(), "customs_value": {"amount": "1000", "currency": "JPY"}}
DIRECT = {"direct": True, "transit": [], "evidence": []}


def _waived(co: roo.Certificate, **context: object) -> roo.Evaluation:
    return roo.evaluate(co, {**WAIVED, "consignment": DIRECT, **context})


def test_waiver_still_lifts_the_documents_own_defects() -> None:
    """An unsigned CO (IR 2(a), a document defect) under the waiver: not required, every item granted, complete."""
    co = certificate(certification={"authority": None, "signatory": None, "place": None, "signed": False, "sealed": False})
    evaluation = _waived(co)
    assert (roo.Status.NOT_REQUIRED, (1,), True) == (evaluation.status, evaluation.granted, evaluation.complete)


def test_waiver_keeps_the_denial_of_goods_not_consigned_directly() -> None:
    """Art 31: goods processed in transit are not consigned directly; the waiver does not lift that denial."""
    transit = {"direct": False, "transit": [{"country": "SG", "operations": ["processing"]}], "evidence": []}
    evaluation = _waived(certificate(), consignment=transit)
    codes = [f.code for f in evaluation.findings if f.severity is Severity.ERROR]
    assert (roo.Status.REJECTED, ["transit-operation-not-permitted"]) == (evaluation.status, codes)


def test_waiver_keeps_the_denial_of_goods_not_originating() -> None:
    """Art 26: an RVC below the general rule's 40 % on item 2 denies item 2 even under the waiver; item 1 keeps
    preference (IR 3(j)), so the status counts the grants: partially accepted, not ``not_required``."""
    co = certificate(items=[item_data(1), item_data(2, origin_criterion="RVC 39%")])
    evaluation = _waived(co)
    assert (roo.Status.PARTIALLY_ACCEPTED, (1,), (2,)) == (evaluation.status, evaluation.granted, evaluation.denied)


def test_waiver_boundary_rvc_at_exactly_40_percent_is_not_required() -> None:
    """Boundary: RVC 40 % is 'not less than 40 %': originating, so the waived consignment is not required."""
    evaluation = _waived(certificate(items=[item_data(1, origin_criterion="RVC 40%")]))
    assert roo.Status.NOT_REQUIRED == evaluation.status


def test_waiver_keeps_the_denial_of_goods_not_from_a_party() -> None:
    """Form note 1: goods exported from a country that is not a Party get no preference, waiver or not."""
    evaluation = _waived(certificate(exporting_party="CN"))
    codes = {f.code for f in evaluation.findings if f.severity is Severity.ERROR}
    assert (roo.Status.REJECTED, True) == (evaluation.status, "exporting-party-not-a-party" in codes)


def test_waiver_keeps_the_denial_of_an_import_before_entry_into_force() -> None:
    """IR 15 / Art 79: imported into the Philippines before the Agreement entered into force there (2010-07-01),
    a consignment under the ASEAN USD 200 waiver still gets no preference."""
    co = certificate(
        exporting_party="JP",
        importing_party="PH",
        issue_date="2009-12-20",
        transport={"departure_date": "2009-12-19", "vessel_or_flight": "V", "port_of_loading": "JPTYO",
                   "port_of_discharge": "PHMNL", "transit_countries": []},
        exporter_declaration={"place": "Tokyo", "date": "2009-12-19", "signed": True},
        items=[item_data(1, invoice={"number": "INV-1", "date": "2009-12-18"})],
    )
    evaluation = roo.evaluate(
        co, on="2010-01-05", exporting_value={"amount": "100", "currency": "USD"}, consignment=DIRECT
    )
    codes = {f.code for f in evaluation.findings}
    assert {"co-waived", "ajcep-not-in-force-on-import"} <= codes
    assert roo.Status.REJECTED == evaluation.status


def test_waiver_with_a_missing_fact_of_origin_is_not_complete() -> None:
    """Under the waiver, only the checks whose denial it keeps count: without the consignment, Art 31 is not
    made and the grant is not complete; without the import declaration (a document comparison) it would be."""
    without_consignment = roo.evaluate(certificate(), WAIVED)
    with_consignment = _waived(certificate())
    assert (roo.Status.NOT_REQUIRED, False, ["AJCEP/ART/31"]) == (
        without_consignment.status,
        without_consignment.complete,
        [c.rule for c in without_consignment.unverified],
    )
    assert (roo.Status.NOT_REQUIRED, True) == (with_consignment.status, with_consignment.complete)


def test_the_kept_denials_are_the_rules_of_origin() -> None:
    """The codes kept under the waiver are exactly: not originating, not consigned directly, not of a Party,
    not in force on importation (for the importing Party, or for the exporting Party, whose goods are then not
    yet goods of a Party: Art 1(i)); every document defect is lifted."""
    assert {
        "box8-not-originating",
        "rvc-below-general-rule",
        "rvc-below-product-specific-rule",
        "transit-operation-not-permitted",
        "exporting-party-not-a-party",
        "importing-party-not-a-party",
        "exporting-party-is-importing-party",
        "ajcep-not-in-force-on-import",
        "ajcep-not-in-force-for-exporting-party-on-import",
    } == ir06.KEPT


def test_waiver_keeps_an_rvc_below_the_product_specific_rule() -> None:
    """IR 6 waives the CO for a consignment of originating goods; Art 26.3 requires the percentage the
    product-specific rule specifies. A box 8 RVC below the rule of the context's table shows a good that does not
    originate, like one below the general rule: the item stays denied under the waiver. At the rule's percentage
    the waiver applies and the item is granted."""
    hs = str(item_data(1)["hs_code"]).replace(".", "")[:6]
    table = {"format": "roo.psr/1", "scheme": "AJCEP", "source": "test rows", "rows": [{"hs": hs, "rule": "RVC 50 or CC"}]}
    below = _waived(certificate(items=[item_data(1, origin_criterion="RVC 45%")]), product_rules=table)
    at = _waived(certificate(items=[item_data(1, origin_criterion="RVC 50%")]), product_rules=table)
    assert ((), roo.Status.REJECTED) == (below.granted, below.status)
    assert "rvc-below-product-specific-rule" in {f.code for f in below.findings}
    assert ((1,), roo.Status.NOT_REQUIRED) == (at.granted, at.status)
