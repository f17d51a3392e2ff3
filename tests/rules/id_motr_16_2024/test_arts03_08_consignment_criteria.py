"""MoTR 16/2024: consignment criteria (direct, or justified and proven transit)."""

from __future__ import annotations

from typing import Any

import pytest

import roo
from tests.rules.id_motr_16_2024.helpers import ON, motr

RULE = "ID/MOTR-16-2024/3"
GOOD_STOP = {"country": "SG", "operations": ["unloading", "reloading"], "reason": "transport", "traded_or_consumed": False}


def evaluate(consignment: dict[str, Any] | None, **changes: Any) -> roo.Evaluation:
    """Evaluate the clean COO with a consignment context."""
    return roo.evaluate(motr(**changes), roo.load_context({"on": ON.isoformat(), "consignment": consignment}))


def consignment_codes(evaluation: roo.Evaluation) -> list[str]:
    """Codes of consignment findings."""
    return [f.code for f in evaluation.findings if f.rule == RULE and f.item is None]


def test_direct_consignment_passes() -> None:
    """Goods shipped directly meet the criteria."""
    evaluation = evaluate({"direct": True, "transit": []})
    assert [] == consignment_codes(evaluation)
    assert roo.Status.ACCEPTED == evaluation.status


def test_no_consignment_is_not_evaluated() -> None:
    """Without the journey the criteria are not evaluated, never denied."""
    evaluation = evaluate(None)
    assert roo.Status.ACCEPTED == evaluation.status
    assert [("not_evaluated", ("context.consignment",))] == [
        (c.outcome.value, c.needed) for c in evaluation.checks if c.title.startswith("consignment")
    ]


def test_justified_proven_transit_passes() -> None:
    """A transit for transport reasons, only unloading/reloading, proven by documents, passes."""
    evaluation = evaluate({"direct": False, "transit": [GOOD_STOP], "evidence": ["transit_customs_certificate"]})
    assert [] == consignment_codes(evaluation)


@pytest.mark.parametrize(
    ("stop", "evidence", "codes"),
    [
        pytest.param({**GOOD_STOP, "traded_or_consumed": True}, ["bl"], ["motr-traded-in-transit"], id="traded"),
        pytest.param(
            {**GOOD_STOP, "operations": ["unloading", "processing"]},
            ["bl"],
            ["motr-transit-operation-not-permitted"],
            id="other-operation",
        ),
        pytest.param(GOOD_STOP, [], ["motr-transit-not-proven"], id="not-proven"),
    ],
)
def test_transit_failures_deny_the_consignment(stop: dict[str, Any], evidence: list[str], codes: list[str]) -> None:
    """Each way a transit fails is an error on the whole COO."""
    evaluation = evaluate({"direct": False, "transit": [stop], "evidence": evidence})
    assert codes == consignment_codes(evaluation)
    assert roo.Status.REJECTED == evaluation.status


@pytest.mark.parametrize(
    ("stop", "code"),
    [
        pytest.param({**GOOD_STOP, "reason": None}, "motr-transit-reason-unknown", id="reason-unknown"),
        pytest.param({**GOOD_STOP, "traded_or_consumed": None}, "motr-transit-trading-unknown", id="trading-unknown"),
    ],
)
def test_unknown_facts_warn_without_denying(stop: dict[str, Any], code: str) -> None:
    """Doubt never denies: unknown reason or trading is a warning."""
    evaluation = evaluate({"direct": False, "transit": [stop], "evidence": ["bl"]})
    assert [code] == consignment_codes(evaluation)
    assert roo.Status.ACCEPTED == evaluation.status


def test_box3_transit_absent_from_journey_is_inconsistent() -> None:
    """Box 3 naming a transit country the journey lacks is reported."""
    transport = {
        "departure_date": "2024-08-15",
        "vessel_or_flight": "MV SAIGON BRIDGE V.24S",
        "port_of_discharge": "IDTPP",
        "transit_countries": ["MY"],
    }
    evaluation = evaluate({"direct": True, "transit": []}, transport=transport)
    assert ["motr-transit-inconsistent"] == consignment_codes(evaluation)


