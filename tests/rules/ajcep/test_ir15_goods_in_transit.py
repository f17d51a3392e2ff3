"""AJCEP IR 15: goods in transport or bonded storage when the Agreement entered into force need a retroactive CO.

The Philippines is the importing Party in most cases: the Agreement entered
into force for it on 2010-07-01 (``ajcep.entry_into_force.PH``), so the day
before and the day of that date can both be tested with packaged data.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Preference, Severity
from roo.rules.ajcep import ir15_goods_in_transit as ir15
from roo.rules.base import Result
from tests.builders import certificate

ERROR = Severity.ERROR
EIF_PH = date(2010, 7, 1)

Seen = tuple[Outcome, list[tuple[str, Severity, int | None]], tuple[str, ...]]


def seen(result: Result) -> Seen:
    """A rule result as (outcome, [(code, severity, item)], needed)."""
    return result.outcome, [(f.code, f.severity, f.item) for f in result.findings], result.needed


def to_philippines(shipped: date | None, retroactive: bool = False, **changes: Any) -> roo.Certificate:
    """A CO from Japan to the Philippines for goods shipped on ``shipped``."""
    transport = None if shipped is None else {"departure_date": shipped.isoformat()}
    return certificate(
        exporting_party="JP",
        importing_party="PH",
        issue_date=(shipped or date(2010, 6, 20)).isoformat(),
        transport=transport,
        issued_retroactively=retroactive,
        **changes,
    )


@pytest.mark.parametrize(
    ("shipped", "retroactive", "on", "expected"),
    [
        pytest.param(
            date(2010, 6, 20), True, EIF_PH, (Outcome.PASSED, [], ()), id="in-transit-on-eif-day-retroactive-co"
        ),
        pytest.param(
            date(2010, 6, 30),
            True,
            date(2010, 8, 15),
            (Outcome.PASSED, [], ()),
            id="shipped-day-before-eif-imported-later-retroactive-co",
        ),
        pytest.param(
            date(2010, 6, 30),
            False,
            EIF_PH,
            (Outcome.FAILED, [("in-transit-co-not-retroactive", ERROR, None)], ()),
            id="shipped-day-before-eif-co-not-retroactive",
        ),
        pytest.param(
            date(2010, 5, 1),
            False,
            date(2010, 9, 1),
            (Outcome.FAILED, [("in-transit-co-not-retroactive", ERROR, None)], ()),
            id="bonded-storage-over-eif-co-not-retroactive",
        ),
        pytest.param(
            date(2010, 6, 20),
            True,
            date(2010, 6, 30),
            (Outcome.FAILED, [("ajcep-not-in-force-on-import", ERROR, None)], ()),
            id="imported-day-before-eif",
        ),
        pytest.param(
            date(2010, 6, 20),
            False,
            date(2010, 6, 30),
            (Outcome.FAILED, [("ajcep-not-in-force-on-import", ERROR, None)], ()),
            id="imported-day-before-eif-not-retroactive-either",
        ),
        pytest.param(EIF_PH, False, EIF_PH, (Outcome.NOT_APPLICABLE, [], ()), id="shipped-on-eif-day"),
        pytest.param(
            date(2010, 7, 2), False, date(2010, 7, 10), (Outcome.NOT_APPLICABLE, [], ()), id="shipped-after-eif"
        ),
        pytest.param(
            date(2010, 6, 20),
            True,
            None,
            (Outcome.NOT_EVALUATED, [], ("context.on",)),
            id="shipped-before-eif-import-date-unknown",
        ),
        pytest.param(
            date(2010, 7, 2), False, None, (Outcome.NOT_APPLICABLE, [], ()), id="shipped-after-eif-import-date-unknown"
        ),
        pytest.param(None, False, None, (Outcome.NOT_EVALUATED, [], ("context.on",)), id="no-dates-at-all"),
        pytest.param(
            None,
            False,
            EIF_PH,
            (Outcome.NOT_EVALUATED, [], ("certificate.transport.departure_date",)),
            id="imported-after-eif-shipment-date-unknown",
        ),
        pytest.param(
            None,
            False,
            date(2010, 6, 30),
            (Outcome.FAILED, [("ajcep-not-in-force-on-import", ERROR, None)], ()),
            id="imported-before-eif-shipment-date-unknown",
        ),
    ],
)
def test_goods_in_transit(shipped: date | None, retroactive: bool, on: date | None, expected: Seen) -> None:
    """Shipped before entry into force and imported on or after it: only with a retroactive CO."""
    co = to_philippines(shipped, retroactive)
    assert expected == seen(ir15.check_goods_in_transit(co, Context(on=on)))


def test_import_before_first_entry_into_force_of_the_agreement() -> None:
    """An import before the Agreement's first entry into force (2008-12-01) is still judged against Japan's date."""
    co = certificate(transport={"departure_date": "2008-11-20"}, issue_date="2008-11-21", importing_party="JP")
    result = ir15.check_goods_in_transit(co, Context(on=date(2008, 11, 30)))
    assert (Outcome.FAILED, [("ajcep-not-in-force-on-import", ERROR, None)], ()) == seen(result)
    assert date(2008, 12, 1) == result.findings[0].facts["entry_into_force"]


def test_entry_into_force_override() -> None:
    """A context override of the importing Party's date moves the boundary (Indonesia's date is unverified)."""
    co = certificate(exporting_party="JP", importing_party="ID", transport={"departure_date": "2018-03-20"})
    moved = Context(on=date(2018, 4, 2), parameters={"ajcep.entry_into_force.ID": "2018-04-01"})
    packaged = Context(on=date(2018, 4, 2))
    assert (Outcome.FAILED, [("in-transit-co-not-retroactive", ERROR, None)], ()) == seen(
        ir15.check_goods_in_transit(co, moved)
    )
    assert (Outcome.NOT_APPLICABLE, [], ()) == seen(ir15.check_goods_in_transit(co, packaged))


def test_unknown_importing_party_is_not_evaluated() -> None:
    """A party with no entry-into-force parameter leaves the rule not evaluated, naming the parameter."""
    co = certificate(importing_party="US")
    expected = (Outcome.NOT_EVALUATED, [], ("context.parameters.ajcep.entry_into_force.US",))
    assert expected == seen(ir15.check_goods_in_transit(co, Context(on=date(2024, 3, 20))))


def test_parameter_switched_off_is_not_evaluated() -> None:
    """An override of null switches the parameter off: not evaluated, never a failure."""
    co = to_philippines(date(2010, 6, 20))
    ctx = Context(on=EIF_PH, parameters={"ajcep.entry_into_force.PH": None})
    assert (Outcome.NOT_EVALUATED, [], ("context.parameters.ajcep.entry_into_force.PH",)) == seen(
        ir15.check_goods_in_transit(co, ctx)
    )


def test_message_names_dates_and_party() -> None:
    """The finding says when the goods were shipped, for whom the Agreement entered into force, and when."""
    result = ir15.check_goods_in_transit(to_philippines(date(2010, 6, 30)), Context(on=EIF_PH))
    expected = (
        "The goods were shipped on 2010-06-30, before the AJCEP Agreement entered into force for the importing "
        "Party (PH) on 2010-07-01; goods in transport or bonded storage on that date get preference only with a CO "
        "issued retroactively, and this CO's 'Issued Retroactively' box is not ticked."
    )
    assert expected == result.findings[0].message


def test_through_evaluate_denies_every_item() -> None:
    """Through roo.evaluate the defect concerns the whole CO, so no item gets preference."""
    co = to_philippines(date(2010, 6, 30))
    evaluation = roo.evaluate(co, Context(on=EIF_PH))
    assert "in-transit-co-not-retroactive" in {f.code for f in evaluation.findings}
    assert {Preference.DENIED} == {verdict.preference for verdict in evaluation.items}


WARNING = Severity.WARNING


@pytest.mark.parametrize(
    ("shipped", "on", "expected"),
    [
        pytest.param(
            "2018-02-20",
            date(2018, 3, 5),
            (Outcome.PASSED, [("in-transit-co-not-retroactive-unverified", WARNING, None)], ()),
            id="shipped-before-indonesias-unverified-date-co-not-retroactive",
        ),
        pytest.param(
            "2018-02-20",
            date(2018, 2, 28),
            (Outcome.PASSED, [("ajcep-not-in-force-on-import-unverified", WARNING, None)], ()),
            id="imported-before-indonesias-unverified-date",
        ),
        pytest.param("2018-03-01", date(2018, 3, 5), (Outcome.NOT_APPLICABLE, [], ()), id="shipped-on-that-date"),
    ],
)
def test_unverified_entry_into_force_only_warns(shipped: str, on: date, expected: Seen) -> None:
    """Indonesia's date (2018-03-01) is not confirmed in roo's data: what rests on it is a warning, never a denial."""
    co = certificate(exporting_party="JP", importing_party="ID", issue_date=shipped, transport={"departure_date": shipped})
    assert expected == seen(ir15.check_goods_in_transit(co, Context(on=on)))


def test_unverified_date_does_not_reject_through_evaluate() -> None:
    """Through roo.evaluate: the CO to Indonesia shipped before its unverified date is accepted, with a warning."""
    co = certificate(
        exporting_party="JP", importing_party="ID", issue_date="2018-02-20", transport={"departure_date": "2018-02-20"}
    )
    evaluation = roo.evaluate(co, Context(on=date(2018, 3, 5)))
    finding = next(f for f in evaluation.findings if f.code == "in-transit-co-not-retroactive-unverified")
    assert (roo.Status.ACCEPTED, True) == (evaluation.status, "not confirmed" in finding.message)


def test_a_callers_own_date_is_taken_as_verified() -> None:
    """The caller who supplies Indonesia's date in the context gets the finding at its own severity."""
    co = certificate(
        exporting_party="JP", importing_party="ID", issue_date="2018-02-20", transport={"departure_date": "2018-02-20"}
    )
    ctx = Context(on=date(2018, 3, 5), parameters={"ajcep.entry_into_force.ID": "2018-03-01"})
    assert (Outcome.FAILED, [("in-transit-co-not-retroactive", ERROR, None)], ()) == seen(
        ir15.check_goods_in_transit(co, ctx)
    )


