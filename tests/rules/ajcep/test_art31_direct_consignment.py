"""AJCEP Art 31 and OCP Rule 3(3): direct consignment, permitted operations in transit, evidence, route."""

from __future__ import annotations

import pytest

import roo
from roo.context import Consignment, Context, TransitStop
from roo.evaluation import Outcome, Severity
from roo.rules.ajcep import art31_direct_consignment as art31
from roo.rules.base import Result
from tests.builders import CLEAN_CERTIFICATE, PRESENTED_ON, certificate

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

Seen = tuple[Outcome, list[tuple[str, Severity, int | None]]]


def seen(result: Result) -> Seen:
    """A rule result as (outcome, [(code, severity, item)])."""
    return result.outcome, [(f.code, f.severity, f.item) for f in result.findings]


def via(*countries: str) -> roo.Certificate:
    """A CO whose box 3 shows transit through ``countries``."""
    return certificate(transport=dict(CLEAN_CERTIFICATE["transport"], transit_countries=list(countries)))


def shipped(*stops: TransitStop, direct: bool | None = None, evidence: tuple[str, ...] | None = ("through_bill_of_lading",)) -> Context:
    """A context whose consignment went through ``stops`` with ``evidence``."""
    return Context(on=PRESENTED_ON, consignment=Consignment(direct=direct, transit=stops, evidence=evidence))


SINGAPORE = TransitStop("SG", ("unloading", "temporary_storage", "reloading"))


def test_direct_consignment_passes() -> None:
    """Goods transported directly from the exporting to the importing Party."""
    assert (Outcome.PASSED, []) == seen(art31.check_direct_consignment(certificate(), shipped(direct=True, evidence=())))


@pytest.mark.parametrize(
    ("operations", "expected"),
    [
        pytest.param(("transit",), (Outcome.PASSED, []), id="transit-only"),
        pytest.param(("unloading", "temporary_storage", "reloading"), (Outcome.PASSED, []), id="warehoused-and-reloaded"),
        pytest.param(("Transhipment",), (Outcome.PASSED, []), id="transhipment-any-case"),
        pytest.param(("temporary warehousing", "preservation"), (Outcome.PASSED, []), id="warehousing-and-preservation"),
        pytest.param((), (Outcome.PASSED, []), id="no-operation-at-all"),
        pytest.param(
            ("unloading", "repacking", "reloading"),
            (Outcome.FAILED, [("transit-operation-not-permitted", ERROR, None)]),
            id="repacked-in-transit",
        ),
        pytest.param(
            ("labelling", "processing"),
            (Outcome.FAILED, [("transit-operation-not-permitted", ERROR, None), ("transit-operation-not-permitted", ERROR, None)]),
            id="two-operations-not-permitted",
        ),
    ],
)
def test_operations_in_transit(operations: tuple[str, ...], expected: Seen) -> None:
    """Only transit, temporary storage, unloading, reloading and preservation are permitted (Art 31(2)(b))."""
    assert expected == seen(art31.check_direct_consignment(via("SG"), shipped(TransitStop("SG", operations))))


def test_transit_through_a_non_party_with_permitted_operations() -> None:
    """Art 31 covers transit through non-Parties as well as other Parties."""
    ctx = shipped(TransitStop("CN", ("unloading", "reloading")), TransitStop("SG", ("transit",)))
    assert (Outcome.PASSED, []) == seen(art31.check_direct_consignment(via("CN", "SG"), ctx))


