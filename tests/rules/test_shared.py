"""roo.rules.shared: where AJCEP and JIEPA agree, one implementation serves both, parameterised by scheme terms."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

import roo
from roo import catalogue
from roo.context import Consignment, Context, TransitStop
from roo.model.money import Money
from roo.rules import rules_for
from roo.rules.ajcep import (
    art26_origin_criterion,
    art31_direct_consignment,
    ir03_form,
    ir04_modifications,
    ir06_waiver,
    ir07_retroactive_issuance,
    ir12_tariff_classification,
    ir17_hs_transition,
    ocp_validity,
)
from roo.rules.base import CertificateRule, FindingSpec, failed, judged, passed
from roo.rules.id_motr_16_2024 import arts03_08_consignment_criteria as motr_consignment
from roo.rules.jiepa import (
    art29_origin_criterion,
    art29_psr_edition,
    art33_consignment,
    art40_waiver,
    art41_form,
    art41_goods,
    art41_validity,
    art50_retroactive_issuance,
)
from roo.rules.shared.consignment import read_operation
from tests.builders import certificate, certificate_data
from tests.rules.id_motr_16_2024.helpers import motr
from tests.rules.jiepa.helpers import jiepa

#: (AJCEP terms, JIEPA terms) of every shared check.
PAIRS = [
    pytest.param(ir03_form.TERMS, art41_form.TERMS, id="form"),
    pytest.param(ir12_tariff_classification.TERMS, art41_goods.TERMS, id="classification"),
    pytest.param(ocp_validity.TERMS, art41_validity.TERMS, id="validity"),
    pytest.param(ir06_waiver.TERMS, art40_waiver.TERMS, id="waiver"),
    pytest.param(ir07_retroactive_issuance.TERMS, art50_retroactive_issuance.TERMS, id="retroactive"),
    pytest.param(art31_direct_consignment.TERMS, art33_consignment.TERMS, id="consignment"),
    pytest.param(art26_origin_criterion.TERMS, art29_origin_criterion.TERMS, id="criterion"),
    pytest.param(ir17_hs_transition.TERMS, art29_psr_edition.TERMS, id="hs-edition"),
]

#: Findings whose JIEPA meaning differs from AJCEP's, so their codes are not prefixed copies.
OWN_CODES = {"de_minimis_without_effect"}


def specs(terms: Any) -> dict[str, FindingSpec]:
    """The finding specs of a terms object, by field name."""
    values = {field.name: getattr(terms, field.name) for field in attrs.fields(type(terms))}
    return {name: value for name, value in values.items() if isinstance(value, FindingSpec)}


@pytest.mark.parametrize(("ajcep", "jiepa_terms"), PAIRS)
def test_jiepa_counterparts_carry_the_ajcep_code_prefixed(ajcep: Any, jiepa_terms: Any) -> None:
    """Each JIEPA counterpart of an AJCEP finding is coded ``jiepa-<AJCEP code>`` and cites JIEPA."""
    mine, theirs = specs(jiepa_terms), specs(ajcep)
    wrong = [
        (name, spec.code)
        for name, spec in mine.items()
        if name in theirs and name not in OWN_CODES and spec.code != f"jiepa-{theirs[name].code}"
    ]
    assert ([], set()) == (wrong, {spec.rule.split("/")[0] for spec in mine.values()} - {"JIEPA"})


@pytest.mark.parametrize(("ajcep", "jiepa_terms"), PAIRS)
def test_jiepa_specs_are_registered(ajcep: Any, jiepa_terms: Any) -> None:
    """Every finding a JIEPA terms object can produce is declared by a registered JIEPA rule (so it is catalogued)."""
    registered = {spec for rule in rules_for(roo.Scheme.JIEPA) for spec in rule.specs}
    assert set() == set(specs(jiepa_terms).values()) - registered


def test_jiepa_rules_are_grouped_under_jiepa_modules() -> None:
    """The catalogue files every JIEPA rule under a JIEPA module whose docstring names JIEPA."""
    entries = catalogue.rules(roo.Scheme.JIEPA)
    assert [] == [e.title for e in entries if not (e.module.startswith("roo.rules.jiepa.") and "JIEPA" in e.regulation)]


def test_jiepa_certificate_rules_run_before_item_rules() -> None:
    """The JIEPA registry lists every certificate rule before the first item rule."""
    kinds = [isinstance(rule, CertificateRule) for rule in rules_for(roo.Scheme.JIEPA)]
    assert sorted(kinds, reverse=True) == kinds


def facts(result: Any) -> tuple[Any, ...]:
    """A result's outcome and each finding's severity and facts, without box numbers and codes."""
    return result.outcome, [
        (f.severity, {k: v for k, v in f.facts.items() if k not in ("box", "form")}) for f in result.findings
    ]


#: An AJCEP CO and a JIEPA CO issued on the same day, for goods shipped on the same day.
AJCEP_CO = certificate(
    issue_date="2023-05-10", transport=dict(certificate_data()["transport"], departure_date="2023-05-09")
)
JIEPA_CO = jiepa()
VALIDITY = (ocp_validity.check_validity, art41_validity.check_validity)


@pytest.mark.parametrize(
    ("ajcep_check", "jiepa_check", "ctx"),
    [
        pytest.param(VALIDITY[0], VALIDITY[1], Context(on=date(2024, 5, 11)), id="presented-the-day-after-validity"),
        pytest.param(VALIDITY[0], VALIDITY[1], Context(on=date(2024, 5, 10)), id="presented-on-the-last-day"),
        pytest.param(
            ir06_waiver.check_waiver,
            art40_waiver.check_waiver,
            Context(on=date(2023, 7, 3), customs_value=Money(Decimal("200000"), "JPY")),
            id="waived-at-200000-yen",
        ),
        pytest.param(
            art31_direct_consignment.check_direct_consignment,
            art33_consignment.check_consignment,
            Context(consignment=Consignment(direct=False, transit=(TransitStop("SG", ("relabelling",)),))),
            id="operation-not-permitted",
        ),
    ],
)
def test_one_implementation_decides_alike(ajcep_check: Any, jiepa_check: Any, ctx: Context) -> None:
    """The same facts give the same outcome and the same finding facts under both schemes."""
    assert facts(ajcep_check(AJCEP_CO, ctx)) == facts(jiepa_check(JIEPA_CO, ctx))


def test_one_reference_number_check_with_each_schemes_severity() -> None:
    """The shared check finds the same missing reference number under both schemes; the severity is each
    scheme's text's: AJCEP IR 3(c) denies, JIEPA warns (Art 41(1) leaves the particulars to Annex 3, unread)."""
    ajcep = ir03_form.check_reference_number(certificate(reference_number=None), Context())
    jiepa_result = art41_form.check_reference_number(jiepa(reference_number=None), Context())
    assert [f.facts for f in ajcep.findings] == [f.facts for f in jiepa_result.findings]
    assert (roo.Outcome.FAILED, roo.Outcome.PASSED) == (ajcep.outcome, jiepa_result.outcome)
    assert [roo.Severity.ERROR, roo.Severity.WARNING] == [ajcep.findings[0].severity, jiepa_result.findings[0].severity]


@pytest.mark.parametrize(
    ("severities", "outcome"),
    [
        pytest.param((), roo.Outcome.PASSED, id="nothing-found"),
        pytest.param(("info",), roo.Outcome.PASSED, id="a-minor-matter-disregarded"),
        pytest.param(("warning",), roo.Outcome.PASSED, id="a-matter-customs-may-check"),
        pytest.param(("info", "warning"), roo.Outcome.PASSED, id="info-and-warning"),
        pytest.param(("warning", "error"), roo.Outcome.FAILED, id="an-error-beside-a-warning"),
    ],
)
def test_a_rule_fails_only_on_an_error(severities: tuple[str, ...], outcome: roo.Outcome) -> None:
    """Severity follows the verb of the text: what customs "will disregard" (info) or "may check" (warning) is
    noted and the rule still holds; only what the text makes a ground of denial ("shall", "invalid") fails it.
    """
    by_severity = {
        "info": ir04_modifications.QUANTITY_DIFFERS_SLIGHTLY,
        "warning": ir04_modifications.QUANTITY_BELOW,
        "error": ir04_modifications.QUANTITY_EXCEEDS,
    }
    findings = [by_severity[severity].with_severity(roo.Severity(severity), 1) for severity in severities]
    result = judged(*findings)
    assert (outcome, tuple(findings)) == (result.outcome, result.findings)
    # A rule that decides the outcome itself keeps its findings: passed() with a note, failed() with its ground.
    assert [(roo.Outcome.PASSED, tuple(findings)), (roo.Outcome.FAILED, tuple(findings))] == [
        (r.outcome, r.findings) for r in (passed(*findings), failed(*findings))
    ]


def test_ajcep_and_jiepa_alike_read_operations_left_out_as_not_stated() -> None:
    """AJCEP Art 31 and JIEPA Art 33(1)(b) admit passage through another country provided the goods undergo only
    the permitted operations: a stop whose operations the data leave out leaves both checks not evaluated."""
    ctx = Context(consignment=Consignment(direct=False, transit=(TransitStop("SG"),), evidence=("through_bill_of_lading",)))
    via = dict(certificate_data()["transport"], transit_countries=["SG"])
    ajcep = art31_direct_consignment.check_direct_consignment(certificate(transport=via), ctx)
    jiepa_result = art33_consignment.check_consignment(jiepa(transport=via), ctx)
    expected = (roo.Outcome.NOT_EVALUATED, ("context.consignment.transit.operations",))
    assert expected == (ajcep.outcome, ajcep.needed) == (jiepa_result.outcome, jiepa_result.needed)


@pytest.mark.parametrize(
    ("operation", "reading"),
    [
        pytest.param("customs processing", "unrecognised", id="customs-processing"),
        pytest.param("transhipment processing", "unrecognised", id="transhipment-processing"),
        pytest.param("processing of customs documents", "unrecognised", id="processing-of-documents"),
        pytest.param("processing", "not_permitted", id="processing-alone"),
        pytest.param("processing of the tiles", "not_permitted", id="processing-the-goods"),
        pytest.param("customs processing and cutting", "not_permitted", id="beside-cutting"),
    ],
)
def test_processing_beside_a_formality_is_not_read_as_work_on_the_goods(operation: str, reading: str) -> None:
    """AJCEP Art 31(2)(b), JIEPA Art 33(1)(b) and MoTR 16/2024 Arts 3-8 (c) keep the goods' status in transit
    when they undergo no operation but those named (MoTR: no "production process" beyond loading, unloading and
    keeping them in good condition). Passing through customs is part of every transit, and none of the texts makes
    it an operation on the goods: "customs processing" is text roo cannot classify (a warning, for customs to
    verify), while "processing" of the goods, or cutting beside it, is work on them (an error)."""
    for vocabulary in (None, motr_consignment.VOCABULARY):
        found = read_operation(operation) if vocabulary is None else read_operation(operation, vocabulary)
        assert (reading == "not_permitted") == bool(found.not_permitted)
        assert (reading == "unrecognised") == (bool(found.unrecognised) and not found.not_permitted)


def test_customs_processing_in_transit_warns_alike_in_every_scheme() -> None:
    """The review's case, ``["unloading", "customs processing", "reloading"]`` in Singapore: under AJCEP Art 31,
    JIEPA Art 33 and MoTR 16/2024 Arts 3-8 (c) alike, a warning that denies nothing."""
    stop = TransitStop("SG", ("unloading", "customs processing", "reloading"), reason="no direct vessel", traded_or_consumed=False)
    ctx = Context(consignment=Consignment(direct=False, transit=(stop,), evidence=("through_bill_of_lading",)))
    via = dict(certificate_data()["transport"], transit_countries=["SG"])
    results = (
        art31_direct_consignment.check_direct_consignment(certificate(transport=via), ctx),
        art33_consignment.check_consignment(jiepa(transport=via), ctx),
        motr_consignment.check_consignment(motr(transport=dict(via, departure_date="2024-08-15")), ctx),
    )
    for result in results:
        assert roo.Outcome.PASSED == result.outcome
        assert [roo.Severity.WARNING] == [f.severity for f in result.findings]