@pytest.mark.parametrize(
    "operations",
    [
        pytest.param(["unloading and reloading"], id="unloading-and-reloading-in-one-entry"),
        pytest.param(["Unloading/Re-loading"], id="slash-and-hyphen"),
        pytest.param(["trans-shipment"], id="trans-shipment"),
        pytest.param(["loading", "refrigeration"], id="loading-and-keeping-cold"),
    ],
)
def test_operations_in_everyday_spellings_pass(operations: list[str]) -> None:
    """Loading, unloading and preservation written as people write them meet criterion (c)."""
    evaluation = evaluate({"direct": False, "transit": [{**GOOD_STOP, "operations": operations}], "evidence": ["bl"]})
    assert ([], roo.Status.ACCEPTED) == (consignment_codes(evaluation), evaluation.status)


@pytest.mark.parametrize(
    ("operations", "codes", "status"),
    [
        pytest.param(
            ["unloading and processing"],
            ["motr-transit-operation-not-permitted"],
            roo.Status.REJECTED,
            id="processing-is-a-production-process",
        ),
        pytest.param(
            ["cutting to size"], ["motr-transit-operation-not-permitted"], roo.Status.REJECTED, id="cutting"
        ),
        pytest.param(
            ["unloading and repacking"],
            ["motr-transit-operation-unrecognised"],
            roo.Status.ACCEPTED,
            id="repacking-is-not-plainly-production",
        ),
        pytest.param(["relabelling"], ["motr-transit-operation-unrecognised"], roo.Status.ACCEPTED, id="relabelling"),
        pytest.param(
            ["temporary storage"], ["motr-transit-operation-unrecognised"], roo.Status.ACCEPTED, id="storage-not-named"
        ),
        pytest.param(["fumigation"], ["motr-transit-operation-unrecognised"], roo.Status.ACCEPTED, id="fumigation"),
    ],
)
def test_operations_not_permitted_deny_and_unrecognised_ones_warn(
    operations: list[str], codes: list[str], status: roo.Status
) -> None:
    """(c): the goods "do not undergo production process other than the loading and unloading, as well as other
    measures required to maintain their good condition". Work on the goods denies; repacking or relabelling,
    which the text does not plainly call production, and anything roo does not recognise only warn."""
    evaluation = evaluate({"direct": False, "transit": [{**GOOD_STOP, "operations": operations}], "evidence": ["bl"]})
    assert (codes, status) == (consignment_codes(evaluation), evaluation.status)


@pytest.mark.parametrize(
    "reason",
    [
        pytest.param("special considerations related to transportation requirements", id="the-regulations-words"),
        pytest.param("geographical reasons", id="geographical-reasons"),
        pytest.param("transport requirements", id="transport-requirements"),
        pytest.param("Transportation", id="transportation"),
        pytest.param("no direct vessel to Tanjung Priok", id="no-direct-vessel"),
        pytest.param("transhipment at hub port", id="hub-transhipment"),
        pytest.param("Alasan geografis", id="id-alasan-geografis"),
        pytest.param("pertimbangan khusus terkait persyaratan pengangkutan", id="id-pengangkutan"),
        pytest.param("tidak ada kapal langsung", id="id-tidak-ada-kapal-langsung"),
    ],
)
def test_reason_naming_a_ground_meets_criterion_a(reason: str) -> None:
    """Arts 3-8: a transit is allowed when it "is required for geographical reasons or special considerations
    related to transportation requirements". A broker's wording of either ground, in English or Indonesian,
    meets (a)."""
    evaluation = evaluate({"direct": False, "transit": [{**GOOD_STOP, "reason": reason}], "evidence": ["bl"]})
    assert ([], roo.Status.ACCEPTED) == (consignment_codes(evaluation), evaluation.status)


@pytest.mark.parametrize(
    ("reason", "purposes"),
    [
        pytest.param("sold to a buyer in Singapore", ("sold", "buyer"), id="sale"),
        pytest.param("commercial", ("commercial",), id="commercial"),
        pytest.param("dijual kepada pembeli di Singapura", ("dijual", "pembeli"), id="id-dijual"),
        # The review's cases: negated, or shipping jargon, yet read as a purpose word.
        pytest.param("Barang tidak dijual di Singapura, hanya singgah", ("dijual",), id="id-tidak-dijual"),
        pytest.param("Goods not for sale in Singapore; port congestion at Cai Mep", ("sale",), id="not-for-sale"),
        pytest.param("Trade lane rotation calls at Singapore", ("trade",), id="trade-lane"),
        pytest.param("Consolidation with other customers' cargo", ("customers",), id="consolidation-customers"),
    ],
)
def test_reason_speaking_of_another_purpose_warns_without_denying(reason: str, purposes: tuple[str, ...]) -> None:
    """Arts 3-8 (a): the transit is allowed when it "is required for geographical reasons or special
    considerations related to transportation requirements". Words of a sale or trade in the reason show no fact
    that fails it: roo reads neither negation ("tidak dijual", "not for sale") nor jargon ("trade lane"), and
    Art 10 lets customs verify doubtful data. A warning naming the words, the COO accepted; the fact (b) forbids,
    goods traded in transit, denies on its own field (below)."""
    evaluation = evaluate({"direct": False, "transit": [{**GOOD_STOP, "reason": reason}], "evidence": ["bl"]})
    found = [f for f in evaluation.findings if f.code == "motr-transit-reason-not-accepted"]
    assert ([(reason, purposes, roo.Severity.WARNING)], roo.Status.ACCEPTED) == (
        [(f.facts["reason"], f.facts["purposes"], f.severity) for f in found],
        evaluation.status,
    )


