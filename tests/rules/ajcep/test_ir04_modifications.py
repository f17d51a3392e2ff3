"""AJCEP IR 4: minor errors between the CO and the import declaration; erasures, strike-outs, unused spaces."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

import roo
from benchmarks.growth import MAX_RATIO, linear_growth
from roo.context import Context, Declaration, DeclarationItem
from roo.evaluation import Outcome, Severity
from roo.model.money import Quantity
from roo.rules.ajcep import ir04_modifications as ir04
from roo.rules.base import Result
from tests.builders import PRESENTED_ON, certificate, item_data

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

Seen = tuple[Outcome, list[tuple[str, Severity, int | None]]]


def seen(result: Result) -> Seen:
    """A rule result as (outcome, [(code, severity, item)])."""
    return result.outcome, [(f.code, f.severity, f.item) for f in result.findings]


def declared(
    hs_code: str | None = "030617",
    quantity: str | None = "4000",
    unit: str = "KGM",
    exporter: str | None = "PT Samudra Jaya",
    item: int = 1,
) -> Context:
    """A context whose declaration claims under CO item ``item`` with the given line."""
    line = DeclarationItem(
        certificate_item=item,
        hs_code=hs_code,
        description="Frozen shrimp peeled",
        quantity=None if quantity is None else Quantity(Decimal(quantity), unit),
    )
    return Context(on=PRESENTED_ON, declaration=Declaration(items=(line,), exporter=exporter))


CO = certificate()
ITEM = CO.items[0]
#: The clean CO without a gross weight, so that only the quantity is compared.
NET_ONLY = certificate(items=[item_data(gross_weight=None)])


# --- IR 4(a): HS subheading ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hs_code", "expected"),
    [
        pytest.param("030617", (Outcome.PASSED, []), id="same-subheading"),
        pytest.param("0306.17", (Outcome.PASSED, []), id="same-subheading-with-dot"),
        pytest.param("0306.17.020", (Outcome.PASSED, []), id="national-tariff-line-under-the-same-subheading"),
        pytest.param(
            "030616",
            (Outcome.PASSED, [("declared-hs-subheading-differs", WARNING, 1)]),
            id="other-subheading-is-not-minor-but-no-ground-for-denial",
        ),
        pytest.param(
            "0307.43.000",
            (Outcome.PASSED, [("declared-hs-subheading-differs", WARNING, 1)]),
            id="national-line-under-another-subheading",
        ),
        pytest.param("0306", (Outcome.NOT_EVALUATED, []), id="declared-heading-only-cannot-be-compared"),
        pytest.param(None, (Outcome.NOT_EVALUATED, []), id="no-declared-code"),
    ],
)
def test_hs_subheading(hs_code: str | None, expected: Seen) -> None:
    """A different six-digit subheading in the same edition warns on the item; national digits do not matter.

    Form note 5: the importing Party's HS number "should" be shown at six digits. IR 12's "is to be" concerns
    the six-digit level, which a six-digit code on the CO meets; only note 5's "should" is unmet, and neither
    it nor IR 4 says a different subheading voids the CO or denies the good: customs may verify.
    """
    co = certificate(items=[item_data(hs_version="HS2022")])
    assert expected == seen(ir04.check_hs_subheading(co.items[0], co, declared(hs_code=hs_code)))


@pytest.mark.parametrize(
    ("hs_version", "on", "expected"),
    [
        pytest.param(None, PRESENTED_ON, [("declared-hs-subheading-differs", WARNING, 1)], id="co-in-the-importing-party-edition"),
        pytest.param("HS2022", PRESENTED_ON, [("declared-hs-subheading-differs", WARNING, 1)], id="both-in-hs2022"),
        pytest.param(
            "HS2017",
            PRESENTED_ON,
            [("declared-hs-subheading-differs-across-editions", WARNING, 1)],
            id="co-in-hs2017-declaration-in-hs2022",
        ),
        pytest.param("HS2017", date(2021, 12, 31), [("declared-hs-subheading-differs", WARNING, 1)], id="both-in-hs2017-last-day"),
        pytest.param(
            "HS2017",
            date(2022, 1, 1),
            [("declared-hs-subheading-differs-across-editions", WARNING, 1)],
            id="hs2022-in-force-from-1-january-2022",
        ),
    ],
)
def test_hs_subheading_across_editions(hs_version: str | None, on: date, expected: list[tuple[str, Severity, int | None]]) -> None:
    """A CO in an older HS edition than the declaration may differ only because of the edition: a warning, never a denial."""
    co = certificate(items=[item_data(hs_version=hs_version)])
    ctx = attrs.evolve(declared(hs_code="030616"), on=on)
    assert expected == seen(ir04.check_hs_subheading(co.items[0], co, ctx))[1]


@pytest.mark.parametrize(
    ("issue_date", "on", "expected"),
    [
        pytest.param(
            "2021-12-20",
            date(2022, 1, 10),
            [("declared-hs-subheading-differs-across-editions", WARNING, 1)],
            id="co-issued-in-hs2017-declared-in-hs2022",
        ),
        pytest.param(
            "2022-01-01",
            date(2022, 1, 10),
            [("declared-hs-subheading-differs", WARNING, 1)],
            id="co-issued-on-the-first-day-of-hs2022",
        ),
        pytest.param(
            "2021-12-31",
            date(2021, 12, 31),
            [("declared-hs-subheading-differs", WARNING, 1)],
            id="both-in-hs2017",
        ),
    ],
)
def test_item_without_edition_is_in_the_edition_of_its_issue_date(
    issue_date: str, on: date, expected: list[tuple[str, Severity, int | None]]
) -> None:
    """A CO item without ``hs_version`` is in the edition in force when the CO was issued, not when it is declared."""
    transport = {"departure_date": issue_date}
    item = item_data(hs_code="8517.12", hs_version=None, description="Mobile telephones")
    co = certificate(issue_date=issue_date, transport=transport, items=[item])
    ctx = attrs.evolve(declared(hs_code="8517.13"), on=on)
    result = ir04.check_hs_subheading(co.items[0], co, ctx)
    assert expected == seen(result)[1]


def test_edition_change_through_evaluate_does_not_deny() -> None:
    """Through roo.evaluate: the CO of 2021-12-20 declared on 2022-01-10 under 8517.13 keeps its preference."""
    item = item_data(hs_code="8517.12", hs_version=None, description="Mobile telephones", origin_criterion="CTH")
    co = certificate(issue_date="2021-12-20", transport={"departure_date": "2021-12-20"}, items=[item])
    line = DeclarationItem(1, "8517.13", "Mobile telephones", Quantity(Decimal(4000), "KGM"))
    evaluation = roo.evaluate(co, Context(on=date(2022, 1, 10), declaration=Declaration(items=(line,))))
    assert (roo.Status.ACCEPTED, ["declared-hs-subheading-differs-across-editions"]) == (
        evaluation.status,
        [f.code for f in evaluation.findings if f.severity is not INFO],
    )


def test_hs_edition_difference_names_both_editions() -> None:
    """The warning says which edition each side is in."""
    (finding,) = ir04.check_hs_subheading(ITEM, CO, declared(hs_code="030616")).findings
    assert ("HS2017", "HS2022") == (finding.facts["certificate_edition"], finding.facts["declaration_edition"])


def test_hs_subheading_without_declaration_is_not_evaluated() -> None:
    """Without the import declaration the comparison is not evaluated, and says what it needs."""
    result = ir04.check_hs_subheading(ITEM, CO, Context(on=PRESENTED_ON))
    assert (Outcome.NOT_EVALUATED, ("context.declaration",)) == (result.outcome, result.needed)


def test_hs_subheading_of_an_item_not_claimed_is_not_applicable() -> None:
    """A CO item the declaration claims nothing under is not compared."""
    assert Outcome.NOT_APPLICABLE == ir04.check_hs_subheading(ITEM, CO, declared(item=2)).outcome


def test_hs_subheading_with_an_empty_declaration_is_not_evaluated() -> None:
    """A declaration without lines cannot be compared."""
    ctx = Context(on=PRESENTED_ON, declaration=Declaration())
    result = ir04.check_hs_subheading(ITEM, CO, ctx)
    assert (Outcome.NOT_EVALUATED, ("context.declaration.items",)) == (result.outcome, result.needed)


@pytest.mark.parametrize("hs_code", [pytest.param("0306", id="heading-only"), pytest.param(None, id="no-code")])
def test_hs_subheading_names_the_declared_code_it_needs(hs_code: str | None) -> None:
    """IR 4(a) and form note 5: the declared code's first six digits are compared with the CO's subheading.

    A declaration line under the item without a six-digit code gives nothing to compare: the check is not
    evaluated and names the fact it lacks, the declaration's HS code (a missing fact is never a pass).
    """
    result = ir04.check_hs_subheading(ITEM, CO, declared(hs_code=hs_code))
    assert (Outcome.NOT_EVALUATED, ("context.declaration.items.hs_code",)) == (result.outcome, result.needed)


def test_hs_subheading_leaves_a_short_co_code_to_ir12() -> None:
    """A CO code that is not a subheading is IR 12's finding; the comparison is not evaluated."""
    co = certificate(items=[item_data(hs_code="0306")])
    assert Outcome.NOT_EVALUATED == ir04.check_hs_subheading(co.items[0], co, declared()).outcome


