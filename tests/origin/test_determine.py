"""roo.determine: the rule that applies, the three-valued outcome, box 8, and the Determination JSON."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

import roo
from roo.model.certificate import Scheme
from roo.origin import Determination, Good, determine
from tests.origin.helpers import codes, criterion, fob, good, material, run, table

FLOUR = material("Flour", "110100", "40.00")
PREMIX = material("Premix", "190590", "30.00")


def test_public_api() -> None:
    """``roo.load_good`` and ``roo.determine`` are the public entry points (docs/origin.md)."""
    determination = roo.determine(roo.load_good({
        "scheme": "AJCEP", "exporting_party": "TH", "hs_code": "190531",
        "fob_value": {"amount": "100.00", "currency": "USD"}, "final_process_in_party": True,
        "materials": [{"description": "Flour", "hs_code": "110100", "value": {"amount": "40", "currency": "USD"},
                       "originating": False}],
    }))
    assert isinstance(determination, Determination)
    assert (True, ("RVC", "CTH"), "CTH", Decimal("60.00")) == (
        determination.originating,
        determination.satisfied,
        determination.box8,
        determination.rvc_percent,
    )


def test_to_dict_shape() -> None:
    """``to_dict`` carries the format tag and the fields of docs/origin.md, and is plain JSON."""
    data = run(FLOUR).to_dict()
    assert {"format", "originating", "satisfied", "flags", "box8", "rvc_percent", "findings", "checks"} <= set(data)
    assert ("roo.determination/1", True, ["RVC", "CTH"], [], "CTH", "60.00") == (
        data["format"], data["originating"], data["satisfied"], data["flags"], data["box8"], data["rvc_percent"],
    )
    assert data == json.loads(json.dumps(data))


def test_checks_trace_every_criterion() -> None:
    """The trace has one check per criterion tried, with its citation and outcome."""
    determination = run(PREMIX)
    expected = [
        ("AJCEP/ART/24(c)", "failed", "produced entirely from originating materials"),
        ("AJCEP/ART/26(1)(b)", "failed", "general rule: CTH"),
        ("AJCEP/ART/26(1)(a)", "passed", "general rule: RVC 40%"),
    ]
    assert expected == [(c.rule, c.outcome.value, c.title) for c in determination.checks]


def test_not_originating() -> None:
    """Every criterion failing gives False with an error naming what was tried."""
    determination = run(material("Premix", "190590", "70.00"))
    error = [f for f in determination.findings if f.denies]
    assert (False, None, ["origin-not-originating"]) == (
        determination.originating, determination.box8, [f.code for f in error],
    )


def test_undetermined_names_the_facts() -> None:
    """None met and one unknown gives None, naming the facts needed."""
    determination = run(material("Premix", "190590", "70.00"), material("Mystery", None, "1.00"), fob_value=None)
    assert (None, ("fob_value", "materials[1].hs_code")) == (determination.originating, determination.needed)
    assert "origin-undetermined" in codes(determination)


def test_one_criterion_met_is_enough() -> None:
    """The exporter chooses: one criterion met makes the good originating, though another is unknown."""
    determination = run(FLOUR, fob_value=None)
    assert (True, True, None, ()) == (
        determination.originating,
        criterion(determination, "CTH"),
        criterion(determination, "RVC"),
        determination.needed,
    )


def test_good_without_materials() -> None:
    """A good that lists no materials and is not WO cannot be judged on materials."""
    determination = run()
    assert (None, ("materials",)) == (determination.originating, determination.needed)
    assert "origin-good-without-materials" in codes(determination)


def test_ajcep_general_rule_without_a_table() -> None:
    """Without a table AJCEP applies the general rule and says a product-specific rule might apply instead."""
    determination = run(FLOUR)
    assert ("general", "origin-psr-table-not-supplied") == (determination.rule.kind.value, codes(determination)[0])


def test_ajcep_general_rule_where_the_table_has_no_row() -> None:
    """AJCEP Art 26.1 applies where the table has no row for the good."""
    determination = run(FLOUR, psr=table({"hs": "1806", "rule": "CC"}))
    assert ("general", "origin-psr-not-found") == (determination.rule.kind.value, codes(determination)[0])


def test_product_specific_rule_replaces_the_general_rule() -> None:
    """With a row, only its alternatives are tried: a stricter CC rule fails where CTH would pass."""
    determination = run(material("Premix", "190100", "70.00"), psr=table({"hs": "1905", "rule": "CC"}))
    assert (False, ["PE", "CC"], "product_specific", "CC") == (
        determination.originating,
        [c.criterion for c in determination.criteria],
        determination.rule.kind.value,
        determination.rule.text,
    )


def test_psr_alternatives_are_separate_criteria() -> None:
    """Each alternative of ``CTSH and RVC 35 or CC`` is tried and reported on its own.

    Form note 3(d) gives "CTC" and "RVC" (no percentage) for Art 26.2; an alternative that needs both is
    written with both codes.
    """
    psr = table({"hs": "1905", "rule": "CTSH and RVC 35 or CC"})
    determination = run(material("Premix", "190590", "60.00"), psr=psr)
    assert ([("CTSH+RVC", True), ("CC", False)], ("RVC", "CTSH"), "CTC, RVC") == (
        [(c.criterion, c.met) for c in determination.criteria[1:]],
        determination.satisfied,
        determination.box8,
    )


def test_psr_wo_requirement() -> None:
    """A product-specific rule of ``WO`` is met only by a wholly obtained good."""
    psr = table({"hs": "0306", "rule": "WO"})
    caught = run(material("Bait", "030389", "1.00", originating=True), psr=psr, hs_code="030617",
                 wholly_obtained="hunting_fishing")
    farmed = run(material("Feed", "230990", "1.00"), psr=psr, hs_code="030617")
    assert (True, False) == (caught.originating, farmed.originating)


def test_ambiguous_rows_leave_the_rule_unknown() -> None:
    """Two equally narrow rows: roo does not guess which applies."""
    psr = table({"hs": "1905", "rule": "CTH"}, {"hs": "1905", "rule": "CC"})
    determination = run(PREMIX, psr=psr)
    assert (None, ("product-specific rule for 190531",), "origin-psr-ambiguous") == (
        determination.originating, determination.needed, codes(determination)[0],
    )


def test_table_of_the_other_scheme_is_not_used() -> None:
    """A JIEPA table is not applied to an AJCEP good."""
    determination = run(FLOUR, psr=table({"hs": "1905", "rule": "CC"}, scheme="JIEPA"))
    assert ("general", ["origin-psr-table-other-scheme", "origin-psr-table-not-supplied"]) == (
        determination.rule.kind.value, codes(determination)[:2],
    )


def test_hs_edition_of_the_rule_differs() -> None:
    """A rule written in another HS edition than the good's code is used, with a warning."""
    psr = table({"hs": "1905", "rule": "CTH", "hs_version": "HS2002"})
    determination = run(FLOUR, psr=psr, hs_version="HS2017")
    assert (True, "origin-psr-hs-edition-differs") == (determination.originating, codes(determination)[0])


