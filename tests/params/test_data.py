"""The packaged data: the values, citations and verification flags roo ships."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from importlib import resources

import pytest

from roo import params
from roo.model.money import Money
from roo.rules.base import CITATION_PATTERN

ON = date(2024, 3, 20)

#: name -> (value on 2024-03-20, citation, verified)
EXPECTED: dict[str, tuple[object, str, bool]] = {
    "ajcep.waiver.japan.customs_value": (Money(Decimal("200000"), "JPY"), "AJCEP/IR/6(a)", True),
    "ajcep.waiver.asean.exporting_value": (Money(Decimal("200"), "USD"), "AJCEP/IR/6(a)", True),
    "ajcep.retroactive.grace_days": (3, "AJCEP/IR/7", True),
    "ajcep.retroactive.max_months": (12, "AJCEP/IR/7", True),
    "ajcep.co.validity_months": (12, "AJCEP/OCP/4(1)", False),
    "ajcep.certified_true_copy.max_months": (12, "AJCEP/IR/5(b)", True),
    "jiepa.co.validity_months": (12, "JIEPA/ART/41", True),
    "jiepa.waiver.customs_value": (Money(Decimal("200"), "USD"), "JIEPA/ART/40", True),
    "jiepa.waiver.japan.customs_value": (Money(Decimal("200000"), "JPY"), "JIEPA/ART/40", True),
    "jiepa.psr.hs_version": ("HS2017", "JIEPA/ART/29", True),
    "jiepa.eco.pilot_start": (date(2023, 5, 1), "JIEPA/ECO/4", True),
    "jiepa.eco.copy_required_until": (date(2023, 5, 31), "JIEPA/ECO/4", True),
    "jiepa.eco.full_operation": (date(2023, 6, 26), "JIEPA/ECO/5", True),
    "jiepa.paper_co_from_indonesia_ends": (date(2024, 2, 5), "JIEPA/ECO/5", False),
    "jiepa.verification.reply_months": (6, "JIEPA/ART/43", True),
    "jiepa.verification.additional_info_months": (4, "JIEPA/ART/43", True),
    "jiepa.visit.notice_days": (40, "JIEPA/ART/44", True),
    "jiepa.visit.accept_days": (30, "JIEPA/ART/44", True),
    "jiepa.visit.report_days": (45, "JIEPA/ART/44", True),
}

#: Party -> (AJCEP entry into force, verified)
ENTRY_INTO_FORCE: dict[str, tuple[date, bool]] = {
    "JP": (date(2008, 12, 1), True),
    "SG": (date(2008, 12, 1), True),
    "LA": (date(2008, 12, 1), True),
    "VN": (date(2008, 12, 1), True),
    "MM": (date(2008, 12, 1), True),
    "BN": (date(2009, 1, 1), True),
    "MY": (date(2009, 2, 1), True),
    "TH": (date(2009, 6, 1), True),
    "KH": (date(2009, 12, 1), True),
    "PH": (date(2010, 7, 1), True),
    "ID": (date(2018, 3, 1), False),
}


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_packaged_value_citation_and_verification(name: str) -> None:
    """Each parameter the rules rely on has its legal value, citation and verification flag."""
    parameter = params.get(name)
    assert EXPECTED[name] == (params.value(name, ON), parameter.reference, parameter.verified)


def test_motr_16_2024_in_force_from_12_july_2024() -> None:
    """Permendag 16/2024, promulgated 2 July 2024, is in force from 12 July 2024; before promulgation it does not exist."""
    name = "id.motr_16_2024.in_force"
    parameter = params.get(name)
    actual = (params.value(name, date(2024, 7, 2)), parameter.reference, parameter.verified)
    assert (date(2024, 7, 12), "ID/MOTR-16-2024/2", True) == actual
    with pytest.raises(params.ParameterNotInForce):
        params.value(name, date(2024, 7, 1))


@pytest.mark.parametrize("party", sorted(ENTRY_INTO_FORCE), ids=sorted(ENTRY_INTO_FORCE))
def test_ajcep_entry_into_force(party: str) -> None:
    """AJCEP's entry into force per Party, answerable from 2008-12-01; Indonesia's date is marked unverified."""
    parameter = params.get(f"ajcep.entry_into_force.{party}")
    actual = (params.value(parameter.name, date(2008, 12, 1)), parameter.verified)
    assert ENTRY_INTO_FORCE[party] == actual


def test_lao_entry_into_force_notes_the_conflicting_source() -> None:
    """The Lao date records that WIPO Lex gives a different date."""
    note = params.get("ajcep.entry_into_force.LA").note or ""
    assert "WIPO" in note and "2009-01-01" in note


@pytest.mark.parametrize("party", sorted(ENTRY_INTO_FORCE), ids=sorted(ENTRY_INTO_FORCE))
def test_ajcep_annex2_is_hs2002_from_entry_into_force(party: str) -> None:
    """Annex 2 is HS2002 from the Agreement's entry into force for each Party; no later date is invented."""
    parameter = params.get(f"ajcep.annex2.hs_version.{party}")
    eif = ENTRY_INTO_FORCE[party][0]
    expected = ((eif,), "HS2002", "HS2002")
    actual = (tuple(v.effective_from for v in parameter.values), params.value(parameter.name, eif), params.value(parameter.name, ON))
    assert expected == actual