# --- IR 4(a): quantity ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        pytest.param("4000", (Outcome.PASSED, []), id="same-quantity"),
        pytest.param("4000.000", (Outcome.PASSED, []), id="same-quantity-more-decimals"),
        pytest.param(
            "4200", (Outcome.PASSED, [("declared-quantity-differs-slightly", INFO, 1)]), id="exactly-5-percent-more"
        ),
        pytest.param(
            "3800", (Outcome.PASSED, [("declared-quantity-differs-slightly", INFO, 1)]), id="exactly-5-percent-less"
        ),
        pytest.param(
            "4200.04",
            (Outcome.PASSED, [("declared-quantity-exceeds-certificate-unverified", WARNING, 1)]),
            id="just-over-5-percent-more-warns-on-roo-s-own-figure",
        ),
        pytest.param(
            "3799.96",
            (Outcome.PASSED, [("declared-quantity-below-certificate", WARNING, 1)]),
            id="just-over-5-percent-less-may-be-short-shipment",
        ),
        pytest.param(
            "8000",
            (Outcome.PASSED, [("declared-quantity-exceeds-certificate-unverified", WARNING, 1)]),
            id="double-the-quantity",
        ),
    ],
)
def test_quantity(quantity: str, expected: Seen) -> None:
    """Within 5 per cent is a slight discrepancy; beyond it, more declared than certified or less is a warning.

    IR 4(a) disregards "slight discrepancies" without saying how slight. The 5 per cent is roo's own figure
    (unverified in its data), so an excess beyond it may warn but may not deny.
    """
    assert expected == seen(ir04.check_quantity(NET_ONLY.items[0], NET_ONLY, declared(quantity=quantity)))