def test_trade_in_transit_is_not_an_art31_condition() -> None:
    """Unlike some agreements, AJCEP Art 31 sets no condition on trade in the transit country."""
    ctx = shipped(TransitStop("SG", ("transit",), reason="consolidation", traded_or_consumed=True))
    assert (Outcome.PASSED, []) == seen(art31.check_direct_consignment(via("SG"), ctx))


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        pytest.param(("through_bill_of_lading",), (Outcome.PASSED, []), id="through-bill-of-lading"),
        pytest.param(("Through Bill of Lading",), (Outcome.PASSED, []), id="through-bill-of-lading-as-words"),
        pytest.param(("transit_customs_certificate",), (Outcome.PASSED, []), id="transit-customs-certificate"),
        pytest.param(("transit_certificate",), (Outcome.PASSED, []), id="certificate-of-another-entity"),
        pytest.param((), (Outcome.PASSED, [("transit-evidence-missing", WARNING, None)]), id="no-evidence"),
        # Not stated warns as none given: customs "may require" the documents, so their absence only warns.
        pytest.param(None, (Outcome.PASSED, [("transit-evidence-missing", WARNING, None)]), id="evidence-not-stated"),
        pytest.param(
            ("commercial_invoice",),
            (Outcome.PASSED, [("transit-evidence-missing", WARNING, None)]),
            id="evidence-of-another-kind",
        ),
    ],
)
def test_transit_evidence(evidence: tuple[str, ...] | None, expected: Seen) -> None:
    """Goods in transit should come with a through bill of lading or a transit certificate (OCP Rule 3(3))."""
    assert expected == seen(art31.check_direct_consignment(via("SG"), shipped(SINGAPORE, evidence=evidence)))


@pytest.mark.parametrize(
    ("co", "ctx", "expected"),
    [
        pytest.param(via("SG"), shipped(SINGAPORE), (Outcome.PASSED, []), id="route-on-co-matches"),
        pytest.param(via("sg"), shipped(SINGAPORE), (Outcome.PASSED, []), id="route-on-co-lower-case"),
        pytest.param(
            certificate(),
            shipped(SINGAPORE),
            (Outcome.PASSED, [("transit-countries-differ-from-certificate", WARNING, None)]),
            id="co-shows-no-transit-but-goods-transited",
        ),
        pytest.param(
            via("SG"),
            shipped(direct=True, evidence=()),
            (Outcome.PASSED, [("transit-countries-differ-from-certificate", WARNING, None)]),
            id="co-shows-transit-but-consignment-direct",
        ),
        pytest.param(
            via("HK"),
            shipped(SINGAPORE),
            (Outcome.PASSED, [("transit-countries-differ-from-certificate", WARNING, None)]),
            id="co-shows-another-transit-country",
        ),
    ],
)
def test_route_on_the_co(co: roo.Certificate, ctx: Context, expected: Seen) -> None:
    """Box 3's transit countries should be those the consignment went through; a difference is a warning."""
    assert expected == seen(art31.check_direct_consignment(co, ctx))


@pytest.mark.parametrize(
    ("ctx", "needed"),
    [
        pytest.param(Context(on=PRESENTED_ON), "context.consignment", id="no-consignment"),
        pytest.param(shipped(direct=False), "context.consignment.transit", id="not-direct-but-no-stops"),
        pytest.param(shipped(direct=None), "context.consignment.direct", id="route-unknown"),
    ],
)
def test_unknown_route_is_not_evaluated(ctx: Context, needed: str) -> None:
    """Without the journey, roo does not guess whether the goods were consigned directly."""
    result = art31.check_direct_consignment(certificate(), ctx)
    assert (Outcome.NOT_EVALUATED, (needed,)) == (result.outcome, result.needed)


def test_operation_not_permitted_rejects_the_co() -> None:
    """Through roo.evaluate: goods processed in transit are not consigned directly; every item is denied."""
    ctx = shipped(TransitStop("SG", ("processing",)))
    assert roo.Status.REJECTED == roo.evaluate(via("SG"), ctx).status


