"""AJCEP IR 9 and OCP Rule 3(4): back-to-back COs for partial shipments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.model.money import Quantity
from roo.rules.ajcep import ir09_back_to_back as ir09
from roo.rules.base import Result
from tests.builders import CLEAN_CERTIFICATE, certificate, item_data

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

Seen = tuple[Outcome, list[tuple[str, Severity, int | None]]]


def seen(result: Result) -> Seen:
    """A rule result as (outcome, [(code, severity, item)])."""
    return result.outcome, [(f.code, f.severity, f.item) for f in result.findings]


ORIGINAL_REFERENCE = "ID/2024/AJ/000050"

#: The original CO: Indonesia to Singapore, 4000 KGM of shrimp (item 1), 1000 KGM of squid (item 2).
ORIGINAL = certificate(
    reference_number=ORIGINAL_REFERENCE,
    importing_party="SG",
    issue_date="2024-03-01",
    items=[
        item_data(1),
        item_data(2, description="Frozen squid, cleaned", hs_code="030743", quantity={"value": "1000", "unit": "KGM"}),
    ],
)

REFERENCE = {"reference_number": ORIGINAL_REFERENCE, "issue_date": "2024-03-01", "exporting_party": "ID"}


def quantity(value: str, unit: str = "KGM") -> dict[str, str]:
    """A quantity as JSON data."""
    return {"value": value, "unit": unit}


def back_to_back(*items: dict[str, Any], **changes: Any) -> roo.Certificate:
    """A back-to-back CO from Singapore to Japan drawing on ORIGINAL."""
    data: dict[str, Any] = {
        "reference_number": "SG/2024/B2B/0001",
        "exporting_party": "SG",
        "issue_date": "2024-04-01",
        "transport": dict(CLEAN_CERTIFICATE["transport"], departure_date="2024-04-01", port_of_loading="SGSIN"),
        "back_to_back": True,
        "original_certificate": REFERENCE,
        "items": list(items) or [item_data(1, quantity=quantity("1500"))],
    }
    data.update(changes)
    return certificate(**data)


# --- OCP Rule 3(4): the reference to the original -------------------------------------------------------------


@pytest.mark.parametrize(
    ("co", "ctx", "expected"),
    [
        pytest.param(certificate(), Context(), (Outcome.NOT_APPLICABLE, []), id="not-back-to-back"),
        pytest.param(back_to_back(), Context(), (Outcome.PASSED, []), id="original-named"),
        pytest.param(
            back_to_back(), Context(related_certificates=(ORIGINAL,)), (Outcome.PASSED, []), id="original-named-and-known"
        ),
        pytest.param(
            back_to_back(original_certificate=None),
            Context(),
            (Outcome.NOT_EVALUATED, [("back-to-back-original-missing", WARNING, None)]),
            id="box-13-ticked-without-original",
        ),
        pytest.param(
            back_to_back(original_certificate={"reference_number": " "}),
            Context(),
            (Outcome.NOT_EVALUATED, [("back-to-back-original-missing", WARNING, None)]),
            id="original-reference-blank",
        ),
        pytest.param(
            back_to_back(back_to_back=False),
            Context(),
            (Outcome.PASSED, [("back-to-back-box-not-ticked", WARNING, None)]),
            id="original-named-box-13-not-ticked",
        ),
        pytest.param(
            back_to_back(issue_date="2025-03-01"), Context(), (Outcome.PASSED, []), id="issued-on-the-original-last-day"
        ),
        pytest.param(
            back_to_back(issue_date="2025-03-02"),
            Context(),
            (Outcome.FAILED, [("back-to-back-original-expired", ERROR, None)]),
            id="issued-after-the-original-expired",
        ),
        pytest.param(
            back_to_back(original_certificate=dict(REFERENCE, issue_date="2024-02-01")),
            Context(related_certificates=(ORIGINAL,)),
            (Outcome.PASSED, [("back-to-back-original-details-differ", WARNING, None)]),
            id="reference-date-differs-from-the-original",
        ),
        pytest.param(
            back_to_back(original_certificate={"reference_number": ORIGINAL_REFERENCE}),
            Context(),
            (Outcome.NOT_EVALUATED, []),
            id="original-date-unknown",
        ),
    ],
)
def test_original_reference(co: roo.Certificate, ctx: Context, expected: Seen) -> None:
    """A back-to-back CO names its original and is issued while the original is valid."""
    assert expected == seen(ir09.check_original_reference(co, ctx))


#: An original from Thailand to Singapore, for the issuer check.
def test_box_13_not_stated_leaves_the_tick_not_evaluated() -> None:
    """A CO that names its original is checked as a back-to-back CO whatever box 13 says; data that do not say
    whether the box is ticked cannot show it unticked: the reference check is not evaluated, naming the box,
    and reports no missing tick."""
    result = ir09.check_original_reference(back_to_back(back_to_back=None), Context())
    assert (Outcome.NOT_EVALUATED, [], ("certificate.back_to_back",)) == (*seen(result), result.needed)


TH_TO_SG = certificate(
    reference_number="TH/2024/AJ/000777", exporting_party="TH", importing_party="SG", issue_date="2024-03-01"
)
TH_REFERENCE = {"reference_number": "TH/2024/AJ/000777", "issue_date": "2024-03-01", "exporting_party": "TH"}


@pytest.mark.parametrize(
    ("exporting_party", "ctx", "expected"),
    [
        pytest.param("SG", Context(related_certificates=(TH_TO_SG,)), (Outcome.PASSED, []), id="issued-by-singapore"),
        pytest.param(
            "MY",
            Context(related_certificates=(TH_TO_SG,)),
            (Outcome.PASSED, [("back-to-back-issuer-not-intermediate", WARNING, None)]),
            id="issued-by-malaysia-for-goods-sent-to-singapore",
        ),
        pytest.param("MY", Context(), (Outcome.PASSED, []), id="original-not-in-the-context-cannot-tell"),
    ],
)
def test_back_to_back_is_issued_by_the_intermediate_party(exporting_party: str, ctx: Context, expected: Seen) -> None:
    """OCP Rule 3(4)(a): the intermediate Party issues the back-to-back CO; another issuer is for customs to verify."""
    co = back_to_back(exporting_party=exporting_party, original_certificate=TH_REFERENCE)
    assert expected == seen(ir09.check_original_reference(co, ctx))


def test_other_issuer_does_not_deny() -> None:
    """Through roo.evaluate: the back-to-back CO issued in Malaysia on a TH->SG original is accepted, with a warning."""
    co = back_to_back(exporting_party="MY", original_certificate=TH_REFERENCE)
    evaluation = roo.evaluate(co, on=co.issue_date, related_certificates=(TH_TO_SG,))
    assert roo.Status.ACCEPTED == evaluation.status
    assert "back-to-back-issuer-not-intermediate" in {f.code for f in evaluation.findings}


# --- IR 9: partial value and quantity ------------------------------------------------------------------------


ORIGINAL_KNOWN = Context(related_certificates=(ORIGINAL,))


@pytest.mark.parametrize(
    ("items", "ctx", "expected"),
    [
        pytest.param([item_data(1)], Context(), (Outcome.PASSED, []), id="value-and-quantity-shown"),
        pytest.param(
            [item_data(1, fob_value=None, quantity=quantity("2500"))],
            ORIGINAL_KNOWN,
            (Outcome.FAILED, [("back-to-back-partial-value-missing", ERROR, 1)]),
            id="partial-shipment-without-its-value",
        ),
        pytest.param(
            [item_data(1, fob_value=None, quantity=quantity("3999.999"))],
            ORIGINAL_KNOWN,
            (Outcome.FAILED, [("back-to-back-partial-value-missing", ERROR, 1)]),
            id="a-gram-short-of-the-original-is-partial",
        ),
        pytest.param(
            [item_data(1, fob_value=None, quantity=quantity("4000"))],
            ORIGINAL_KNOWN,
            (Outcome.PASSED, []),
            id="whole-original-quantity-is-not-partial",
        ),
        pytest.param(
            [
                item_data(1, fob_value=None, quantity=quantity("2500")),
                item_data(2, fob_value=None, quantity=quantity("1500"), original_item=1),
            ],
            ORIGINAL_KNOWN,
            (Outcome.PASSED, []),
            id="two-items-of-this-co-together-ship-the-whole-item",
        ),
        pytest.param(
            [item_data(1, fob_value=None, quantity=quantity("2500"))],
            Context(),
            (Outcome.NOT_EVALUATED, []),
            id="original-unknown-cannot-tell-whether-partial",
        ),
        pytest.param(
            [item_data(1, quantity=None, gross_weight=None)],
            Context(),
            (Outcome.FAILED, [("back-to-back-partial-quantity-missing", ERROR, 1)]),
            id="no-partial-quantity",
        ),
        pytest.param(
            [item_data(1, quantity=None)],
            ORIGINAL_KNOWN,
            (Outcome.PASSED, []),
            id="quantity-shown-as-gross-weight-with-value",
        ),
    ],
)
def test_partial_value_and_quantity(items: list[dict[str, Any]], ctx: Context, expected: Seen) -> None:
    """IR 9: the quantity is shown, and the FOB value "in the case of partial export shipments" only."""
    co = back_to_back(*items)
    assert expected == seen(ir09.check_partial_value_and_quantity(co.items[0], co, ctx))


def test_partial_value_without_the_original_names_what_it_needs() -> None:
    """Whether the shipment is partial needs the original CO among the related certificates."""
    co = back_to_back(item_data(1, fob_value=None, quantity=quantity("2500")))
    result = ir09.check_partial_value_and_quantity(co.items[0], co, Context())
    assert ("context.related_certificates",) == result.needed


def test_partial_in_another_unit_than_the_original_is_not_evaluated() -> None:
    """IR 9: the FOB value is required "in the case of partial export shipments". Whether 2500 LTR is part of
    an original item of 4000 KGM cannot be told: the value check is not evaluated, and says it needs the
    quantities in the original item's unit (doubt never denies)."""
    co = back_to_back(item_data(1, fob_value=None, quantity=quantity("2500", "LTR")))
    result = ir09.check_partial_value_and_quantity(co.items[0], co, ORIGINAL_KNOWN)
    assert (Outcome.NOT_EVALUATED, [], ("quantities in the original item's unit",)) == (*seen(result), result.needed)