def test_goods_traded_in_transit_deny_whatever_the_reason_says() -> None:
    """Arts 3-8 (b): the goods must not be "traded or consumed in the transit destination country". The data
    stating that they were is a fact the text forbids: an error, whether the reason speaks of a sale or not."""
    stop = {**GOOD_STOP, "reason": "sold to a buyer in Singapore", "traded_or_consumed": True}
    evaluation = evaluate({"direct": False, "transit": [stop], "evidence": ["bl"]})
    errors = [f.code for f in evaluation.findings if f.severity is roo.Severity.ERROR]
    assert (["motr-traded-in-transit"], roo.Status.REJECTED) == (errors, evaluation.status)


@pytest.mark.parametrize(
    ("reason", "code"),
    [
        pytest.param("awaiting instructions", "motr-transit-reason-unrecognised", id="neither"),
        pytest.param("consolidation", "motr-transit-reason-unrecognised", id="consolidation"),
        pytest.param("feeder vessel, and sale to a buyer there", "motr-transit-reason-mixed", id="both"),
    ],
)
def test_reason_roo_cannot_place_warns_without_denying(reason: str, code: str) -> None:
    """Free text is not denied on its wording alone: where the words name no ground and no other purpose, or
    both, the data are in doubt, and Art 10 lets customs verify doubtful data: a warning, the COO accepted."""
    evaluation = evaluate({"direct": False, "transit": [{**GOOD_STOP, "reason": reason}], "evidence": ["bl"]})
    assert ([code], roo.Status.ACCEPTED) == (consignment_codes(evaluation), evaluation.status)


@pytest.mark.parametrize(
    ("direct", "needed"),
    [
        pytest.param(False, "context.consignment.transit", id="not-direct-no-stop"),
        pytest.param(None, "context.consignment.direct", id="direct-not-said-no-stop"),
    ],
)
def test_indirect_delivery_without_a_stop_is_not_evaluated(direct: bool | None, needed: str) -> None:
    """Goods "not delivered directly" must meet (a)-(c) at the transit; with no stop recorded roo cannot tell
    whether they do, so the criteria are not evaluated (naming the fact), rather than passed."""
    evaluation = evaluate({"direct": direct, "transit": []})
    checks = [(c.outcome.value, c.needed) for c in evaluation.checks if c.title.startswith("consignment")]
    assert [("not_evaluated", (needed,))] == checks


@pytest.mark.parametrize(
    ("stop", "needed"),
    [
        pytest.param({**GOOD_STOP, "reason": None}, ("context.consignment.transit.reason",), id="reason-left-out"),
        pytest.param({**GOOD_STOP, "reason": "  "}, ("context.consignment.transit.reason",), id="reason-blank"),
        pytest.param(
            {**GOOD_STOP, "traded_or_consumed": None},
            ("context.consignment.transit.traded_or_consumed",),
            id="trading-left-out",
        ),
        pytest.param(
            {**GOOD_STOP, "reason": None, "traded_or_consumed": None},
            ("context.consignment.transit.reason", "context.consignment.transit.traded_or_consumed"),
            id="both-left-out",
        ),
    ],
)
def test_a_transit_condition_the_data_leave_out_is_not_evaluated(stop: dict[str, Any], needed: tuple[str, ...]) -> None:
    """Goods not delivered directly keep their origin "provided that (a) the transit is required for geographical
    reasons or special considerations related to transportation requirements; (b) the goods are not traded or
    consumed in the transit destination country". Data that do not say why the goods went that way, or whether
    they were traded there, do not show (a) or (b): the warning stays, nothing is denied, and the check is not
    evaluated (naming the fact), so the grant does not rest on it."""
    evaluation = evaluate({"direct": False, "transit": [stop], "evidence": ["bl"]})
    checks = [c for c in evaluation.checks if c.rule == RULE and c.item is None]
    assert [(roo.Outcome.NOT_EVALUATED, needed)] == [(c.outcome, c.needed) for c in checks]
    assert roo.Status.ACCEPTED == evaluation.status
    assert needed in [c.needed for c in evaluation.unverified]


