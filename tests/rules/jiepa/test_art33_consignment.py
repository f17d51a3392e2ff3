"""JIEPA Art 33: consignment criteria — directly, or through non-Parties with only permitted operations."""

from __future__ import annotations

from typing import Any

import pytest

import roo
from roo.context import Consignment, Context, TransitStop
from roo.evaluation import Outcome, Severity
from roo.rules.jiepa import art33_consignment as art33
from tests.rules.jiepa.helpers import jiepa, jiepa_data

VIA_SINGAPORE = jiepa(transport=dict(jiepa_data()["transport"], transit_countries=["SG"]))
DIRECT = jiepa()


def via_singapore(*operations: str, evidence: tuple[str, ...] = ("through_bill_of_lading",)) -> Context:
    """A journey through Singapore with ``operations`` there."""
    return Context(consignment=Consignment(direct=False, transit=(TransitStop("SG", operations),), evidence=evidence))


def findings(co: roo.Certificate, ctx: Context) -> list[tuple[str, str, Severity]]:
    """The rule's findings as (code, citation, severity)."""
    return [(f.code, f.rule, f.severity) for f in art33.check_consignment(co, ctx).findings]


@pytest.mark.parametrize(
    ("co", "ctx", "expected"),
    [
        pytest.param(DIRECT, Context(consignment=Consignment(direct=True)), [], id="transported-directly"),
        pytest.param(
            VIA_SINGAPORE, via_singapore("unloading", "temporary storage", "reloading"), [], id="storage-in-singapore"
        ),
        pytest.param(VIA_SINGAPORE, via_singapore("Transhipment", "refrigeration"), [], id="transhipment-kept-cold"),
        pytest.param(
            VIA_SINGAPORE,
            via_singapore("unloading", "repacking"),
            [("jiepa-transit-operation-not-permitted", "JIEPA/ART/33(1)", Severity.ERROR)],
            id="repacked-in-singapore",
        ),
        pytest.param(
            VIA_SINGAPORE,
            via_singapore("unloading", evidence=()),
            [("jiepa-transit-evidence-missing", "JIEPA/ART/40(3)", Severity.WARNING)],
            id="no-through-bill-of-lading",
        ),
        pytest.param(
            DIRECT,
            via_singapore("unloading"),
            [("jiepa-transit-countries-differ-from-certificate", "JIEPA/ART/33(1)", Severity.WARNING)],
            id="transit-not-shown-on-the-co",
        ),
    ],
)
def test_consignment_criteria(co: roo.Certificate, ctx: Context, expected: list[Any]) -> None:
    """Only transit, storage, unloading, reloading and preservation; evidence and route are for customs."""
    assert expected == findings(co, ctx)


def test_failing_the_criteria_denies_every_item() -> None:
    """Art 33(2): goods that fail the consignment criteria are not originating; the whole CO is rejected."""
    evaluation = roo.evaluate(VIA_SINGAPORE, via_singapore("labelling"))
    assert roo.Status.REJECTED == evaluation.status


def test_without_the_journey_not_evaluated() -> None:
    """The journey is not on the CO: without it the criteria cannot be judged."""
    result = art33.check_consignment(DIRECT, Context())
    assert (Outcome.NOT_EVALUATED, ("context.consignment",)) == (result.outcome, result.needed)


@pytest.mark.parametrize(
    ("operations", "expected"),
    [
        pytest.param(("trans-shipment", "cold storage"), [], id="hyphenated-transhipment-and-cold-storage"),
        pytest.param(("Unloading/Reloading",), [], id="unloading-slash-reloading"),
        pytest.param(("temporary storage in bonded warehouse",), [], id="storage-in-bonded-warehouse"),
        pytest.param(
            ("unloading and relabelling",),
            [("jiepa-transit-operation-not-permitted", "JIEPA/ART/33(1)", Severity.ERROR)],
            id="relabelling-inside-a-compound-entry",
        ),
        pytest.param(
            ("fumigation",),
            [("jiepa-transit-operation-unrecognised", "JIEPA/ART/33(1)", Severity.WARNING)],
            id="unrecognised-operation-is-a-warning",
        ),
    ],
)
def test_operations_are_read_as_written(operations: tuple[str, ...], expected: list[Any]) -> None:
    """The AJCEP reading of operations applies to JIEPA Art 33 too: spellings pass, unknown text only warns."""
    assert expected == findings(VIA_SINGAPORE, via_singapore(*operations))


def _via_singapore_stop(traded_or_consumed: bool | None, operations: tuple[str, ...] = ("unloading", "reloading")) -> Context:
    stop = TransitStop("SG", operations, traded_or_consumed=traded_or_consumed)
    return Context(consignment=Consignment(direct=False, transit=(stop,), evidence=("through_bill_of_lading",)))