def test_whole_quantity_without_value_is_accepted() -> None:
    """Through roo.evaluate: a back-to-back CO re-exporting the original's whole item without FOB is accepted."""
    co = back_to_back(item_data(1, fob_value=None, quantity=quantity("4000")))
    evaluation = roo.evaluate(co, on=co.issue_date, related_certificates=(ORIGINAL,))
    assert roo.Status.ACCEPTED == evaluation.status


def test_partial_value_not_required_on_an_ordinary_co() -> None:
    """The IR 9 requirement concerns back-to-back COs only."""
    co = certificate(items=[item_data(1, fob_value=None)])
    assert Outcome.NOT_APPLICABLE == ir09.check_partial_value_and_quantity(co.items[0], co, Context()).outcome


# --- IR 9: total quantity ------------------------------------------------------------------------------------


def earlier(reference: str, value: str, issue_date: str = "2024-03-20", unit: str = "KGM", item: int = 1) -> roo.Certificate:
    """An earlier back-to-back CO drawing ``value`` from item ``item`` of ORIGINAL."""
    return back_to_back(
        item_data(1, quantity=quantity(value, unit), original_item=item), reference_number=reference, issue_date=issue_date
    )


@pytest.mark.parametrize(
    ("this", "others", "expected"),
    [
        pytest.param("1500", (), (Outcome.PASSED, []), id="first-partial-shipment"),
        pytest.param("4000", (), (Outcome.PASSED, []), id="whole-quantity-in-one"),
        pytest.param("4000.001", (), (Outcome.FAILED, [("back-to-back-quantity-exceeds-original", ERROR, 1)]), id="a-gram-over"),
        pytest.param("1500", ("2500",), (Outcome.PASSED, []), id="two-shipments-exactly-the-original"),
        pytest.param(
            "1500",
            ("2000", "600"),
            (Outcome.FAILED, [("back-to-back-quantity-exceeds-original", ERROR, 1)]),
            id="three-shipments-over-the-original",
        ),
    ],
)
def test_total_quantity(this: str, others: tuple[str, ...], expected: Seen) -> None:
    """The quantities drawn from one original item by all back-to-back COs do not exceed it."""
    co = back_to_back(item_data(1, quantity=quantity(this)))
    related = (ORIGINAL, *(earlier(f"SG/2024/B2B/000{n}", v) for n, v in enumerate(others, start=2)))
    assert expected == seen(ir09.check_total_quantity(co.items[0], co, Context(related_certificates=related)))