def jiepa(*materials: dict[str, object], psr: object = None, **changes: object) -> Determination:
    """An Indonesian wiring set under JIEPA."""
    data = good(*materials, scheme="JIEPA", exporting_party="ID", hs_code="854430", **changes)
    return determine(data, psr)  # type: ignore[arg-type]


def test_jiepa_without_a_table_has_no_general_rule() -> None:
    """JIEPA has no general rule: without the product-specific rule a good qualifies only as WO or PE."""
    determination = jiepa(material("Connectors", "853669", "5.00"))
    assert (None, ("product-specific rule for 854430",), "origin-psr-table-not-supplied") == (
        determination.originating, determination.needed, codes(determination)[0],
    )


def test_jiepa_row_missing() -> None:
    """A JIEPA table without a row for the good leaves it undetermined, naming the missing rule."""
    determination = jiepa(material("Connectors", "853669", "5.00"), psr=table({"hs": "1806", "rule": "CC"}, scheme="JIEPA"))
    assert (None, "origin-psr-not-found", "warning") == (
        determination.originating, codes(determination)[0], determination.findings[0].severity.value,
    )


def test_jiepa_pe_needs_no_table() -> None:
    """A JIEPA good made only of Indonesian originating materials is PE without any table."""
    determination = jiepa(material("Wire", "854449", "20.00", originating=True))
    assert (True, "PE") == (determination.originating, determination.box8)