def test_quantity_facts_name_both_quantities_and_the_tolerance() -> None:
    """The finding states the declared and certified quantities, the difference and the tolerance."""
    (finding,) = ir04.check_quantity(NET_ONLY.items[0], NET_ONLY, declared(quantity="4400")).findings
    expected = {
        "declared": Quantity(Decimal("4400"), "KGM"),
        "certified": Quantity(Decimal("4000"), "KGM"),
        "tolerance_percent": Decimal("5"),
        "difference_percent": "10.00",
    }
    assert expected == dict(finding.facts)
    # In JSON each reads as it always has.
    assert {"declared": "4400 KGM", "certified": "4000 KGM", "tolerance_percent": "5", "difference_percent": "10.00"} == (
        finding.to_dict()["facts"]
    )


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        pytest.param("4300", [("declared-quantity-matches-gross-weight", INFO, 1)], id="declared-the-gross-weight"),
        pytest.param("4515", [("declared-quantity-matches-gross-weight", INFO, 1)], id="within-5-percent-of-gross"),
        pytest.param(
            "4516", [("declared-quantity-exceeds-certificate-unverified", WARNING, 1)], id="beyond-gross-weight-too"
        ),
    ],
)
def test_quantity_that_matches_the_gross_weight(quantity: str, expected: list[tuple[str, Severity, int | None]]) -> None:
    """A declared quantity that is the CO's gross weight (box 9) rather than its quantity is noted and disregarded."""
    assert expected == seen(ir04.check_quantity(ITEM, CO, declared(quantity=quantity)))[1]