def test_total_quantity_facts() -> None:
    """The finding states the total, the original quantity and the earlier COs counted."""
    co = back_to_back(item_data(1, quantity=quantity("1500")))
    ctx = Context(related_certificates=(ORIGINAL, earlier("SG/2024/B2B/0002", "3000")))
    (finding,) = ir09.check_total_quantity(co.items[0], co, ctx).findings
    expected = tuple(Quantity(Decimal(v), "KGM") for v in ("4500", "4000", "1500")) + (("SG/2024/B2B/0002",),)
    actual = (finding.facts["total"], finding.facts["original_quantity"], finding.facts["this_certificate"], finding.facts["earlier"])
    assert expected == actual


def test_later_back_to_back_cos_are_not_counted() -> None:
    """A back-to-back CO issued after this one cannot make this one exceed the original."""
    co = back_to_back(item_data(1, quantity=quantity("3000")))
    ctx = Context(related_certificates=(ORIGINAL, earlier("SG/2024/B2B/0009", "3000", issue_date="2024-05-01")))
    assert (Outcome.PASSED, []) == seen(ir09.check_total_quantity(co.items[0], co, ctx))


def test_this_co_in_the_context_is_not_counted_twice() -> None:
    """The CO itself, if the context repeats it, is counted once."""
    co = back_to_back(item_data(1, quantity=quantity("3000")))
    ctx = Context(related_certificates=(ORIGINAL, co))
    assert (Outcome.PASSED, []) == seen(ir09.check_total_quantity(co.items[0], co, ctx))


def test_back_to_back_cos_of_another_original_are_not_counted() -> None:
    """Only back-to-back COs naming the same original count."""
    other = back_to_back(
        item_data(1, quantity=quantity("3000")),
        reference_number="SG/2024/B2B/0007",
        original_certificate={"reference_number": "ID/2024/AJ/999999"},
    )
    co = back_to_back(item_data(1, quantity=quantity("3000")))
    assert (Outcome.PASSED, []) == seen(
        ir09.check_total_quantity(co.items[0], co, Context(related_certificates=(ORIGINAL, other)))
    )


def test_items_draw_from_their_own_original_item() -> None:
    """Item 1 drawing from original item 2 (1000 KGM) is measured against that item, not item 1."""
    co = back_to_back(item_data(1, quantity=quantity("1200"), original_item=2))
    assert (Outcome.FAILED, [("back-to-back-quantity-exceeds-original", ERROR, 1)]) == seen(
        ir09.check_total_quantity(co.items[0], co, Context(related_certificates=(ORIGINAL,)))
    )


def test_two_items_drawing_from_one_original_item_are_added_in_order() -> None:
    """Items of this CO drawing from one original item are added in order: the one that goes past is denied."""
    co = back_to_back(
        item_data(1, quantity=quantity("2500")),
        item_data(2, quantity=quantity("2000"), original_item=1),
        item_data(3, quantity=quantity("1000"), original_item=2),
    )
    ctx = Context(related_certificates=(ORIGINAL,))
    expected = [Outcome.PASSED, Outcome.FAILED, Outcome.PASSED]
    assert expected == [ir09.check_total_quantity(i, co, ctx).outcome for i in co.items]


def test_earlier_item_without_quantity_counts_as_nothing() -> None:
    """An earlier item's missing quantity is its own problem; it does not deny the next item (IR 3(j))."""
    co = back_to_back(
        item_data(1, quantity=None),
        item_data(2, quantity=quantity("4000"), original_item=1),
    )
    ctx = Context(related_certificates=(ORIGINAL,))
    assert (Outcome.PASSED, []) == seen(ir09.check_total_quantity(co.items[1], co, ctx))


def test_original_item_not_found() -> None:
    """An item that draws from an item the original does not have is denied."""
    co = back_to_back(item_data(1, quantity=quantity("10"), original_item=7))
    assert (Outcome.FAILED, [("back-to-back-original-item-not-found", ERROR, 1)]) == seen(
        ir09.check_total_quantity(co.items[0], co, Context(related_certificates=(ORIGINAL,)))
    )


@pytest.mark.parametrize(
    ("this_unit", "earlier_unit"),
    [
        pytest.param("TNE", "KGM", id="this-co-in-tonnes"),
        pytest.param("KGM", "LBR", id="earlier-co-in-pounds"),
    ],
)
def test_mismatched_units_are_a_finding_not_a_crash(this_unit: str, earlier_unit: str) -> None:
    """Quantities in another unit are not added up: a warning, and the total is not evaluated."""
    co = back_to_back(item_data(1, quantity=quantity("1", this_unit)))
    ctx = Context(related_certificates=(ORIGINAL, earlier("SG/2024/B2B/0002", "100", unit=earlier_unit)))
    assert (Outcome.NOT_EVALUATED, [("back-to-back-quantity-unit-mismatch", WARNING, 1)]) == seen(
        ir09.check_total_quantity(co.items[0], co, ctx)
    )


def test_without_the_original_the_total_is_not_evaluated() -> None:
    """The total needs the original CO in related_certificates."""
    co = back_to_back()
    result = ir09.check_total_quantity(co.items[0], co, Context())
    assert (Outcome.NOT_EVALUATED, ("context.related_certificates",)) == (result.outcome, result.needed)


def test_total_names_the_missing_quantity_of_its_own_item() -> None:
    """IR 9: the quantities drawn from the original by all back-to-back COs may not exceed it.

    An item without a quantity gives nothing to add up: the total is not evaluated for it, and the fact it
    needs is that item's own quantity, whether or not the original is known. The check is about that item
    (the second here), which its finding names by number, so the need names no 0-based position.
    """
    co = back_to_back(item_data(1, quantity=quantity("1500")), item_data(2, quantity=None, original_item=1))
    results = [ir09.check_total_quantity(co.items[1], co, ctx) for ctx in (Context(), ORIGINAL_KNOWN)]
    assert [(Outcome.NOT_EVALUATED, ("certificate.items.quantity",))] * 2 == [(r.outcome, r.needed) for r in results]