def test_jiepa_box8_under_a_product_rule() -> None:
    """Under JIEPA a product-specific rule is claimed as ``PSR``."""
    psr = table({"hs": "8544", "rule": "CTH or QVC 40"}, scheme="JIEPA")
    determination = jiepa(material("Connectors", "853669", "5.00"), psr=psr, fob_value=fob("50.00"))
    assert ("PSR", ("RVC", "CTH")) == (determination.box8, determination.satisfied)


def test_non_preferential_scheme_is_not_determined() -> None:
    """A good constructed under the Indonesian non-preferential regime is not determined (no exception)."""
    determination = determine(Good(scheme=Scheme.ID_MOTR_16_2024, exporting_party="CN", hs_code="720851"))
    assert (None, ["origin-scheme-not-supported"]) == (determination.originating, codes(determination))


def test_parameters_before_the_agreement() -> None:
    """On a date before the general rule's parameter takes effect, its RVC route is not evaluated."""
    determination = run(material("Premix", "190590", "10.00"), on="2008-11-30", exporting_party="TH")
    assert (False, "origin-agreement-not-in-force") == (determination.originating, codes(determination)[0])


def test_on_date_recorded() -> None:
    """The determination carries the date it speaks for."""
    assert date(2024, 5, 1) == run(FLOUR, on="2024-05-01").on


def test_text_report() -> None:
    """The text report states the answer, box 8 and each criterion."""
    text = run(material("Flour", "110100", "55.00"), material("Premix", "190590", "10.00")).to_text()
    assert "Result:    originating" in text and "Box 8:     CTH, DMI" in text and "general rule: CTH [DMI]" in text


@pytest.mark.parametrize("originating", [True, False, None])
def test_unknown_material_is_reported_whatever_the_outcome(originating: bool | None) -> None:
    """Every material of unknown origin gets a warning, even when the good originates anyway."""
    unknown = material("Mystery", "110100", "1.00", originating=None)
    determination = run(unknown, material("Flour", "110100", "1.00", originating=originating))
    assert (2 if originating is None else 1) == codes(determination).count("origin-material-origin-unknown")


# --- JIEPA's entry into force (issue 12 §6) ------------------------------------------------------------------


@pytest.mark.parametrize(("on", "originating"), [("2008-06-30", False), ("2008-07-01", True), (None, True)])
def test_jiepa_goods_originate_only_from_its_entry_into_force(on: str | None, originating: bool) -> None:
    """JIEPA Art 29(1): a good originates "in a Party", and Japan and Indonesia are Parties only once the Agreement
    is in force (2008-07-01, the dated parameter ``jiepa.entry_into_force``), as AJCEP already holds per Party.
    The day before, the good does not originate and the finding names both dates; on the day it does.
    """
    determination = run(
        wholly_obtained="plant", scheme="JIEPA", exporting_party="ID", hs_code="090111", on=on
    )
    assert originating is determination.originating
    if not originating:
        (finding,) = determination.findings
        assert ("origin-agreement-not-in-force", "JIEPA/ART/29(1)") == (finding.code, finding.rule)
        assert ("2008-07-01", "2008-06-30") == (str(finding.facts["in_force"]), str(finding.facts["on"]))


def test_jiepa_entry_into_force_can_be_overridden() -> None:
    """The date is a dated parameter: a caller can override it by name, as a context's parameters do."""
    good = roo.load_good(
        {"scheme": "JIEPA", "exporting_party": "JP", "hs_code": "090111", "wholly_obtained": "plant", "on": "2009-01-01"}
    )
    assert determine(good).originating is True
    assert determine(good, parameters={"jiepa.entry_into_force": "2010-01-01"}).originating is False