def test_quantity_lines_are_added_up() -> None:
    """Several declaration lines under one CO item are compared with it as a total."""
    lines = tuple(
        DeclarationItem(certificate_item=1, quantity=Quantity(Decimal(v), "KGM")) for v in ("2500", "1500")
    )
    ctx = Context(declaration=Declaration(items=lines))
    assert (Outcome.PASSED, []) == seen(ir04.check_quantity(ITEM, CO, ctx))


def test_quantity_in_another_unit_is_not_compared() -> None:
    """A declared quantity in another unit is a warning; roo does not convert units."""
    result = ir04.check_quantity(ITEM, CO, declared(quantity="4", unit="TNE"))
    assert (Outcome.PASSED, [("declared-quantity-unit-differs", WARNING, 1)]) == seen(result)


def test_quantity_unit_case_does_not_matter() -> None:
    """Unit codes are compared without regard to case."""
    assert (Outcome.PASSED, []) == seen(ir04.check_quantity(ITEM, CO, declared(unit="kgm")))


def test_quantity_tolerance_is_a_parameter() -> None:
    """A Party's own tolerance, given as an override, moves the line between slight and not.

    The caller's figure is its own statement of the Party's practice: with it an excess beyond the tolerance is
    "not covered by the CO" and denies the item.
    """
    ctx = declared(quantity="4100")
    tight = Context(
        on=ctx.on, declaration=ctx.declaration, parameters={"ajcep.modifications.quantity_tolerance_percent": "2"}
    )
    expected = ([("declared-quantity-differs-slightly", INFO, 1)], [("declared-quantity-exceeds-certificate", ERROR, 1)])
    actual = (seen(ir04.check_quantity(ITEM, CO, ctx))[1], seen(ir04.check_quantity(ITEM, CO, tight))[1])
    assert expected == actual


@pytest.mark.parametrize(
    ("co_quantity", "declared_quantity", "needed"),
    [
        pytest.param(None, "4000", "certificate.items.quantity", id="co-shows-no-quantity"),
        pytest.param({"value": "4000", "unit": "KGM"}, None, "context.declaration.items.quantity", id="no-declared-quantity"),
    ],
)
def test_quantity_missing_is_not_evaluated(co_quantity: dict[str, str] | None, declared_quantity: str | None, needed: str) -> None:
    """Without both quantities there is nothing to compare."""
    co = certificate(items=[item_data(quantity=co_quantity)])
    result = ir04.check_quantity(co.items[0], co, declared(quantity=declared_quantity))
    assert (Outcome.NOT_EVALUATED, (needed,)) == (result.outcome, result.needed)


def test_quantity_zero_on_the_co() -> None:
    """A declared quantity against a CO quantity of zero is an error, not a division by zero.

    No tolerance, sourced or not, makes any quantity against zero a "slight discrepancy" (IR 4(a)).
    """
    co = certificate(items=[item_data(quantity={"value": "0", "unit": "KGM"}, gross_weight=None)])
    assert (Outcome.FAILED, [("declared-quantity-exceeds-certificate", ERROR, 1)]) == seen(
        ir04.check_quantity(co.items[0], co, declared(quantity="10"))
    )