def test_total_not_checked_on_an_ordinary_co() -> None:
    """An ordinary CO draws from no original."""
    co = certificate()
    assert Outcome.NOT_APPLICABLE == ir09.check_total_quantity(co.items[0], co, Context()).outcome


# --- through roo.evaluate ------------------------------------------------------------------------------------


def test_excess_denies_only_the_item_concerned() -> None:
    """Through roo.evaluate: the item over the original's quantity is denied, the other keeps preference."""
    co = back_to_back(
        item_data(1, quantity=quantity("1500")),
        item_data(2, description="Frozen squid, cleaned", hs_code="030743", quantity=quantity("1500")),
    )
    evaluation = roo.evaluate(co, on=co.issue_date, related_certificates=(ORIGINAL,))
    assert ((1,), (2,)) == (evaluation.granted, evaluation.denied)


def test_original_dated_at_the_end_of_the_calendar_does_not_crash() -> None:
    """A validity that would end after 9999-12-31 is taken to run to the last representable date."""
    co = back_to_back(original_certificate=dict(REFERENCE, issue_date="9999-12-31"), issue_date="9999-12-31")
    assert (Outcome.PASSED, []) == seen(ir09.check_original_reference(co, Context()))


# --- IR 9: which original item, and back-to-back COs of the same day ---------------------------------------


@pytest.mark.parametrize(
    ("item", "expected", "needed"),
    [
        pytest.param(
            item_data(1, description="Frozen squid, cleaned", hs_code="030743", quantity=quantity("800")),
            (Outcome.PASSED, []),
            (),
            id="same-number-is-another-good-matched-by-subheading",
        ),
        pytest.param(
            item_data(1, description="Frozen squid, cleaned", hs_code="030743", quantity=quantity("1200")),
            (Outcome.FAILED, [("back-to-back-quantity-exceeds-original", ERROR, 1)]),
            (),
            id="matched-by-subheading-and-over-that-item",
        ),
        pytest.param(
            item_data(3, description="Frozen squid, cleaned", hs_code="0307.43", quantity=quantity("900")),
            (Outcome.PASSED, []),
            (),
            id="number-the-original-lacks-matched-by-subheading",
        ),
        pytest.param(
            item_data(1, description="Frozen octopus", hs_code="030752", quantity=quantity("10")),
            (Outcome.NOT_EVALUATED, []),
            ("certificate.items.original_item",),
            id="no-item-of-the-original-in-that-subheading",
        ),
        pytest.param(
            item_data(5, quantity=quantity("10")),
            (Outcome.PASSED, []),
            (),
            id="unique-subheading-match-for-a-number-the-original-lacks",
        ),
    ],
)
def test_original_item_left_blank_is_matched_by_subheading(
    item: dict[str, Any], expected: Seen, needed: tuple[str, ...]
) -> None:
    """Without ``original_item``, the same-numbered item counts only if it is the same good; else the subheading."""
    co = back_to_back(item)
    result = ir09.check_total_quantity(co.items[0], co, Context(related_certificates=(ORIGINAL,)))
    assert (expected, needed) == (seen(result), result.needed)


def test_original_item_ambiguous_subheading_is_not_evaluated() -> None:
    """Two items of the original in the same subheading: roo does not guess which one is drawn."""
    original = certificate(
        reference_number=ORIGINAL_REFERENCE,
        importing_party="SG",
        issue_date="2024-03-01",
        items=[item_data(1), item_data(2, quantity=quantity("500"))],
    )
    co = back_to_back(item_data(3, quantity=quantity("600")))
    result = ir09.check_total_quantity(co.items[0], co, Context(related_certificates=(original,)))
    assert (Outcome.NOT_EVALUATED, ("certificate.items.original_item",)) == (result.outcome, result.needed)


def test_two_back_to_back_cos_of_the_same_day_warn_without_denying() -> None:
    """2500 + 2500 of 4000 on two COs issued the same day: neither is shown to be later; each gets a warning."""
    first = back_to_back(item_data(1, quantity=quantity("2500")), reference_number="SG/2024/B2B/0001")
    second = back_to_back(item_data(1, quantity=quantity("2500")), reference_number="SG/2024/B2B/0002")
    outcomes = []
    for co, other in ((first, second), (second, first)):
        evaluation = roo.evaluate(co, on=co.issue_date, related_certificates=(ORIGINAL, other))
        codes = [(f.code, f.severity) for f in evaluation.findings if f.code.startswith("back-to-back-quantity")]
        outcomes.append((evaluation.status, codes))
    warning = [("back-to-back-quantity-exceeds-original-same-day", WARNING)]
    assert [(roo.Status.ACCEPTED, warning), (roo.Status.ACCEPTED, warning)] == outcomes


def test_same_day_co_within_the_original_passes() -> None:
    """Two COs of the same day that together stay within the original pass without a finding."""
    co = back_to_back(item_data(1, quantity=quantity("2000")))
    other = back_to_back(item_data(1, quantity=quantity("2000")), reference_number="SG/2024/B2B/0002")
    result = ir09.check_total_quantity(co.items[0], co, Context(related_certificates=(ORIGINAL, other)))
    assert (Outcome.PASSED, []) == seen(result)


def test_earlier_day_still_denies_when_over() -> None:
    """A CO issued a day earlier is counted as earlier: going past the original then denies this item."""
    co = back_to_back(item_data(1, quantity=quantity("2500")))
    other = earlier("SG/2024/B2B/0002", "2500", issue_date="2024-03-31")
    result = ir09.check_total_quantity(co.items[0], co, Context(related_certificates=(ORIGINAL, other)))
    assert (Outcome.FAILED, [("back-to-back-quantity-exceeds-original", ERROR, 1)]) == seen(result)


def test_same_day_facts_name_the_other_co() -> None:
    """The same-day warning names the CO of the same day it counted."""
    co = back_to_back(item_data(1, quantity=quantity("2500")))
    other = back_to_back(item_data(1, quantity=quantity("2500")), reference_number="SG/2024/B2B/0002")
    (finding,) = ir09.check_total_quantity(co.items[0], co, Context(related_certificates=(ORIGINAL, other))).findings
    assert (("SG/2024/B2B/0002",), Quantity(Decimal("5000"), "KGM")) == (finding.facts["same_day"], finding.facts["total"])