@pytest.mark.parametrize(
    ("traded_or_consumed", "expected"),
    [
        pytest.param(True, [("jiepa-transit-traded-or-consumed", "JIEPA/ART/33(1)", Severity.WARNING)], id="traded"),
        pytest.param(False, [], id="stated-not-traded"),
        pytest.param(None, [], id="not-stated"),
    ],
)
def test_goods_traded_or_consumed_in_transit_warn(traded_or_consumed: bool | None, expected: list[Any]) -> None:
    """Art 33(1)(b) (paraphrased): goods transported through non-Parties meet the consignment criteria when they
    pass *for the purpose of transit or temporary storage in warehouses* there, with no operation beyond
    unloading, reloading and preservation. A journey that records them as traded or consumed at the stop
    says something else; the record does not tell trading (which may leave the goods only passing through)
    from consumption, so customs may verify: a warning, never a denial. A stop that does not say is no
    record of trading."""
    result = art33.check_consignment(VIA_SINGAPORE, _via_singapore_stop(traded_or_consumed))
    assert expected == [(f.code, f.rule, f.severity) for f in result.findings]
    assert Outcome.PASSED == result.outcome


def test_traded_in_transit_beside_a_forbidden_operation_still_denies() -> None:
    """Processing in Singapore fails Art 33(1)(b) whatever the trading: the goods are not originating (Art 33(2))."""
    result = art33.check_consignment(VIA_SINGAPORE, _via_singapore_stop(True, ("processing",)))
    codes = [f.code for f in result.findings]
    assert {"jiepa-transit-operation-not-permitted", "jiepa-transit-traded-or-consumed"} <= set(codes)
    assert Outcome.FAILED == result.outcome


def test_traded_in_transit_through_evaluate_grants_with_the_warning() -> None:
    """Through roo.evaluate the warning sits on the certificate and every item keeps its grant."""
    evaluation = roo.evaluate(VIA_SINGAPORE, _via_singapore_stop(True))
    assert "jiepa-transit-traded-or-consumed" in [f.code for f in evaluation.findings if f.item is None]
    assert not evaluation.denied


# --- operations left out are not stated, not "nothing done" ------------------------------------------------

NOT_STATED = "context.consignment.transit.operations"


def _through(*stops: TransitStop, evidence: tuple[str, ...] = ("through_bill_of_lading",)) -> Context:
    return Context(consignment=Consignment(direct=False, transit=stops, evidence=evidence))


def test_a_stop_whose_operations_are_left_out_is_not_evaluated() -> None:
    """Art 33(1)(b): passage through a non-Party is admitted "provided that" the good undergoes nothing but
    unloading, reloading and preservation (paraphrased). A stop whose operations the data leave out does not
    show that condition: the check is not evaluated, naming the fact, never passed as "nothing done" (before,
    it passed)."""
    result = art33.check_consignment(VIA_SINGAPORE, _through(TransitStop("SG")))
    assert (Outcome.NOT_EVALUATED, (NOT_STATED,), ()) == (result.outcome, result.needed, result.findings)


def test_a_stop_whose_operations_are_stated_empty_passes() -> None:
    """The boundary: ``[]`` is a stated fact, nothing done but passing through, which the Article admits."""
    result = art33.check_consignment(VIA_SINGAPORE, _through(TransitStop("SG", ())))
    assert (Outcome.PASSED, ()) == (result.outcome, result.findings)


def test_an_operation_not_permitted_at_another_stop_still_fails() -> None:
    """One stop unstated, another with repacking: the consignment fails on what is stated."""
    co = jiepa(transport=dict(jiepa_data()["transport"], transit_countries=["SG", "MY"]))
    result = art33.check_consignment(co, _through(TransitStop("SG"), TransitStop("MY", ("repacking",))))
    codes = [f.code for f in result.findings]
    assert (Outcome.FAILED, ["jiepa-transit-operation-not-permitted"]) == (result.outcome, codes)


def test_warnings_are_kept_when_the_operations_are_not_stated() -> None:
    """The missing through bill of lading and trading at the stop are still said while the check waits."""
    stop = TransitStop("SG", traded_or_consumed=True)
    result = art33.check_consignment(VIA_SINGAPORE, _through(stop, evidence=()))
    codes = sorted(f.code for f in result.findings)
    assert (Outcome.NOT_EVALUATED, ["jiepa-transit-evidence-missing", "jiepa-transit-traded-or-consumed"]) == (
        result.outcome,
        codes,
    )


@pytest.mark.parametrize(
    ("stop", "operations"),
    [
        pytest.param({"country": "SG"}, None, id="left-out"),
        pytest.param({"country": "SG", "operations": None}, None, id="null"),
        pytest.param({"country": "SG", "operations": []}, (), id="empty-list"),
    ],
)
def test_the_json_tells_not_stated_from_nothing_done(stop: dict[str, Any], operations: Any) -> None:
    """docs/formats.md: a field left out (or null) is not stated; ``[]`` states that nothing was done."""
    ctx = roo.load_context({"consignment": {"direct": False, "transit": [stop], "evidence": ["through_bill_of_lading"]}})
    assert ctx.consignment is not None and operations == ctx.consignment.transit[0].operations
    evaluation = roo.evaluate(VIA_SINGAPORE, ctx)
    (check,) = [c for c in evaluation.checks if c.rule == "JIEPA/ART/33(1)"]
    assert ((NOT_STATED,) if operations is None else ()) == check.needed