# --- IR 4(a): exporter ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exporter", "expected"),
    [
        pytest.param("PT Samudra Jaya", (Outcome.PASSED, []), id="same-name"),
        pytest.param("PT. SAMUDRA JAYA", (Outcome.PASSED, []), id="case-and-punctuation"),
        pytest.param("Samudra Jaya, PT", (Outcome.PASSED, []), id="legal-form-after-the-name"),
        pytest.param("Samudra Jaya", (Outcome.PASSED, []), id="legal-form-omitted"),
        pytest.param(
            "PT Samudra Jayaa", (Outcome.PASSED, [("declared-exporter-differs-slightly", INFO, None)]), id="typing-slip"
        ),
        pytest.param(
            "PT Sinar Laut Abadi",
            (Outcome.PASSED, [("declared-exporter-differs", WARNING, None)]),
            id="another-exporter-is-for-customs-to-verify",
        ),
    ],
)
def test_exporter(exporter: str, expected: Seen) -> None:
    """The declared exporter is the CO's; a typing slip is disregarded; another name warns, never denies."""
    assert expected == seen(ir04.check_exporter(CO, declared(exporter=exporter)))


@pytest.mark.parametrize(
    ("ctx", "co", "needed"),
    [
        pytest.param(Context(), CO, "context.declaration", id="no-declaration"),
        pytest.param(declared(exporter=None), CO, "context.declaration.exporter", id="declaration-names-no-exporter"),
        pytest.param(declared(exporter="  "), CO, "context.declaration.exporter", id="declaration-exporter-blank"),
        pytest.param(declared(), certificate(exporter=None), "certificate.exporter", id="co-names-no-exporter"),
    ],
)
def test_exporter_not_evaluated(ctx: Context, co: roo.Certificate, needed: str) -> None:
    """Without both names the exporter comparison is not evaluated."""
    result = ir04.check_exporter(co, ctx)
    assert (Outcome.NOT_EVALUATED, (needed,)) == (result.outcome, result.needed)


SG_INVOICER: dict[str, Any] = {"name": "Lion Trading Pte Ltd", "address": "1 Raffles Place, Singapore", "country": "SG"}


@pytest.mark.parametrize(
    ("declared_exporter", "ticked", "expected"),
    [
        pytest.param("Lion Trading Pte Ltd", True, (Outcome.PASSED, []), id="declared-the-third-country-invoicer"),
        pytest.param("LION TRADING PTE. LTD.", True, (Outcome.PASSED, []), id="invoicer-in-other-spelling"),
        pytest.param(
            "Lion Tradng Pte Ltd",
            True,
            (Outcome.PASSED, [("declared-exporter-differs-slightly", INFO, None)]),
            id="typing-slip-in-the-invoicers-name",
        ),
        pytest.param("PT Samudra Jaya", True, (Outcome.PASSED, []), id="declared-the-exporter-despite-invoicing"),
        pytest.param(
            "Tiger Commodities Pte Ltd",
            True,
            (Outcome.PASSED, [("declared-exporter-differs", WARNING, None)]),
            id="neither-exporter-nor-invoicer",
        ),
        pytest.param(
            "Lion Trading Pte Ltd",
            False,
            (Outcome.PASSED, []),
            id="invoicer-named-but-invoicing-not-ticked-is-still-named",
        ),
    ],
)
def test_exporter_under_third_country_invoicing(declared_exporter: str, ticked: bool, expected: Seen) -> None:
    """IR 3(d): with third-country invoicing the importer may declare the invoicer; that is not another exporter.

    The invoicer named on the CO is information whether or not box 13 is ticked; the missing tick is IR 3's
    finding (form note 7), and does not make the declared name a discrepancy.
    """
    co = certificate(third_country_invoicing=ticked, third_country_invoicer=SG_INVOICER)
    assert expected == seen(ir04.check_exporter(co, declared(exporter=declared_exporter)))


def test_another_exporter_does_not_deny_the_co() -> None:
    """Through roo.evaluate: a declared exporter that is not the CO's leaves every item granted.

    The finding cites IR 4(a), the rule the importing customs apply to a discrepancy, not IR 2(d), which is the
    issuing authority's duty to check the CO against the exporter's supporting documents.
    """
    evaluation = roo.evaluate(CO, declared(exporter="PT Sinar Laut Abadi"))
    finding = next(f for f in evaluation.findings if f.code == "declared-exporter-differs")
    assert (roo.Status.ACCEPTED, "AJCEP/IR/4(a)") == (evaluation.status, finding.rule)


def test_exporter_key_drops_legal_forms_of_japan() -> None:
    """"K.K." and "Kabushiki Kaisha" do not tell one company from another."""
    assert ir04.exporter_key("Kaiyo Foods K.K.") == ir04.exporter_key("Kaiyo Foods Kabushiki Kaisha")