# --- a CO based on an original is back-to-back whatever box 13 says -----------------------------------------
#
# OCP Rule 3(4)(a) makes a back-to-back CO one issued by the intermediate Party on the basis of the original CO
# presented to it; form note 8 only says the box "should" be ticked. The tick records the fact; it does not make
# it, so a CO that names its original gets every back-to-back check, and the missing tick is a finding (warning).


def test_unticked_co_based_on_an_original_is_held_to_the_quantity_cap() -> None:
    """IR 9: the total exported under the partial shipments may not pass the original's quantity, tick or no tick."""
    co = back_to_back(item_data(1, quantity=quantity("4500")), back_to_back=False)
    evaluation = roo.evaluate(co, on=co.issue_date, related_certificates=(ORIGINAL,))
    codes = {(f.code, f.severity, f.item) for f in evaluation.findings}
    assert roo.Status.REJECTED == evaluation.status
    assert {("back-to-back-quantity-exceeds-original", ERROR, 1), ("back-to-back-box-not-ticked", WARNING, None)} <= codes


def test_unticked_co_counts_with_its_unticked_siblings() -> None:
    """IR 9: an earlier back-to-back CO of the same original counts towards the cap even if its box is not ticked."""
    other = back_to_back(
        item_data(1, quantity=quantity("3000")), reference_number="SG/2024/B2B/0002", issue_date="2024-03-20",
        back_to_back=False,
    )
    co = back_to_back(item_data(1, quantity=quantity("1500")), back_to_back=False)
    result = ir09.check_total_quantity(co.items[0], co, Context(related_certificates=(ORIGINAL, other)))
    assert (Outcome.FAILED, [("back-to-back-quantity-exceeds-original", ERROR, 1)]) == seen(result)


def test_unticked_co_shows_its_partial_value() -> None:
    """IR 9: "the partial export value and partial quantity is to be shown on the back-to-back CO", ticked or not."""
    co = back_to_back(item_data(1, fob_value=None, quantity=quantity("2500")), back_to_back=False)
    result = ir09.check_partial_value_and_quantity(co.items[0], co, ORIGINAL_KNOWN)
    assert (Outcome.FAILED, [("back-to-back-partial-value-missing", ERROR, 1)]) == seen(result)


def test_unticked_co_gets_the_original_checks() -> None:
    """OCP Rule 3(4)(a): an expired original supports no back-to-back CO, whether box 13 is ticked or not."""
    co = back_to_back(issue_date="2025-03-02", back_to_back=False)
    assert (
        Outcome.FAILED,
        [("back-to-back-box-not-ticked", WARNING, None), ("back-to-back-original-expired", ERROR, None)],
    ) == seen(ir09.check_original_reference(co, Context()))


# --- the original must be a valid CO under the Agreement, from a Party, and exist before the back-to-back CO ---


@pytest.mark.parametrize(
    ("co", "ctx", "expected"),
    [
        pytest.param(
            back_to_back(issue_date="2024-03-01"),
            ORIGINAL_KNOWN,
            (Outcome.PASSED, []),
            id="issued-the-same-day-as-the-original",
        ),
        pytest.param(
            back_to_back(issue_date="2024-02-29"),
            ORIGINAL_KNOWN,
            (Outcome.FAILED, [("back-to-back-original-issued-later", ERROR, None)]),
            id="issued-the-day-before-the-original",
        ),
        pytest.param(
            back_to_back(issue_date="2024-02-29"),
            Context(),
            (Outcome.FAILED, [("back-to-back-original-issued-later", ERROR, None)]),
            id="before-the-date-the-reference-states",
        ),
        pytest.param(
            back_to_back(original_certificate=dict(REFERENCE, exporting_party="CN")),
            Context(),
            (Outcome.FAILED, [("back-to-back-original-not-from-a-party", ERROR, None)]),
            id="reference-names-a-non-party",
        ),
        pytest.param(
            back_to_back(reference_number=ORIGINAL_REFERENCE, original_certificate={"reference_number": ORIGINAL_REFERENCE}),
            ORIGINAL_KNOWN,
            (Outcome.FAILED, [("back-to-back-original-is-itself", ERROR, None)]),
            id="names-itself-as-its-original",
        ),
        pytest.param(
            back_to_back(
                reference_number="sg/2024/b2b/0001 ",
                original_certificate={"reference_number": "SG/2024/B2B/0001", "exporting_party": "SG"},
            ),
            Context(),
            (Outcome.FAILED, [("back-to-back-original-is-itself", ERROR, None)]),
            id="names-itself-in-other-case",
        ),
        pytest.param(
            back_to_back(
                reference_number=ORIGINAL_REFERENCE,
                original_certificate=dict(REFERENCE, exporting_party="ID"),
            ),
            ORIGINAL_KNOWN,
            (Outcome.PASSED, []),
            id="same-number-from-another-party-is-another-co",
        ),
    ],
)
def test_original_must_be_a_possible_basis(co: roo.Certificate, ctx: Context, expected: Seen) -> None:
    """OCP Rule 3(4)(a): the back-to-back CO is issued on the basis of a valid original CO presented to the issuer.

    A CO that did not exist yet cannot have been presented; a CO cannot be its own original (issue 16); the
    original must be a CO of a Party under the Agreement.
    """
    assert expected == seen(ir09.check_original_reference(co, ctx))


def test_original_under_another_agreement_is_no_basis() -> None:
    """OCP Rule 3(4)(a) speaks of the original CO of this Agreement: a JIEPA CO supports no AJCEP back-to-back CO."""
    jiepa = certificate(
        scheme="JIEPA", reference_number=ORIGINAL_REFERENCE, importing_party="SG", issue_date="2024-03-01"
    )
    co = back_to_back()
    assert (Outcome.FAILED, [("back-to-back-original-not-ajcep", ERROR, None)]) == seen(
        ir09.check_original_reference(co, Context(related_certificates=(jiepa,)))
    )