@pytest.mark.parametrize("party", sorted(ENTRY_INTO_FORCE), ids=sorted(ENTRY_INTO_FORCE))
def test_ajcep_annex2_edition_is_not_confirmed(party: str) -> None:
    """No transposition date was found, so HS2002 "to this day" is marked unverified, with a note saying why."""
    parameter = params.get(f"ajcep.annex2.hs_version.{party}")
    assert (False, True) == (parameter.verified, "transposition" in (parameter.note or ""))


def test_jiepa_psr_moves_to_hs2017_on_5_february_2024() -> None:
    """The JIEPA product-specific rules are HS2002 up to 4 February 2024 and HS2017 from the 5th."""
    expected = ("HS2002", "HS2002", "HS2017")
    actual = tuple(params.value("jiepa.psr.hs_version", d) for d in (date(2008, 7, 1), date(2024, 2, 4), date(2024, 2, 5)))
    assert expected == actual


def test_unverified_sources_are_marked_and_explained() -> None:
    """Every parameter with an unverified value says why in a note."""
    unexplained = [
        p.name
        for p in params.catalogue()
        if not (p.verified and all(v.verified for v in p.values)) and not (p.note or any(v.note for v in p.values))
    ]
    assert [] == unexplained


def test_every_citation_follows_the_rule_citation_pattern() -> None:
    """Parameter citations are valid finding citations too (docs/architecture.md#citations)."""
    citations = {p.reference for p in params.catalogue()} | {v.reference for p in params.catalogue() for v in p.values}
    assert [] == sorted(c for c in citations if not CITATION_PATTERN.match(c))


def test_every_data_file_opens_with_source_and_override() -> None:
    """Each data file starts with a comment block: what it holds (first line), its source, and how to override it."""
    folder = resources.files("roo.params").joinpath("data")
    missing = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        header = entry.read_text(encoding="utf-8").split("[[parameter]]", 1)[0]
        lines = header.strip().splitlines()
        if not lines or not all(line.startswith("#") for line in lines):
            missing.append(f"{entry.name}: no opening comment block")
            continue
        if "Source" not in header:
            missing.append(f"{entry.name}: comment block does not give its Source")
        if "Context.parameters" not in header and '"parameters"' not in header:
            missing.append(f"{entry.name}: comment block does not say how to override (Context.parameters)")
    assert [] == missing


def test_every_parameter_is_in_force_today_or_explains_why_not() -> None:
    """On a recent date every packaged parameter has a value (none has ended yet)."""
    assert [] == [p.name for p in params.catalogue() if p.values[-1].ends]