# --- IR 4(b): alterations and unused spaces ------------------------------------------------------------------


def alteration(method: str, approved: bool = True, certified: bool = True, box: int = 7) -> dict[str, Any]:
    """An alteration of ``box`` as JSON data."""
    return {"box": box, "method": method, "approved_by_signatory": approved, "certified_by_authority": certified}


@pytest.mark.parametrize(
    ("alterations", "expected"),
    [
        pytest.param([], (Outcome.PASSED, []), id="no-alteration"),
        pytest.param([alteration("strike_out")], (Outcome.PASSED, []), id="strike-out-approved-and-certified"),
        pytest.param(
            [alteration("strike_out", approved=False)],
            (Outcome.FAILED, [("strike-out-not-approved", ERROR, None)]),
            id="strike-out-not-approved-by-signatory",
        ),
        pytest.param(
            [alteration("strike_out", certified=False)],
            (Outcome.FAILED, [("strike-out-not-certified", ERROR, None)]),
            id="strike-out-not-certified-by-authority",
        ),
        pytest.param(
            [alteration("strike_out", approved=False, certified=False)],
            (Outcome.FAILED, [("strike-out-not-approved", ERROR, None), ("strike-out-not-certified", ERROR, None)]),
            id="strike-out-neither-approved-nor-certified",
        ),
        pytest.param(
            [alteration("erasure")], (Outcome.FAILED, [("alteration-by-erasure", ERROR, None)]), id="erasure"
        ),
        pytest.param(
            [alteration("superimposition")],
            (Outcome.FAILED, [("alteration-by-superimposition", ERROR, None)]),
            id="superimposition",
        ),
    ],
)
def test_alterations(alterations: list[dict[str, Any]], expected: Seen) -> None:
    """Only a strike-out approved by the signatory and certified by the authority is an allowed alteration."""
    assert expected == seen(ir04.check_alterations(certificate(alterations=alterations), Context()))


@pytest.mark.parametrize(
    ("data", "expected", "needed"),
    [
        pytest.param(
            {"box": 7, "method": "strike_out"},
            (Outcome.NOT_EVALUATED, []),
            ("certificate.alterations[0].approved_by_signatory", "certificate.alterations[0].certified_by_authority"),
            id="strike-out-approval-and-certification-not-stated",
        ),
        pytest.param(
            {"box": 7, "method": "strike_out", "approved_by_signatory": True},
            (Outcome.NOT_EVALUATED, []),
            ("certificate.alterations[0].certified_by_authority",),
            id="certification-not-stated",
        ),
        pytest.param(
            {"box": 7, "method": "strike_out", "approved_by_signatory": False},
            (Outcome.FAILED, [("strike-out-not-approved", ERROR, None)]),
            (),
            id="stated-not-approved-still-fails",
        ),
        pytest.param(
            {"box": 7, "method": "erasure"}, (Outcome.FAILED, [("alteration-by-erasure", ERROR, None)]), (), id="erasure"
        ),
    ],
)
def test_alteration_facts_not_stated_are_not_evaluated(
    data: dict[str, Any], expected: Seen, needed: tuple[str, ...]
) -> None:
    """An alteration whose approval or certification the data leave out is not evaluated, never denied."""
    result = ir04.check_alterations(certificate(alterations=[data]), Context())
    assert (expected, needed) == (seen(result), result.needed)