def test_original_before_entry_into_force_for_its_party() -> None:
    """Art 79 with OCP Rule 3(4)(a): an original issued before the Agreement bound its exporting Party is no AJCEP CO.

    Thailand's date (2009-06-01) is confirmed in roo's data: an original of 2009-05-31 is no basis (error); one of
    2009-06-01 is. Indonesia's date is not confirmed: the same defect is then a warning.
    """
    def case(party: str, issued: str) -> Seen:
        original = certificate(
            reference_number="X/1", exporting_party=party, importing_party="SG", issue_date=issued
        )
        co = back_to_back(issue_date=issued, original_certificate={"reference_number": "X/1"})
        return seen(ir09.check_original_reference(co, Context(related_certificates=(original,))))

    assert (Outcome.FAILED, [("back-to-back-original-before-entry-into-force", ERROR, None)]) == case("TH", "2009-05-31")
    assert (Outcome.PASSED, []) == case("TH", "2009-06-01")
    assert (
        Outcome.PASSED,
        [("back-to-back-original-before-entry-into-force-unverified", WARNING, None)],
    ) == case("ID", "2018-02-28")


def test_a_co_naming_itself_is_denied_through_evaluate() -> None:
    """Issue 16 / OCP Rule 3(4)(a): a CO that names itself as its original rests on nothing and is rejected."""
    co = back_to_back(reference_number=ORIGINAL_REFERENCE, original_certificate={"reference_number": ORIGINAL_REFERENCE})
    evaluation = roo.evaluate(co, on=co.issue_date, related_certificates=(co,))
    assert roo.Status.REJECTED == evaluation.status
    assert "back-to-back-original-is-itself" in {f.code for f in evaluation.findings}


def test_same_numbered_item_is_matched_before_an_ambiguous_subheading() -> None:
    """IR 9: the original's item with the same number, being the same good, is the one drawn from.

    The original has two items in subheading 0306.17 (4000 and 500 KGM). Item 1 of the back-to-back CO, with no
    ``original_item``, draws from the original's item 1; 4500 KGM is more than its 4000, so the item is denied. If
    the same-numbered item were not looked up, the subheading alone would be ambiguous and the excess would go
    unnoticed (the surviving mutant of issue 16).
    """
    original = certificate(
        reference_number=ORIGINAL_REFERENCE,
        importing_party="SG",
        issue_date="2024-03-01",
        items=[item_data(1), item_data(2, quantity=quantity("500"))],
    )
    co = back_to_back(item_data(1, quantity=quantity("4500")))
    assert (Outcome.FAILED, [("back-to-back-quantity-exceeds-original", ERROR, 1)]) == seen(
        ir09.check_total_quantity(co.items[0], co, Context(related_certificates=(original,)))
    )
    evaluation = roo.evaluate(co, on=co.issue_date, related_certificates=(original,))
    assert roo.Status.REJECTED == evaluation.status


def test_total_names_the_unknown_quantities_of_earlier_back_to_back_cos() -> None:
    """IR 9: the total quantity exported under the partial shipments does not exceed the original's.

    An earlier back-to-back CO drawing on the same original item without stating its quantity leaves the
    total unknown: the item is neither denied nor granted on that ground, and the evaluation tells the officer
    which fact is missing (the quantities of the earlier back-to-back COs), so that it can be asked for.
    """
    earlier_without_quantity = back_to_back(
        item_data(1, quantity=None, original_item=1), reference_number="SG/2024/B2B/0002", issue_date="2024-03-20"
    )
    co = back_to_back(item_data(1, quantity=quantity("1500")))
    related = (ORIGINAL, earlier_without_quantity)
    needed = "context.related_certificates (quantities of earlier back-to-back COs)"
    result = ir09.check_total_quantity(co.items[0], co, Context(related_certificates=related))
    assert (Outcome.NOT_EVALUATED, (needed,)) == (result.outcome, result.needed)
    evaluation = roo.evaluate(co, on=co.issue_date, related_certificates=related)
    assert [(ir09.RULE, 1, (needed,))] == [
        (check.rule, check.item, check.needed) for check in evaluation.unverified if needed in check.needed
    ]
    # Stated, the same quantity is added up: 2600 + 1500 is over the original's 4000.
    stated = earlier("SG/2024/B2B/0002", "2600")
    over = ir09.check_total_quantity(co.items[0], co, Context(related_certificates=(ORIGINAL, stated)))
    assert (Outcome.FAILED, [("back-to-back-quantity-exceeds-original", ERROR, 1)]) == seen(over)


#: The original CO as a replacement (IR 5(a)): issued on 1 March 2024 for a CO issued on 1 June 2023.
ORIGINAL_AS_REPLACEMENT = certificate(
    reference_number=ORIGINAL_REFERENCE,
    importing_party="SG",
    issue_date="2024-03-01",
    replaces={"reference_number": "ID/2023/AJ/000007", "issue_date": "2023-06-01"},
    items=[item_data(1)],
)


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        pytest.param("2024-06-01", (Outcome.PASSED, []), id="issued-on-the-last-day-of-the-first-co-validity"),
        pytest.param(
            "2024-06-02",
            (Outcome.FAILED, [("back-to-back-original-expired", ERROR, None)]),
            id="issued-the-day-after-the-first-co-validity",
        ),
    ],
)
def test_original_that_is_a_replacement_is_valid_only_during_the_first_co_validity(issued: str, expected: Seen) -> None:
    """OCP Rule 3(4)(a): a back-to-back CO is issued on the presentation of the valid original CO; IR 5(a): a
    replacement CO "will be valid during the term of the validity of the original CO".

    An original that is itself a replacement, issued on 1 March 2024 for a CO issued on 1 June 2023, is valid
    until 1 June 2024 inclusive (twelve months from the first CO), not until 1 March 2025.
    """
    co = back_to_back(issue_date=issued, transport=dict(CLEAN_CERTIFICATE["transport"], departure_date=issued))
    result = ir09.check_original_reference(co, Context(related_certificates=(ORIGINAL_AS_REPLACEMENT,)))
    assert expected == seen(result)
    if result.findings:
        assert date(2024, 6, 1) == result.findings[0].facts["original_valid_until"]