def test_not_in_force_on_import_cites_article_79() -> None:
    """An import before entry into force cites the Agreement's entry-into-force article."""
    co = certificate(transport={"departure_date": "2008-11-20"}, issue_date="2008-11-21", importing_party="JP")
    (finding,) = ir15.check_goods_in_transit(co, Context(on=date(2008, 11, 30))).findings
    assert "AJCEP/ART/79" == finding.rule


# --- a replacement CO (IR 5(a)) keeps the life of the CO it replaces ------------------------------------------

ORIGINAL_REFERENCE = "JP/2010/0042"


def replacement_in_transit(marked: bool | None) -> roo.Certificate:
    """A replacement, issued 2010-08-01, for a CO issued retroactively on 2010-07-10 for goods shipped 2010-06-20."""
    return certificate(
        exporting_party="JP",
        importing_party="PH",
        issue_date="2010-08-01",
        transport={"departure_date": "2010-06-20"},
        issued_retroactively=marked,
        replaces={"reference_number": ORIGINAL_REFERENCE, "issue_date": "2010-07-10"},
    )


def replaced(retroactive: bool | None) -> roo.Certificate:
    """The CO replaced, as the context holds it."""
    return certificate(
        exporting_party="JP",
        importing_party="PH",
        reference_number=ORIGINAL_REFERENCE,
        issue_date="2010-07-10",
        transport={"departure_date": "2010-06-20"},
        issued_retroactively=retroactive,
    )