TWO_ITEMS = [item_data(1), item_data(2, description="Frozen squid, cleaned", hs_code="030743")]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            {**alteration("erasure"), "item": 2},
            (roo.Status.PARTIALLY_ACCEPTED, (1,), [("alteration-by-erasure", 2)]),
            id="erasure-on-item-2-denies-item-2-only",
        ),
        pytest.param(
            {**alteration("strike_out", certified=False), "item": 1},
            (roo.Status.PARTIALLY_ACCEPTED, (2,), [("strike-out-not-certified", 1)]),
            id="uncertified-strike-out-on-item-1",
        ),
        pytest.param(
            {**alteration("erasure"), "item": 9},
            (roo.Status.REJECTED, (), [("alteration-by-erasure", None)]),
            id="erasure-naming-an-item-the-co-lacks-concerns-the-whole-co",
        ),
        pytest.param(
            alteration("erasure"),
            (roo.Status.REJECTED, (), [("alteration-by-erasure", None)]),
            id="erasure-without-item-concerns-the-whole-co",
        ),
    ],
)
def test_alteration_on_one_item_concerns_that_item(data: dict[str, Any], expected: Any) -> None:
    """IR 3(j): an alteration on one item's line denies that item only; others stay with the whole CO."""
    evaluation = roo.evaluate(certificate(items=TWO_ITEMS, alterations=[data]), on=PRESENTED_ON)
    errors = [(f.code, f.item) for f in evaluation.findings if f.severity is ERROR]
    assert expected == (evaluation.status, evaluation.granted, errors)


def test_erasure_message_says_a_replacement_is_needed() -> None:
    """The finding tells the importer how the error can be put right: a replacement CO, IR 4(b)(ii)."""
    (finding,) = ir04.check_alterations(certificate(alterations=[alteration("erasure", box=9)]), Context()).findings
    assert "Box 9 shows an erasure" in finding.message and "replacement CO (IR 4(b)(ii))" in finding.message


@pytest.mark.parametrize(
    ("medium", "copy", "expected"),
    [
        pytest.param("paper", "original", (Outcome.PASSED, [("unused-spaces-not-crossed-out", WARNING, None)]), id="paper"),
        pytest.param("electronic", None, (Outcome.PASSED, []), id="e-co-has-no-spaces-to-cross-out"),
    ],
)
def test_unused_spaces_not_crossed_out(medium: str, copy: str | None, expected: Seen) -> None:
    """Unused spaces left open on a paper CO are a warning, never a denial."""
    co = certificate(medium=medium, copy=copy, unused_spaces_crossed_out=False)
    assert expected == seen(ir04.check_alterations(co, Context()))


# --- through roo.evaluate ------------------------------------------------------------------------------------


def test_other_subheading_warns_on_its_item_only() -> None:
    """A different subheading on one declaration line warns on that item only (IR 3(j)) and denies neither.

    Form note 5 says the CO "should" show the importing Party's classification; the difference is for customs
    to verify, not a denial.
    """
    co = certificate(
        items=[item_data(1), item_data(2, description="Frozen squid, cleaned", hs_code="030743", hs_version=None)]
    )
    lines = (
        DeclarationItem(certificate_item=1, hs_code="030617", quantity=Quantity(Decimal(4000), "KGM")),
        DeclarationItem(certificate_item=2, hs_code="160554", quantity=Quantity(Decimal(4000), "KGM")),
    )
    evaluation = roo.evaluate(co, Context(on=PRESENTED_ON, declaration=Declaration(items=lines)))
    assert ((1, 2), ()) == (evaluation.granted, evaluation.denied)
    differs = [f.item for f in evaluation.findings if f.code == "declared-hs-subheading-differs"]
    assert [2] == differs


def test_erasure_denies_every_item() -> None:
    """An erasure is a defect of the CO itself."""
    co = certificate(
        items=[item_data(1), item_data(2, description="Frozen squid, cleaned", hs_code="030743")],
        alterations=[alteration("erasure")],
    )
    assert roo.Status.REJECTED == roo.evaluate(co, on=PRESENTED_ON).status


# --- The import declaration against the CO's items -------------------------------------------------------------


def lines_under(*numbers: int) -> Context:
    """A context whose declaration has one line under each CO item number in ``numbers``."""
    lines = tuple(DeclarationItem(certificate_item=n, hs_code="030617", quantity=Quantity(Decimal(4000), "KGM")) for n in numbers)
    return Context(on=PRESENTED_ON, declaration=Declaration(items=lines))