def test_gross_weight_shows_the_partial_quantity() -> None:
    """IR 9: the partial export value and partial quantity are shown on the back-to-back CO; IR 2(c) names gross
    and net weight as a good's quantity. An item showing its gross weight only is not denied for a missing
    quantity; whether its shipment is partial (and so whether it must show its FOB value) cannot be told from a
    gross weight, so without the value the check is not evaluated, naming the quantity it needs."""
    co = back_to_back(item_data(1, quantity=None, fob_value=None))
    result = ir09.check_partial_value_and_quantity(co.items[0], co, ORIGINAL_KNOWN)
    assert (Outcome.NOT_EVALUATED, [], ("certificate.items.quantity",)) == (*seen(result), result.needed)
    total = ir09.check_total_quantity(co.items[0], co, ORIGINAL_KNOWN)
    assert (Outcome.NOT_EVALUATED, ("certificate.items.quantity",)) == (total.outcome, total.needed)


def test_item_without_any_quantity_is_denied_through_evaluate() -> None:
    """Through roo.evaluate: IR 9, the partial quantity is to be shown on the back-to-back CO; an item showing
    neither a quantity nor a gross weight is denied, the other item keeps its preference (IR 3(j))."""
    co = back_to_back(
        item_data(1, quantity=None, gross_weight=None),
        item_data(2, description="Frozen squid, cleaned", hs_code="030743", quantity=quantity("1000")),
    )
    evaluation = roo.evaluate(co, on=co.issue_date, related_certificates=(ORIGINAL,))
    assert ((2,), (1,)) == (evaluation.granted, evaluation.denied)
    assert "back-to-back-partial-quantity-missing" in {f.code for f in evaluation.findings if f.item == 1}


@pytest.mark.parametrize(
    ("ctx", "expected"),
    [
        pytest.param(Context(), (Outcome.NOT_EVALUATED, ("certificate.original_certificate.issue_date",)), id="unknown"),
        pytest.param(ORIGINAL_KNOWN, (Outcome.PASSED, ()), id="the-original-in-the-context-gives-it"),
    ],
)
def test_validity_of_the_original_needs_its_date(ctx: Context, expected: tuple[Outcome, tuple[str, ...]]) -> None:
    """OCP Rule 3(4)(a): a back-to-back CO is issued on the basis of the valid original CO. A reference without
    the original's issue date, and no original in the context, leave that validity unknown: the check is not
    evaluated, naming the date it needs, never passed; with the original in the context its own date serves."""
    co = back_to_back(original_certificate={"reference_number": ORIGINAL_REFERENCE, "exporting_party": "ID"})
    result = ir09.check_original_reference(co, ctx)
    assert expected == (result.outcome, result.needed)


def test_original_date_unknown_leaves_the_evaluation_incomplete() -> None:
    """Through roo.evaluate: the back-to-back CO without its original's date is not an unqualified acceptance."""
    co = back_to_back(original_certificate={"reference_number": ORIGINAL_REFERENCE})
    evaluation = roo.evaluate(co, on=co.issue_date)
    assert ("certificate.original_certificate.issue_date",) in [check.needed for check in evaluation.unverified]
    assert not evaluation.complete


def test_back_to_back_naming_no_original_is_not_evaluated_naming_the_reference() -> None:
    """A CO ticked 'Back-to-Back CO' that names no original: the original's checks need its reference.

    IR 9 and form note 8 say a back-to-back CO is issued on the basis of the original CO (OCP Rule 3(4)(a)),
    but no text roo can read says the back-to-back CO must name it. The missing reference is a missing fact:
    not evaluated, naming it, with a warning; before, roo denied every item of the CO.
    """
    co = back_to_back(original_certificate=None)
    result = ir09.check_original_reference(co, Context())
    assert (Outcome.NOT_EVALUATED, ("certificate.original_certificate",)) == (result.outcome, result.needed)
    evaluation = roo.evaluate(co, on=co.issue_date)
    assert evaluation.status is not roo.Status.REJECTED
    assert "back-to-back-original-missing" in [f.code for f in evaluation.findings]


def _replacement_of_the_original(issued: str, exporting_party: str = "ID") -> roo.Certificate:
    """A CO replacing ORIGINAL (IR 5(a)): from its exporting Party, naming its reference, under a new number."""
    return certificate(
        reference_number="ID/2024/AJ/000900",
        exporting_party=exporting_party,
        importing_party="SG",
        issue_date=issued,
        replaces={"reference_number": ORIGINAL_REFERENCE, "issue_date": "2024-03-01"},
    )


@pytest.mark.parametrize(
    ("replaced_on", "expected"),
    [
        pytest.param(
            "2024-03-31",
            (Outcome.FAILED, [("back-to-back-original-replaced", ERROR, None)]),
            id="replaced-the-day-before-the-back-to-back-co",
        ),
        pytest.param(
            "2024-04-01",
            (Outcome.PASSED, [("back-to-back-original-replaced-same-day", WARNING, None)]),
            id="replaced-the-same-day",
        ),
        pytest.param(
            "2024-04-02",
            (Outcome.PASSED, [("back-to-back-original-replaced-later", WARNING, None)]),
            id="replaced-the-day-after",
        ),
    ],
)
def test_an_original_already_replaced_is_no_valid_original(replaced_on: str, expected: Seen) -> None:
    """IR 5(a): once a new CO is issued "the original CO will be invalidated"; a back-to-back CO is issued on the
    basis of a valid original (OCP Rule 3(4)(a)). Before, nothing checked it (the back-to-back CO was accepted)."""
    ctx = Context(related_certificates=(ORIGINAL, _replacement_of_the_original(replaced_on)))
    assert expected == seen(ir09.check_original_reference(back_to_back(), ctx))


def test_a_replacement_is_found_from_the_reference_alone() -> None:
    """Without the original in the context, the reference's exporting Party and number find its replacement."""
    ctx = Context(related_certificates=(_replacement_of_the_original("2024-03-31"),))
    codes = [f.code for f in ir09.check_original_reference(back_to_back(), ctx).findings]
    assert "back-to-back-original-replaced" in codes


def test_a_co_of_another_party_with_the_original_number_replaces_nothing() -> None:
    """IR 5(a) speaks of the new CO of the same issuing Party: a Thai CO naming the same number is not it."""
    ctx = Context(related_certificates=(ORIGINAL, _replacement_of_the_original("2024-03-31", exporting_party="TH")))
    assert (Outcome.PASSED, []) == seen(ir09.check_original_reference(back_to_back(), ctx))