@pytest.mark.parametrize(
    ("marked", "original_marked", "expected"),
    [
        pytest.param(False, True, (Outcome.PASSED, [], ()), id="original-ticked-replacement-not"),
        pytest.param(True, False, (Outcome.PASSED, [], ()), id="replacement-ticked-original-not"),
        pytest.param(
            False,
            False,
            (Outcome.FAILED, [("in-transit-co-not-retroactive", ERROR, None)], ()),
            id="neither-ticked",
        ),
        pytest.param(
            False, None, (Outcome.NOT_EVALUATED, [], ("certificate.issued_retroactively",)), id="original-mark-not-stated"
        ),
    ],
)
def test_replacement_keeps_the_retroactive_issue_of_the_co_it_replaces(
    marked: bool, original_marked: bool | None, expected: Seen
) -> None:
    """IR 15: goods in transport when the Agreement entered into force get preference subject to the submission
    of a CO issued retroactively; IR 5(a): a new CO issued after the loss of that CO replaces it.

    The replacement stands for the CO issued retroactively: the original's 'Issued Retroactively' tick counts
    for it, as IR 7 reads a replacement, and only neither tick is the error.
    """
    ctx = Context(on=date(2010, 8, 15), related_certificates=(replaced(original_marked),))
    assert expected == seen(ir15.check_goods_in_transit(replacement_in_transit(marked), ctx))


def test_replacement_without_the_original_in_the_context_is_read_on_its_own() -> None:
    """IR 15: without the CO replaced in the context, the replacement's own mark is all roo reads."""
    result = ir15.check_goods_in_transit(replacement_in_transit(False), Context(on=date(2010, 8, 15)))
    assert (Outcome.FAILED, [("in-transit-co-not-retroactive", ERROR, None)], ()) == seen(result)


@pytest.mark.parametrize(
    ("declared_on", "retroactive", "expected"),
    [
        pytest.param(date(2010, 6, 30), True, [("ajcep-not-in-force-on-import", ERROR, None)], id="declared-day-before"),
        pytest.param(EIF_PH, True, [], id="declared-on-the-day-with-a-retroactive-co"),
        pytest.param(EIF_PH, False, [("in-transit-co-not-retroactive", ERROR, None)], id="declared-on-the-day-without"),
    ],
)
def test_goods_in_bonded_storage_are_imported_when_declared(
    declared_on: date, retroactive: bool, expected: list[tuple[str, Severity, int | None]]
) -> None:
    """IR 15: goods "in temporary storage in bonded area in the importing Party" are accorded preference if
    "imported ... on or after" the entry into force: arrived before it, they are imported when declared, which is
    the date the CO is presented with the import declaration (``Context.on``)."""
    arrived_in_bond = to_philippines(date(2010, 6, 1), retroactive)
    assert expected == seen(ir15.check_goods_in_transit(arrived_in_bond, Context(on=declared_on)))[1]