def test_a_transit_whose_conditions_are_stated_is_complete() -> None:
    """(a) and (b) stated and met, the transit proven: the check passes and no grant waits on it."""
    evaluation = evaluate({"direct": False, "transit": [GOOD_STOP], "evidence": ["bl"]})
    checks = [c for c in evaluation.checks if c.rule == RULE and c.item is None]
    assert [roo.Outcome.PASSED] == [c.outcome for c in checks]
    assert RULE not in [c.rule for c in evaluation.unverified]


def test_an_error_beside_an_unstated_condition_denies() -> None:
    """The goods underwent processing in transit ((c): no production process there) while their trading is not
    stated: the error denies whatever (b) would have said."""
    stop = {**GOOD_STOP, "operations": ["processing"], "traded_or_consumed": None}
    evaluation = evaluate({"direct": False, "transit": [stop], "evidence": ["bl"]})
    assert roo.Status.REJECTED == evaluation.status
    assert {"motr-transit-operation-not-permitted", "motr-transit-trading-unknown"} <= set(consignment_codes(evaluation))


def test_a_stop_whose_operations_are_left_out_is_not_evaluated() -> None:
    """(c): the goods undergo no production process in transit beyond loading, unloading and what keeps them in
    good condition. A stop that does not say what was done there does not show (c): not evaluated, naming the
    fact, never read as "nothing done"; ``[]`` states that nothing was (the boundary)."""
    unstated = {key: value for key, value in GOOD_STOP.items() if key != "operations"}
    evaluation = evaluate({"direct": False, "transit": [unstated], "evidence": ["bl"]})
    (check,) = [c for c in evaluation.checks if c.title.startswith("consignment")]
    assert (roo.Outcome.NOT_EVALUATED, ("context.consignment.transit.operations",)) == (check.outcome, check.needed)
    stated_empty = evaluate({"direct": False, "transit": [{**GOOD_STOP, "operations": []}], "evidence": ["bl"]})
    (check,) = [c for c in stated_empty.checks if c.title.startswith("consignment")]
    assert roo.Outcome.PASSED == check.outcome


def test_a_transit_whose_proof_is_left_out_is_not_evaluated() -> None:
    """The importer proves a delivery through another country with that country's customs documents or other
    related documents. Data that say nothing of the documents presented (``evidence`` left out or null) do not
    show that the importer failed to prove it: not evaluated, naming the fact, never denied; ``[]`` states that
    none was presented, and denies (the boundary)."""
    for unstated in ({"direct": False, "transit": [GOOD_STOP]}, {"direct": False, "transit": [GOOD_STOP], "evidence": None}):
        evaluation = evaluate(unstated)
        (check,) = [c for c in evaluation.checks if c.rule == RULE and c.item is None]
        assert (roo.Outcome.NOT_EVALUATED, ("context.consignment.evidence",)) == (check.outcome, check.needed)
        assert "motr-transit-not-proven" not in consignment_codes(evaluation)
        assert roo.Status.ACCEPTED == evaluation.status
        assert not evaluation.complete
    none_presented = evaluate({"direct": False, "transit": [GOOD_STOP], "evidence": []})
    assert ["motr-transit-not-proven"] == consignment_codes(none_presented)
    assert roo.Status.REJECTED == none_presented.status


def test_an_error_beside_unstated_proof_denies() -> None:
    """Goods traded in the transit country fail (b) whatever documents were presented: the error denies."""
    evaluation = evaluate({"direct": False, "transit": [{**GOOD_STOP, "traded_or_consumed": True}]})
    assert ["motr-traded-in-transit"] == consignment_codes(evaluation)
    assert roo.Status.REJECTED == evaluation.status


def test_unstated_proof_beside_unstated_conditions_names_every_fact() -> None:
    stop = {key: value for key, value in GOOD_STOP.items() if key != "operations"}
    evaluation = evaluate({"direct": False, "transit": [stop]})
    (check,) = [c for c in evaluation.checks if c.rule == RULE and c.item is None]
    assert ("context.consignment.transit.operations", "context.consignment.evidence") == check.needed