def test_a_line_under_an_item_the_co_lacks_is_an_error_on_that_item_only() -> None:
    """IR 3(i): items "declared on the same CO" each qualify in their own right; IR 3(j): a problem with one does
    not affect the others. A line claiming item 7 of a one-item CO claims what no item of the CO covers: an error
    on item 7, and item 1 keeps its preference.
    """
    evaluation = roo.evaluate(CO, lines_under(1, 7, 7))
    finding = next(f for f in evaluation.findings if f.code == "declared-item-not-on-certificate")
    expected = ((7, ERROR, "AJCEP/IR/3(i)", 2), (1,), roo.Status.ACCEPTED)
    actual = ((finding.item, finding.severity, finding.rule, finding.facts["lines"]), evaluation.granted, evaluation.status)
    assert expected == actual


@pytest.mark.parametrize(
    ("ctx", "expected"),
    [
        pytest.param(lines_under(1), (Outcome.PASSED, []), id="every-line-under-an-item-of-the-co"),
        pytest.param(lines_under(), (Outcome.NOT_EVALUATED, []), id="declaration-without-lines"),
        pytest.param(Context(), (Outcome.NOT_EVALUATED, []), id="no-declaration"),
        pytest.param(
            lines_under(1, 2), (Outcome.FAILED, [("declared-item-not-on-certificate", ERROR, 2)]), id="item-two-absent"
        ),
    ],
)
def test_declared_items(ctx: Context, expected: Seen) -> None:
    """Each line claims an item the CO has; without lines there is nothing to check."""
    assert expected == seen(ir04.check_declared_items(CO, ctx))


def test_declaration_lookups_are_linear() -> None:
    """Items x lines would be 2.5 * 10^7 line comparisons per rule at 5,000 items; grouping the lines once keeps
    it to one pass, so ten times the items, each with its line, costs at most fifteen times the time.
    """

    def evaluation(count: int) -> Callable[[], roo.Evaluation]:
        co = certificate(items=[item_data(n) for n in range(1, count + 1)])
        ctx = lines_under(*range(1, count + 1))
        return lambda: roo.evaluate(co, ctx)

    growth = linear_growth(evaluation(100), evaluation(1_000))
    assert (True, 1_000) == (growth.ratio <= MAX_RATIO, len(evaluation(1_000)().granted))


def test_declared_subheading_cites_the_importing_party_s_classification() -> None:
    """Form note 5: "the HS tariff classification number of the importing Party should be indicated"; the
    finding cites that note, the rule the importing customs apply, not the issuing authority's duty (IR 2(d)).
    """
    co = certificate(items=[item_data(hs_version="HS2022")])
    (finding,) = ir04.check_hs_subheading(co.items[0], co, declared(hs_code="030616")).findings
    assert "AJCEP/FORM/5" == finding.rule


def test_information_outside_its_box_is_still_read() -> None:
    """IR 4(a) disregards "information which falls outside the designated box" as an error; the information is
    still used: a declared national tariff line is compared by its subheading, and the CO's national digits are
    read into its subheading (and given back as a fact) rather than dropped.
    """
    co = certificate(items=[item_data(hs_code="0306.17.10", hs_version="HS2022")])
    evaluation = roo.evaluate(co, declared(hs_code="0306.16.000"))
    codes = {f.code: f for f in evaluation.findings}
    expected = ({"subheading": "030617", "national_digits": "10"}, "declared-hs-subheading-differs" in codes)
    note = codes["hs-code-national-digits"].facts
    assert expected == ({k: note[k] for k in ("subheading", "national_digits")}, True)


def test_other_subheading_in_the_same_edition_keeps_the_preference_with_a_warning() -> None:
    """Through roo.evaluate: a declared 0306.16 against the CO's 0306.17, both HS2022, is granted with a warning.

    Form note 5 says the CO "should" show the importing Party's six-digit classification; no text makes a
    classification the importing customs see otherwise a ground of denial (before, roo denied the item).
    """
    co = certificate(items=[item_data(hs_version="HS2022", origin_criterion="CTH")])
    evaluation = roo.evaluate(co, declared(hs_code="030616"))
    differs = [f for f in evaluation.findings if f.code == "declared-hs-subheading-differs"]
    assert [(WARNING, 1)] == [(f.severity, f.item) for f in differs]
    assert evaluation.status is not roo.Status.REJECTED