def test_an_original_replaced_before_denies_every_item_through_evaluate() -> None:
    """Through roo.evaluate: the back-to-back CO resting on an invalidated original gives no preference."""
    related = (ORIGINAL, _replacement_of_the_original("2024-03-31"))
    evaluation = roo.evaluate(back_to_back(), on=date(2024, 4, 10), related_certificates=related)
    assert "back-to-back-original-replaced" in {f.code for f in evaluation.findings}
    assert () == evaluation.granted


# --- Art 79 with OCP Rule 3(4)(a): the original's entry into force, from the reference or the chain --------------


def sg_back_to_back(original: dict[str, Any]) -> roo.Certificate:
    """A back-to-back CO from Singapore to Japan of 5 July 2010 resting on a Philippine original."""
    return back_to_back(
        issue_date="2010-07-05",
        transport=dict(CLEAN_CERTIFICATE["transport"], departure_date="2010-07-05", port_of_loading="SGSIN"),
        original_certificate=original,
    )


def ph_original(issued: str, replaces: dict[str, str] | None = None, reference: str = "PH-ORIG-1") -> roo.Certificate:
    """A Philippine CO to Singapore (the Agreement in force for the Philippines on 1 July 2010)."""
    return certificate(
        reference_number=reference,
        exporting_party="PH",
        importing_party="SG",
        issue_date=issued,
        replaces=replaces,
        items=[item_data(1)],
    )


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        pytest.param(
            {"reference_number": "PH-ORIG-1", "issue_date": "2010-06-20", "exporting_party": "PH"},
            (Outcome.FAILED, [("back-to-back-original-before-entry-into-force", ERROR, None)]),
            id="reference-states-a-date-before",
        ),
        pytest.param(
            {"reference_number": "PH-ORIG-1", "issue_date": "2010-06-30", "exporting_party": "PH"},
            (Outcome.FAILED, [("back-to-back-original-before-entry-into-force", ERROR, None)]),
            id="reference-states-the-day-before",
        ),
        pytest.param(
            {"reference_number": "PH-ORIG-1", "issue_date": "2010-07-01", "exporting_party": "PH"},
            (Outcome.PASSED, []),
            id="reference-states-the-day-itself",
        ),
        pytest.param(
            {"reference_number": "PH-ORIG-1", "issue_date": "2010-06-20"},
            (Outcome.PASSED, []),
            id="reference-without-the-party-cannot-be-judged",
        ),
        pytest.param(
            {"reference_number": "ID-ORIG-1", "issue_date": "2018-02-20", "exporting_party": "ID"},
            (Outcome.PASSED, [("back-to-back-original-before-entry-into-force-unverified", WARNING, None)]),
            id="reference-before-an-unconfirmed-date-warns",
        ),
    ],
)
def test_original_reference_alone_is_judged_against_entry_into_force(original: dict[str, Any], expected: Seen) -> None:
    """OCP Rule 3(4)(a): a back-to-back CO rests on a valid original CO; Art 79: a CO issued before the Agreement
    entered into force for its exporting Party is not one. The reference on the CO states the original's Party and
    date: the same facts as the original in the context, judged the same way (the review's case: PH original of
    20 June 2010 named by a Singapore CO, the original not in the context)."""
    co = sg_back_to_back(original)
    if original.get("exporting_party") == "ID":
        co = back_to_back(issue_date="2018-03-05", original_certificate=original)
    assert expected == seen(ir09.check_original_reference(co, Context()))


def test_original_reference_alone_before_entry_into_force_is_rejected() -> None:
    """Through roo.evaluate: rejected as the CO with the original in the context is (the review's pair)."""
    reference = {"reference_number": "PH-ORIG-1", "issue_date": "2010-06-20", "exporting_party": "PH"}
    co = sg_back_to_back(reference)
    alone = roo.evaluate(co, on=date(2010, 7, 10))
    with_original = roo.evaluate(co, on=date(2010, 7, 10), related_certificates=(ph_original("2010-06-20"),))
    code = "back-to-back-original-before-entry-into-force"
    assert (roo.Status.REJECTED, roo.Status.REJECTED) == (alone.status, with_original.status)
    assert code in {f.code for f in alone.findings} & {f.code for f in with_original.findings}


@pytest.mark.parametrize(
    ("first_issued", "expected"),
    [
        pytest.param(
            "2010-06-10",
            (Outcome.FAILED, [("back-to-back-original-replaces-co-before-entry-into-force", ERROR, None)]),
            id="first-co-before-entry-into-force",
        ),
        pytest.param("2010-07-01", (Outcome.PASSED, []), id="first-co-on-entry-into-force"),
    ],
)
def test_original_that_replaces_a_pre_entry_into_force_co_is_no_basis(first_issued: str, expected: Seen) -> None:
    """IR 5(a): a replacement is valid only during the validity of the CO it replaces; Art 79: a CO issued before
    the Agreement entered into force for its Party is not one. An original issued on 2 July 2010 that replaces a
    CO of 10 June 2010 is no valid original (the review's case), judged by the first date of its chain."""
    reference = {"reference_number": "PH-ORIG-1", "issue_date": "2010-07-02", "exporting_party": "PH"}
    original = ph_original("2010-07-02", replaces={"reference_number": "PH-FIRST", "issue_date": first_issued})
    result = ir09.check_original_reference(sg_back_to_back(reference), Context(related_certificates=(original,)))
    assert expected == seen(result)
    if result.findings:
        facts = result.findings[0].facts
        assert (date(2010, 6, 10), date(2010, 7, 2)) == (facts["first_issue_date"], facts["original_issue_date"])


def test_chain_in_the_context_goes_back_to_its_first_co() -> None:
    """The first issue date the data show: the first CO of the chain in the context, over the date the original
    shows for the CO it replaces (IR 5(a))."""
    reference = {"reference_number": "PH-ORIG-1", "issue_date": "2010-07-02", "exporting_party": "PH"}
    original = ph_original("2010-07-02", replaces={"reference_number": "PH-FIRST", "issue_date": "2010-07-01"})
    first = ph_original("2010-06-28", reference="PH-FIRST")
    result = ir09.check_original_reference(sg_back_to_back(reference), Context(related_certificates=(original, first)))
    assert (Outcome.FAILED, [("back-to-back-original-replaces-co-before-entry-into-force", ERROR, None)]) == seen(
        result
    )
    assert date(2010, 6, 28) == result.findings[0].facts["first_issue_date"]