@pytest.mark.parametrize(
    "operation",
    [
        pytest.param("trans-shipment", id="trans-shipment-hyphenated"),
        pytest.param("unloading and reloading", id="unloading-and-reloading-in-one-entry"),
        pytest.param("Unloading/Reloading", id="unloading-slash-reloading"),
        pytest.param("unloading, reloading", id="comma-separated-in-one-entry"),
        pytest.param("cold storage", id="cold-storage-is-storage-that-preserves"),
        pytest.param("re-loading", id="re-loading-hyphenated"),
        pytest.param("temporary storage in bonded warehouse", id="temporary-storage-in-bonded-warehouse"),
        pytest.param("Temporary_Storage", id="underscored-term"),
        pytest.param("loading onto another vessel", id="loading-onto-another-vessel"),
    ],
)
def test_permitted_operations_as_written_pass(operation: str) -> None:
    """Art 31 operations written in everyday spellings are read as permitted: no finding, nothing denied."""
    ctx = shipped(TransitStop("SG", (operation,)))
    assert (Outcome.PASSED, []) == seen(art31.check_direct_consignment(via("SG"), ctx))
    assert roo.Status.ACCEPTED == roo.evaluate(via("SG"), ctx).status


@pytest.mark.parametrize(
    "operation",
    [
        pytest.param("unloading and repacking", id="repacking-inside-a-compound-entry"),
        pytest.param("re-packing", id="re-packing-hyphenated"),
        pytest.param("relabelling", id="relabelling"),
        pytest.param("Mixing/Blending", id="mixing-and-blending"),
        pytest.param("cutting", id="cutting"),
        pytest.param("packing", id="packing"),
        pytest.param("assembly", id="assembly"),
    ],
)
def test_known_operations_not_permitted_are_errors(operation: str) -> None:
    """An operation known to work on the goods or change their packing or labels takes them out of Art 31."""
    ctx = shipped(TransitStop("SG", (operation,)))
    expected = (Outcome.FAILED, [("transit-operation-not-permitted", ERROR, None)])
    assert expected == seen(art31.check_direct_consignment(via("SG"), ctx))


@pytest.mark.parametrize(
    ("operation", "unrecognised"),
    [
        pytest.param("fumigation", ("fumigation",), id="fumigation"),
        pytest.param("inspection by customs", ("inspection by customs",), id="inspection"),
        pytest.param("unloading and sampling", ("sampling",), id="one-unknown-part-of-a-compound-entry"),
        pytest.param("unloading, §", ("§",), id="a-part-without-any-word-is-named-as-written"),
    ],
)
def test_unrecognised_operations_are_warnings(operation: str, unrecognised: tuple[str, ...]) -> None:
    """Doubt never denies: an operation roo does not recognise is a warning naming the parts it could not read."""
    ctx = shipped(TransitStop("SG", (operation,)))
    result = art31.check_direct_consignment(via("SG"), ctx)
    expected = (Outcome.PASSED, [("transit-operation-unrecognised", WARNING, None)], unrecognised)
    assert expected == (*seen(result), result.findings[0].facts["unrecognised"])
    assert roo.Status.ACCEPTED == roo.evaluate(via("SG"), ctx).status


@pytest.mark.parametrize(
    ("operations", "expected"),
    [
        pytest.param(
            ("unloading", "exhibition", "reloading"),
            (Outcome.PASSED, [("transit-operation-unrecognised", WARNING, None)]),
            id="exhibited-in-a-transit-country-warns",
        ),
        pytest.param(
            ("exhibition and sale at the trade fair",),
            (Outcome.PASSED, [("transit-operation-unrecognised", WARNING, None)]),
            id="exhibited-and-sold-warns",
        ),
        pytest.param(
            ("exhibition and repacking",),
            (Outcome.FAILED, [("transit-operation-not-permitted", ERROR, None)]),
            id="repacked-after-the-exhibition-denies",
        ),
    ],
)
def test_an_exhibition_in_a_transit_country_warns(operations: tuple[str, ...], expected: Seen) -> None:
    """Art 31(2)(b) admits, in another country, only transit, temporary storage in warehouses, unloading, reloading
    and operations to preserve the goods; no AJCEP text roo reads (Chapter 3, the Implementing Regulations, the
    form and its notes, whose box 13 has no exhibition box) says whether goods shown at an exhibition there stay
    directly consigned. Undecided by any sentence: a warning for customs, never a denial; repacking, which the
    Article does exclude, still denies."""
    ctx = shipped(TransitStop("SG", operations))
    assert expected == seen(art31.check_direct_consignment(via("SG"), ctx))
